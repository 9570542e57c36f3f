/// Runs a floating-catchment indicator for the studied communes of a territory: catchments through the
/// travel-time model (every commune of the territory competes for a site, not only the studied ones, so
/// border sites are shared with neighbouring départements), then per-commune scores and the summary.
///
/// ```swift
/// let r = try AccessibilityAnalysis(threshold: 20, method: .enhanced(.step(.drees)))
///     .run(territory: t, communes: ardeche, sites: sites, model: CrowFlyModel())
/// print(r.summary.meanScore)
/// ```
public struct AccessibilityAnalysis: Sendable {
    /// The catchment in minutes (inclusive), > 0 and at most ``MinutesLimit/maximum``.
    public var threshold: Double
    /// The indicator to compute and its parameters.
    public var method: AccessibilityMethod
    /// Under-served mark in reported units (e.g. 2.5 APL consultations); `nil` for none.
    public var underServed: Double?

    /// - Parameters:
    ///   - threshold: the catchment in minutes (inclusive): pairs farther apart are never searched.
    /// - Throws: ``ModelError/invalidParameter(name:value:reason:)`` for a catchment that is not a positive number
    ///   of minutes, or one that ends before a step weight band does (the band's far part would silently weigh 0).
    public init(threshold: Double = StudyDefaults.catchment, method: AccessibilityMethod,
                underServed: Double? = nil) throws(ModelError) {
        try MinutesLimit.check(threshold, name: "catchment", positive: true)
        _ = try method.decay.validated()
        if case .step(let s) = method.decay, let last = s.bands.map(\.upper).max(), last > threshold {
            func text(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e9 ? String(Int(v)) : "\(v)" }
            throw .invalidParameter(
                name: "catchment", value: text(threshold),
                reason: "the weight bands (\(s.summary)) reach \(text(last)) min, beyond the catchment: use a catchment of at least \(text(last)) min or bands within it")
        }
        if case .apl(let o) = method { _ = try o.validated() }
        if let u = underServed, !(u.isFinite && u >= 0) {
            throw .invalidParameter(name: "under-served threshold", value: "\(u)", reason: "must be ≥ 0")
        }
        self.threshold = threshold
        self.method = method
        self.underServed = underServed
    }

    /// Computes the indicator for the `studied` communes (territory indices); every commune of `territory` is
    /// demand, and scores are scaled by ``AccessibilityMethod/reportingScale``.
    ///
    /// - Throws: ``ModelError/emptyDemand(_:)`` when no commune is studied; ``ModelError/emptySupply(_:)`` when no
    ///   site has capacity; the APL's demand errors (``APLDemand/weights(territory:)``); and whatever the model's
    ///   catchment search or ``AccessibilityProblem/init(demand:supply:catchments:)`` throws.
    public func run(
        territory: Territory, communes studied: [Int], sites: [SupplySite], model: some TravelTimeModel
    ) throws -> AccessibilityResult {
        guard !studied.isEmpty else { throw ModelError.emptyDemand("no commune selected") }
        var notes: [Diagnostic] = []
        var inputs: [AccessibilityResult.Input] = []
        let capacity: [Double], demand: [Double]
        if case .apl(let o) = method {
            let apl = try Self.aplInputs(o, territory: territory, sites: sites)
            (capacity, demand, inputs) = (apl.capacity, apl.demand, apl.inputs)
            notes += apl.notes
        } else {
            capacity = sites.map(\.gps)
            demand = territory.communes.map { Double($0.population) }
        }
        guard capacity.contains(where: { $0 > 0 }) else {
            throw ModelError.emptySupply(sites.isEmpty ? "the supply has no site" : "every site has 0 capacity")
        }
        let catchments = try model.catchments(from: sites.map(\.place), to: territory.communes.map(\.place), within: threshold)
        let problem = try AccessibilityProblem(demand: demand, supply: capacity, catchments: catchments)
        let fca: FCAResult
        switch method {
        case .threeStep(let d): fca = problem.threeStep(decay: d)
        default: fca = problem.twoStep(decay: method.decay)
        }
        let lost = (0..<sites.count).filter { capacity[$0] > 0 && fca.siteWeightedDemand[$0] == 0 }
        if !lost.isEmpty {
            notes.append(.sitesReachNoDemand(sites: lost.count, minutes: threshold))
        }
        let scale = method.reportingScale
        let rows = studied.map { i in
            AccessibilityRow(commune: i, demand: demand[i], score: fca.scores[i] * scale)
        }
        let summary = AccessibilitySummary(rows: rows, territory: territory, underServed: underServed)
        return AccessibilityResult(
            rows: rows, summary: summary, method: method, threshold: threshold, modelSummary: model.summary,
            pairCount: catchments.pairCount, inputs: inputs, notes: notes, modelParts: model.summaryParts)
    }
}

/// One studied commune's indicator value.
public struct AccessibilityRow: Sendable, Hashable {
    /// Index of the commune in ``Territory/communes``.
    public var commune: Int
    /// Demand weight used (population or standardised population).
    public var demand: Double
    /// Score in reported units (``AccessibilityMethod/unit``).
    public var score: Double
}

/// The outcome of ``AccessibilityAnalysis/run(territory:communes:sites:model:)``: one row per studied commune,
/// their summary, and what produced them.
public struct AccessibilityResult: Sendable {
    /// One row per studied commune, in the order the communes were given.
    public var rows: [AccessibilityRow]
    /// Population-weighted distribution of the scores of ``rows``.
    public var summary: AccessibilitySummary
    /// The indicator computed.
    public var method: AccessibilityMethod
    /// The catchment used, in minutes.
    public var threshold: Double
    /// One line describing the travel-time model (``TravelTimeModel/summary``).
    public var modelSummary: String
    /// Site–commune pairs within the threshold.
    public var pairCount: Int
    /// What the indicator was fed, one labelled line each (APL: demand, activity, caps); empty for the FCA family.
    public var inputs: [Input]
    /// Assumptions and exceptions of the run (demand, supply, sites that reach no demand).
    public var notes: [Diagnostic]
    /// ``modelSummary`` as figures (``TravelTimeModel/summaryParts``).
    public var modelParts: TravelModelSummary = .text("")

    /// One labelled line of ``AccessibilityResult/inputs``, e.g. `Demand` and what the demand is.
    public struct Input: Sendable, Hashable {
        /// Short name of the line, e.g. `Demand`.
        public var label: String
        /// The line in English (terminal, CSV sidecars).
        public var text: String
        /// What the line says, as figures, for renderers in other languages; `nil` for a line without a case.
        public var detail: Detail?
        /// Creates an input line from its parts.
        public init(label: String, text: String, detail: Detail? = nil) {
            self.label = label
            self.text = text
            self.detail = detail
        }

        /// The APL's inputs as figures.
        public enum Detail: Sendable, Hashable {
            /// The demand (``APLDemand``).
            case demand(APLDemand)
            /// The supply's yearly activity: `perGP` for the `countedSites` given as GP counts (`source` says where
            /// the level comes from), recorded activity for the `listedSites` with practitioners, `imputedPerFTE`
            /// imputed to `imputed` practitioners without a record.
            case activity(countedSites: Int, perGP: Double, source: String, listedSites: Int, imputedPerFTE: Double, imputed: Int)
            /// The DREES caps per GP (``APLOptions/capsSummary``).
            case caps
        }
    }
}
