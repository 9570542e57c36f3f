/// What an option buys for what it costs: net population newly within the threshold and the population-weighted
/// gain of the indicator (Σ inhabitants × change of the score: for the APL, consultations a year brought within
/// reach), each per 100,000 € of the option's total cost, and the indicator gain per GP added.
///
/// ```swift
/// let b = CostBenefit(cost: try OptionCost(investment: 182_000, yearly: 0, years: 1), comparison: c, territory: t)
/// b.newlyCoveredPer100k   // nil when the option costs nothing
/// ```
/// Complexity: O(rows of the comparison).
public struct CostBenefit: Sendable, Hashable {
    /// What the option costs (investment, yearly cost, years).
    public var cost: OptionCost
    /// Population newly within the threshold, net of the population newly beyond it.
    public var newlyCovered: Int
    /// Σ over the studied communes of inhabitants × (score after − score before).
    public var scoreGain: Double
    /// GPs after minus GPs before the option (``ScenarioComparison/Summary/gpsAfter``); negative when the option
    /// removes GPs.
    public var gpsAdded: Double

    /// Computes the benefit of an option from the comparison of its scenario with the baseline; `territory` gives
    /// the inhabitants of the comparison's communes.
    public init(cost: OptionCost, comparison: ScenarioComparison, territory: Territory) {
        self.cost = cost
        let s = comparison.summary
        newlyCovered = s.newlyCoveredPopulation - s.newlyUncoveredPopulation
        scoreGain = comparison.rows.reduce(0.0) { $0 + Double(territory.communes[$1.commune].population) * ($1.scoreAfter - $1.scoreBefore) }
        gpsAdded = s.gpsAfter - s.gpsBefore
    }

    /// Net population newly within the threshold per 100,000 € of total cost; `nil` for a free option.
    public var newlyCoveredPer100k: Double? { cost.total > 0 ? Double(newlyCovered) / cost.total * 100_000 : nil }
    /// Indicator gain (``scoreGain``) per 100,000 € of total cost; `nil` for a free option.
    public var scoreGainPer100k: Double? { cost.total > 0 ? scoreGain / cost.total * 100_000 : nil }
    /// Indicator gain per GP added; `nil` when the option adds none.
    public var scoreGainPerGP: Double? { gpsAdded > 0 ? scoreGain / gpsAdded : nil }
}
