import CareModel
import CarePlacement

/// Where k new sites (or a budget's worth) should go, as `careaccess place` states it: the study, the objective,
/// the candidates (a file, else every studied commune, optionally restricted to the zones of an `access --zones`
/// file), the methods and the solver's limits. ``PlacementRun/run(_:progress:loaded:)`` runs it.
public struct PlacementSpec: Sendable, Hashable {
    /// Which methods to run: one, or the heuristic then the exact method (to report the heuristic's gap).
    public enum Methods: String, Sendable, Hashable, Codable, CaseIterable {
        /// The raw value is the `--method` name.
        case exact, greedy, localSearch = "local-search", both
    }

    /// The study: data, travel model, coverage threshold (mclp, lscp, who counts as covered), and for `access`
    /// the indicator (its catchment is the objective's radius) and the under-served mark.
    public var study = StudySpec()
    /// What the new sites should maximise or minimise (MCLP by default).
    public var objective: ObjectiveSpec = .mclp
    /// Number of new sites (ignored by lscp and with a budget).
    public var k = 5
    /// `nil`: both where an exact method exists, else greedy.
    public var methods: Methods?
    /// Candidate sites CSV; `nil`: every studied commune.
    public var candidatesPath: String?
    /// A zones file (`access --zones`) restricting the candidates, and the level that counts.
    public var zonesPath: String?
    /// The zone level a candidate's commune must have to be kept (under-served by default).
    public var zoneLevel: AccessZone = .underServed
    /// mclp, access: total cost of the chosen sites at most this many euros, instead of k sites.
    public var budget: Double?
    /// With a budget: the cost of a candidate without one.
    public var siteCost: Double?
    /// The exact solver's time limit per MILP, seconds.
    public var timeLimit = StudyDefaults.solverTimeLimit
    /// p-median/p-center: farthest candidate minutes considered for communes no existing site reaches.
    public var maxRadius: Double?
    /// access: GPs of each new site.
    public var gpsPerSite = 1.0

    /// A spec with every value at its default (MCLP, 5 sites, embedded fixture).
    public init() {}

    /// The indicators the `access` objective supports (its greedy gain needs a step or binary decay).
    public static let accessIndicators: [IndicatorSpec.Method] = [.apl, .twoStep, .enhanced]
}
