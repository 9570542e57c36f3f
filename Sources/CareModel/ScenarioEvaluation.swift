/// Evaluates a scenario against its baseline: coverage (nearest-GP minutes, within-threshold flag) and an
/// accessibility indicator, per commune, before and after, with the summary planners ask for.
///
/// ```swift
/// let eval = try ScenarioEvaluation(threshold: 20, indicator: .apl(APLOptions(referenceYear: 2030)), underServed: 2.5)
/// let cmp = try eval.run(territory: t, communes: ardennes, before: baseline, after: outcome.sites, model: model)
/// print(cmp.summary.newlyCoveredPopulation)
/// ```
public struct ScenarioEvaluation: Sendable {
    /// The coverage run (nearest GP within the threshold) applied to both supplies.
    public var coverage: CoverageAnalysis
    /// The indicator run (2SFCA family or APL, with its own catchment) applied to both supplies.
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

    /// Evaluates `before` and `after` on the studied `communes` (territory indices) and compares them.
    ///
    /// - Throws: ``ModelError/emptyDemand(_:)`` when no commune is studied; ``ModelError/emptySupply(_:)`` when
    ///   either supply has no GP; and whatever the model or the indicator throws (see
    ///   ``AccessibilityAnalysis/run(territory:communes:sites:model:)``).
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
        /// Nearest-GP minutes and coverage of the studied communes.
        public var coverage: CoverageResult
        /// The indicator's scores of the studied communes.
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
    /// One row per studied commune, in the order the communes were given.
    public var rows: [Row]
    /// The headline before/after figures.
    public var summary: Summary
    /// The indicator compared.
    public var indicator: AccessibilityMethod
    /// The indicator's catchment in minutes.
    public var catchment: Double
    /// What the indicator was fed on the baseline (APL: demand, activity, caps; ``AccessibilityResult/inputs``).
    public var inputs: [AccessibilityResult.Input]
    /// The indicator's notes on the supply after the scenario.
    public var notes: [Diagnostic]

    /// One studied commune before and after the scenario.
    public struct Row: Sendable, Hashable {
        /// Index of the commune in ``Territory/communes``.
        public var commune: Int
        /// Minutes to the nearest GP on the baseline (`+infinity` when none is reachable).
        public var minutesBefore: Double
        /// Minutes to the nearest GP after the scenario (`+infinity` when none is reachable).
        public var minutesAfter: Double
        /// Whether the nearest GP was within the coverage threshold (inclusive) on the baseline.
        public var withinBefore: Bool
        /// Whether it is within the threshold after the scenario.
        public var withinAfter: Bool
        /// Indicator in reported units (``AccessibilityMethod/unit``).
        public var scoreBefore: Double
        /// Indicator after the scenario, in the same units.
        public var scoreAfter: Double
        /// Index of the nearest site in the baseline supply; `nil` when none is reachable.
        public var nearestBefore: Int?
        /// Index of the nearest site in the supply after the scenario; `nil` when none is reachable.
        public var nearestAfter: Int?
    }

    /// The figures planners quote for a scenario, before and after.
    public struct Summary: Sendable, Hashable {
        /// Coverage threshold in minutes (inclusive).
        public var threshold: Double
        /// Population and communes that cross the threshold line inwards (now within T).
        public var newlyCoveredPopulation: Int
        /// Communes now within the threshold that were not.
        public var newlyCoveredCommunes: Int
        /// … and outwards (no longer within T).
        public var newlyUncoveredPopulation: Int
        /// Communes no longer within the threshold.
        public var newlyUncoveredCommunes: Int
        /// Population whose nearest GP is beyond the threshold (or unreachable) on the baseline.
        public var populationBeyondBefore: Int
        /// … and after the scenario.
        public var populationBeyondAfter: Int
        /// Population-weighted mean minutes to the nearest GP over reachable communes, baseline (NaN when none is).
        public var meanMinutesBefore: Double
        /// … and after the scenario.
        public var meanMinutesAfter: Double
        /// The indicator's under-served mark in reported units; `nil` when none was given (nothing is then below).
        public var underServed: Double?
        /// Population of the communes scoring strictly below ``underServed`` on the baseline.
        public var populationBelowBefore: Int
        /// … and after the scenario.
        public var populationBelowAfter: Int
        /// Communes scoring strictly below ``underServed`` on the baseline.
        public var communesBelowBefore: Int
        /// … and after the scenario.
        public var communesBelowAfter: Int
        /// Population-weighted mean indicator of the studied communes on the baseline, reported units.
        public var meanScoreBefore: Double
        /// … and after the scenario.
        public var meanScoreAfter: Double
        /// GPs (FTE, or head count for count data) in the whole baseline supply, not only the studied area.
        public var gpsBefore: Double
        /// … and in the supply after the scenario.
        public var gpsAfter: Double
        /// Communes whose score rises by more than a relative 10⁻¹² (rounding noise is not a gain).
        public var communesGaining: Int
        /// Communes whose score falls by more than a relative 10⁻¹².
        public var communesLosing: Int

        /// Change in population below the under-served threshold (negative is better).
        public var populationBelowChange: Int { populationBelowAfter - populationBelowBefore }
    }
}
