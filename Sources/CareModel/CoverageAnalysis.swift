/// Who is within a travel-time threshold of a GP: per-commune nearest site and minutes, plus the summary
/// figures planners quote (population beyond 20 minutes, population-weighted mean and 90th percentile).
///
/// ```swift
/// let model = try CrowFlyModel()
/// let result = try CoverageAnalysis(threshold: 20).run(territory: t, communes: ardeche, sites: sites, model: model)
/// print(result.summary.populationBeyond)
/// ```
/// The demand may be a subset of the territory (one département) while the supply is national: GPs across
/// the border serve border communes. Complexity: that of the model's ``TravelTimeModel/nearest(from:to:)``
/// plus O(n log n) for the percentile.
public struct CoverageAnalysis: Sendable {
    /// Travel time, minutes, within which a commune counts as covered (inclusive; 20 by default).
    public var threshold: Double

    /// Creates the analysis; throws ``ModelError/invalidParameter(name:value:reason:)`` unless `threshold` is
    /// finite, ≥ 0 and at most ``MinutesLimit/maximum`` (180 minutes).
    public init(threshold: Double = StudyDefaults.coverageThreshold) throws(ModelError) {
        try MinutesLimit.check(threshold, name: "threshold")
        self.threshold = threshold
    }

    /// Runs coverage for the communes at `communeIndices` of `territory` against `sites`.
    /// Sites with zero capacity are ignored. Throws ``ModelError/emptySupply(_:)`` when no site has capacity
    /// and ``ModelError/emptyDemand(_:)`` when no commune is selected.
    public func run(
        territory: Territory, communes communeIndices: [Int], sites: [SupplySite], model: some TravelTimeModel
    ) throws -> CoverageResult {
        guard !communeIndices.isEmpty else { throw ModelError.emptyDemand("no commune selected") }
        let active = sites.indices.filter { sites[$0].gps > 0 }
        guard !active.isEmpty else {
            throw ModelError.emptySupply(sites.isEmpty ? "the supply has no site" : "every site has 0 GPs")
        }
        let origins = communeIndices.map { territory.communes[$0].place }
        let nearest = try model.nearest(from: origins, to: active.map { sites[$0].place })
        var rows: [CommuneCoverage] = []
        rows.reserveCapacity(communeIndices.count)
        for (k, c) in communeIndices.enumerated() {
            let n = nearest[k]
            rows.append(CommuneCoverage(
                commune: c, nearestSite: n.site.map { active[$0] }, metres: n.metres, minutes: n.minutes,
                withinThreshold: n.site != nil && n.minutes <= threshold))
        }
        var summary = summarize(rows: rows, territory: territory, sites: sites)
        if let e = model.typicalErrorMinutes, e.isFinite, e > 0 {
            let near = rows.filter { $0.nearestSite != nil && abs($0.minutes - threshold) <= e }
            summary.nearThreshold = .init(error: e, communes: near.count,
                                          population: near.reduce(0) { $0 + territory.communes[$1.commune].population })
        }
        return CoverageResult(rows: rows, summary: summary, modelSummary: model.summary, modelCaveats: model.caveats,
                              modelParts: model.summaryParts)
    }

    func summarize(rows: [CommuneCoverage], territory: Territory, sites: [SupplySite]) -> CoverageSummary {
        var population = 0, within = 0, beyond = 0, popBeyond = 0, unreachable = 0
        var weighted = 0.0, reachablePop = 0
        var reachable: [(value: Double, weight: Int)] = []
        reachable.reserveCapacity(rows.count)
        for r in rows {
            let pop = territory.communes[r.commune].population
            population += pop
            if r.withinThreshold {
                within += pop
            } else {
                beyond += 1
                popBeyond += pop
            }
            if r.nearestSite == nil {
                unreachable += 1
            } else {
                weighted += r.minutes * Double(pop)
                reachablePop += pop
                reachable.append((r.minutes, pop))
            }
        }
        let departements = Set(rows.map { territory.communes[$0.commune].departement })
        let gps = sites.reduce(0.0) { acc, s in
            s.departement.map { departements.contains($0) } == true ? acc + s.gps : acc
        }
        var byDepartement: [String: DepartementCoverage] = [:]
        for r in rows {
            let c = territory.communes[r.commune]
            var d = byDepartement[c.departement]
                ?? DepartementCoverage(departement: c.departement, communes: 0, population: 0, communesBeyond: 0, populationBeyond: 0)
            d.communes += 1
            d.population += c.population
            if !r.withinThreshold {
                d.communesBeyond += 1
                d.populationBeyond += c.population
            }
            byDepartement[c.departement] = d
        }
        let ranked = byDepartement.values.sorted {
            ($0.communesBeyond, $0.populationBeyond, $1.departement) > ($1.communesBeyond, $1.populationBeyond, $0.departement)
        }
        return CoverageSummary(
            threshold: threshold, communes: rows.count, population: population, populationWithin: within,
            shareWithin: population > 0 ? Double(within) / Double(population) : 0,
            communesBeyond: beyond, populationBeyond: popBeyond, communesUnreachable: unreachable,
            meanMinutes: reachablePop > 0 ? weighted / Double(reachablePop) : .nan,
            p90Minutes: Self.weightedQuantile(reachable, 0.9),
            maxMinutes: reachable.map(\.value).max(),
            gpsInArea: gps,
            gpsPer10k: population > 0 ? gps * 10_000 / Double(population) : 0,
            departements: ranked)
    }

    /// The least value `m` such that the weight of entries with value ≤ `m` is at least `q` of the total weight.
    /// With zero total weight, the unweighted quantile is used. `nil` for no entries.
    static func weightedQuantile(_ entries: [(value: Double, weight: Int)], _ q: Double) -> Double? {
        weightedQuantiles(entries, [q]).first
    }

    /// ``weightedQuantile(_:_:)`` for several `qs` (ascending) with one sort.
    static func weightedQuantiles(_ entries: [(value: Double, weight: Int)], _ qs: [Double]) -> [Double] {
        guard !entries.isEmpty else { return [] }
        let sorted = entries.sorted { $0.value < $1.value }
        let total = sorted.reduce(0) { $0 + $1.weight }
        return qs.map { q in
            if total == 0 {
                let k = min(sorted.count - 1, max(0, Int((q * Double(sorted.count)).rounded(.up)) - 1))
                return sorted[k].value
            }
            let target = q * Double(total)
            var cumulative = 0
            for e in sorted {
                cumulative += e.weight
                if Double(cumulative) >= target { return e.value }
            }
            return sorted[sorted.count - 1].value
        }
    }
}

/// Per-commune rows (in the order of the requested communes) and the summary.
public struct CoverageResult: Sendable {
    /// One row per requested commune, in the order of the `communes` given to ``CoverageAnalysis/run(territory:communes:sites:model:)``.
    public var rows: [CommuneCoverage]
    /// The population figures over all rows (within and beyond the threshold, mean and 90th percentile minutes).
    public var summary: CoverageSummary
    /// The travel-time model that produced the minutes, and what it is known to get wrong.
    public var modelSummary: String
    /// The caveats of the model that produced the minutes (``TravelTimeModel/caveats``); empty by default.
    public var modelCaveats: [TravelCaveat] = []
    /// ``modelSummary`` as figures (``TravelTimeModel/summaryParts``).
    public var modelParts: TravelModelSummary = .text("")
}
