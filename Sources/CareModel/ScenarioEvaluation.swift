/// Evaluates a scenario against its baseline: coverage (nearest-GP minutes, within-threshold flag) and an
/// accessibility indicator, per commune, before and after, with the summary planners ask for.
///
/// ```swift
/// let eval = try ScenarioEvaluation(threshold: 20, indicator: .apl(APLOptions(referenceYear: 2030)), underServed: 2.5)
/// let cmp = try eval.run(territory: t, communes: ardennes, before: baseline, after: outcome.sites, model: model)
/// print(cmp.summary.newlyCoveredPopulation)
/// ```
public struct ScenarioEvaluation: Sendable {
    public var coverage: CoverageAnalysis
    public var accessibility: AccessibilityAnalysis

    /// - Parameters:
    ///   - threshold: coverage threshold in minutes (who is within T of a GP).
    ///   - catchment: the indicator's catchment in minutes, its own parameter (default
    ///     ``StudyDefaults/catchment``, 20 as the APL's), never the coverage threshold.
    public init(threshold: Double = StudyDefaults.coverageThreshold, catchment: Double = StudyDefaults.catchment, indicator: AccessibilityMethod,
                underServed: Double?) throws(ModelError) {
        coverage = try CoverageAnalysis(threshold: threshold)
        accessibility = try AccessibilityAnalysis(threshold: catchment, method: indicator, underServed: underServed)
    }

    public func run(
        territory: Territory, communes: [Int], before: [SupplySite], after: [SupplySite], model: some TravelTimeModel
    ) throws -> ScenarioComparison {
        let b = try evaluate(territory: territory, communes: communes, sites: before, model: model)
        let a = try evaluate(territory: territory, communes: communes, sites: after, model: model)
        return compare(territory: territory, communes: communes, before: b, after: a)
    }

    /// One side of a comparison: coverage and the indicator for one supply. A sweep evaluates its baseline
    /// once and compares every task's supply with it (``compare(territory:communes:before:after:)``).
    public struct Side: Sendable {
        public var coverage: CoverageResult
        public var accessibility: AccessibilityResult
        /// GPs (FTE) in the supply.
        public var gps: Double
    }

    /// Coverage and the indicator of `sites` for the studied `communes`. Complexity: the model's nearest
    /// search and catchments, plus O(pairs) for the indicator.
    public func evaluate(territory: Territory, communes: [Int], sites: [SupplySite], model: some TravelTimeModel) throws -> Side {
        Side(coverage: try coverage.run(territory: territory, communes: communes, sites: sites, model: model),
             accessibility: try accessibility.run(territory: territory, communes: communes, sites: sites, model: model),
             gps: sites.reduce(0) { $0 + $1.gps })
    }

    /// Before/after rows and summary of two sides evaluated on the same `communes`. O(communes).
    public func compare(territory: Territory, communes: [Int], before: Side, after: Side) -> ScenarioComparison {
        let (cb, ca, ab, aa) = (before.coverage, after.coverage, before.accessibility, after.accessibility)
        let rows = communes.indices.map { k in
            ScenarioComparison.Row(
                commune: communes[k], minutesBefore: cb.rows[k].minutes, minutesAfter: ca.rows[k].minutes,
                withinBefore: cb.rows[k].withinThreshold, withinAfter: ca.rows[k].withinThreshold,
                scoreBefore: ab.rows[k].score, scoreAfter: aa.rows[k].score,
                nearestBefore: cb.rows[k].nearestSite, nearestAfter: ca.rows[k].nearestSite)
        }
        let pop = { (i: Int) in territory.communes[i].population }
        let newlyCovered = rows.filter { !$0.withinBefore && $0.withinAfter }
        let newlyUncovered = rows.filter { $0.withinBefore && !$0.withinAfter }
        let u = accessibility.underServed
        let summary = ScenarioComparison.Summary(
            threshold: coverage.threshold,
            newlyCoveredPopulation: newlyCovered.reduce(0) { $0 + pop($1.commune) },
            newlyCoveredCommunes: newlyCovered.count,
            newlyUncoveredPopulation: newlyUncovered.reduce(0) { $0 + pop($1.commune) },
            newlyUncoveredCommunes: newlyUncovered.count,
            populationBeyondBefore: cb.summary.populationBeyond, populationBeyondAfter: ca.summary.populationBeyond,
            meanMinutesBefore: cb.summary.meanMinutes, meanMinutesAfter: ca.summary.meanMinutes,
            underServed: u,
            populationBelowBefore: ab.summary.populationBelow, populationBelowAfter: aa.summary.populationBelow,
            communesBelowBefore: ab.summary.communesBelow, communesBelowAfter: aa.summary.communesBelow,
            meanScoreBefore: ab.summary.meanScore, meanScoreAfter: aa.summary.meanScore,
            gpsBefore: before.gps, gpsAfter: after.gps,
            communesGaining: rows.filter { $0.scoreAfter > $0.scoreBefore * (1 + 1e-12) }.count,
            communesLosing: rows.filter { $0.scoreAfter < $0.scoreBefore * (1 - 1e-12) }.count)
        return ScenarioComparison(rows: rows, summary: summary, indicator: accessibility.method,
                                  catchment: accessibility.threshold, inputs: ab.inputs, notes: aa.notes)
    }
}

/// Before/after per commune and the summary of a scenario.
public struct ScenarioComparison: Sendable {
    public var rows: [Row]
    public var summary: Summary
    public var indicator: AccessibilityMethod
    /// The indicator's catchment in minutes.
    public var catchment: Double
    /// What the indicator was fed on the baseline (APL: demand, activity, caps; ``AccessibilityResult/inputs``).
    public var inputs: [AccessibilityResult.Input]
    public var notes: [Diagnostic]

    public struct Row: Sendable, Hashable {
        public var commune: Int
        public var minutesBefore: Double
        public var minutesAfter: Double
        public var withinBefore: Bool
        public var withinAfter: Bool
        /// Indicator in reported units (``AccessibilityMethod/unit``).
        public var scoreBefore: Double
        public var scoreAfter: Double
        public var nearestBefore: Int?
        public var nearestAfter: Int?
    }

    public struct Summary: Sendable, Hashable {
        public var threshold: Double
        /// Population and communes that cross the threshold line inwards (now within T).
        public var newlyCoveredPopulation: Int
        public var newlyCoveredCommunes: Int
        /// … and outwards (no longer within T).
        public var newlyUncoveredPopulation: Int
        public var newlyUncoveredCommunes: Int
        public var populationBeyondBefore: Int
        public var populationBeyondAfter: Int
        public var meanMinutesBefore: Double
        public var meanMinutesAfter: Double
        public var underServed: Double?
        public var populationBelowBefore: Int
        public var populationBelowAfter: Int
        public var communesBelowBefore: Int
        public var communesBelowAfter: Int
        public var meanScoreBefore: Double
        public var meanScoreAfter: Double
        public var gpsBefore: Double
        public var gpsAfter: Double
        public var communesGaining: Int
        public var communesLosing: Int

        /// Change in population below the under-served threshold (negative is better).
        public var populationBelowChange: Int { populationBelowAfter - populationBelowBefore }
    }
}
