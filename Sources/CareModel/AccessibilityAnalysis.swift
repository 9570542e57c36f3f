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
    public var threshold: Double
    public var method: AccessibilityMethod
    /// Under-served mark in reported units (e.g. 2.5 APL consultations); `nil` for none.
    public var underServed: Double?

    public init(threshold: Double = 20, method: AccessibilityMethod, underServed: Double? = nil) throws(ModelError) {
        guard threshold.isFinite, threshold > 0 else {
            throw .invalidParameter(name: "threshold", value: "\(threshold)", reason: "must be a finite number of minutes > 0")
        }
        _ = try method.decay.validated()
        if let u = underServed, !(u.isFinite && u >= 0) {
            throw .invalidParameter(name: "under-served threshold", value: "\(u)", reason: "must be ≥ 0")
        }
        self.threshold = threshold
        self.method = method
        self.underServed = underServed
    }

    public func run(
        territory: Territory, communes studied: [Int], sites: [SupplySite], model: some TravelTimeModel
    ) throws -> AccessibilityResult {
        guard !studied.isEmpty else { throw ModelError.emptyDemand("no commune selected") }
        var notes: [String] = []
        // Supply.
        var capacity: [Double]
        switch method {
        case .apl(let o):
            let s = sites.map { o.supply(of: $0) }
            capacity = s.map(\.activity)
            let counted = s.filter(\.counted).count
            if counted > 0 {
                notes.append("\(counted) sites give GP counts only: \(Int(o.activityPerGP)) consultations per GP assumed (DREES imputation value)"
                             + (o.excludeAgeAtLeast != nil ? "; their GPs' ages are unknown, none excluded" : "") + ".")
            }
            let imputed = s.reduce(0) { $0 + $1.imputed }, excluded = s.reduce(0) { $0 + $1.excluded }
            if imputed > 0 { notes.append("\(imputed) practitioners without activity: \(Int(o.imputedActivity)) per FTE imputed.") }
            if let a = o.excludeAgeAtLeast { notes.append("\(excluded) practitioners aged \(a) or more in \(o.referenceYear) excluded.") }
        default:
            capacity = sites.map(\.gps)
        }
        guard capacity.contains(where: { $0 > 0 }) else {
            throw ModelError.emptySupply(sites.isEmpty ? "the supply has no site" : "every site has 0 capacity")
        }
        // Demand: every commune of the territory.
        var demand = territory.communes.map { Double($0.population) }
        if case .apl(let o) = method, let std = o.standardisedDemand {
            var missing: [String] = []
            for (i, c) in territory.communes.enumerated() {
                if let v = std[c.code] { demand[i] = v } else { missing.append(c.code) }
            }
            if !missing.isEmpty {
                throw ModelError.invalidParameter(name: "age structure", value: "\(missing.count) communes missing",
                                                  reason: "no age structure for \(missing.prefix(10).joined(separator: ", "))")
            }
        } else if case .apl = method {
            notes.append("No age structure given: demand is the raw population, not the age-standardised one.")
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
            notes.append("\(lost.count) sites reach no demand within \(threshold.compact) min: their supply counts nowhere.")
        }
        let scale = method.reportingScale
        let rows = studied.map { i in
            AccessibilityRow(commune: i, demand: demand[i], score: fca.scores[i] * scale)
        }
        let summary = AccessibilitySummary(rows: rows, territory: territory, underServed: underServed)
        return AccessibilityResult(
            rows: rows, summary: summary, method: method, threshold: threshold, modelSummary: model.summary,
            pairCount: catchments.pairCount, notes: notes)
    }
}

/// One studied commune's indicator value.
public struct AccessibilityRow: Sendable, Hashable {
    public var commune: Int
    /// Demand weight used (population or standardised population).
    public var demand: Double
    /// Score in reported units (``AccessibilityMethod/unit``).
    public var score: Double
}

public struct AccessibilityResult: Sendable {
    public var rows: [AccessibilityRow]
    public var summary: AccessibilitySummary
    public var method: AccessibilityMethod
    public var threshold: Double
    public var modelSummary: String
    /// Site–commune pairs within the threshold.
    public var pairCount: Int
    public var notes: [String]
}
