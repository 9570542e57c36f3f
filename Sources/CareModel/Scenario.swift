import CareKernel
import CareGeo

/// A what-if on the GP supply: a list of events applied in order to a baseline supply.
///
/// ```swift
/// let s = Scenario(name: "MSP at Juniville", horizon: 2030, events: [
///     ScenarioEvent(.openSite(.init(location: .commune("08239"), kind: .msp, fte: 13)))])
/// let after = try s.apply(to: baseline, territory: ardennes)
/// ```
public struct Scenario: Sendable, Hashable {
    /// Name of the scenario as the scenario file gives it, for outputs (e.g. `MSP at Juniville`).
    public var name: String
    /// The year the scenario describes (used by `retire`); events may change it.
    public var horizon: Int?
    /// The changes to the supply, applied in this order.
    public var events: [ScenarioEvent]

    /// Creates a scenario from its parts.
    public init(name: String, horizon: Int? = nil, events: [ScenarioEvent]) {
        self.name = name
        self.horizon = horizon
        self.events = events
    }

    /// The supply after the events, with a line of log per event and the assumptions made.
    public struct Outcome: Sendable {
        /// The supply after the events: the baseline sites in their order (closed ones kept with 0 GPs and no
        /// practitioners), then the opened sites in the order they were opened.
        public var sites: [SupplySite]
        /// Kind of each site (existing sites are `.practice`).
        public var kinds: [SiteKind]
        /// What the scenario did, event by event (``Diagnostic/horizon(year:)`` … ``Diagnostic/retired(age:year:byBirthYear:byShare:)``).
        public var log: [Diagnostic]
        /// What it assumed (rotating and intern posts, retirement shares).
        public var assumptions: [Diagnostic]
    }

    /// Applies the events in order to `baseline`; `territory` resolves commune codes and gives new sites their
    /// commune point. Retirements draw with a seeded generator, so the same scenario gives the same outcome.
    ///
    /// - Throws: ``ScenarioError`` naming the event's line and key, for the first event that cannot be applied: an
    ///   unknown site, commune or area; a site already closed; a count, FTE, months, share or age out of range;
    ///   a point outside metropolitan Lambert-93; a duplicate site id; more GPs removed than the target has; or a
    ///   `retire` event before any horizon year.
    public func apply(to baseline: [SupplySite], territory: Territory) throws(ScenarioError) -> Outcome {
        var run = ScenarioApplication(baseline: baseline, horizon: horizon, territory: territory)
        for event in events {
            try run.apply(event)
        }
        return Outcome(sites: run.sites, kinds: run.kinds, log: run.log, assumptions: run.assumptions)
    }

    static func closedWhere(_ line: Int??) -> String {
        if let l = line, let l { return " (closed on line \(l))" }
        return ""
    }
}

/// A point with its CRS (local helper for scenario sites).
struct ProjectedPointLike {
    var point: ProjectedPoint
    var crs: CRS
    init(_ point: ProjectedPoint, _ crs: CRS) {
        self.point = point
        self.crs = crs
    }
}
