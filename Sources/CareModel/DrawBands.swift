/// The bands of a Monte-Carlo run: for every summary figure and every studied commune, the mean and the
/// 5th/50th/95th percentiles across the draws (``Bands``), and the share of draws in which each commune falls
/// below the under-served mark or beyond the coverage threshold.
///
/// `careaccess scenario --draws` and the merge of a sweep aggregate their draws here, so that one scenario
/// gives the same bands whichever command ran it. Inputs are taken in draw order; nothing depends on the
/// thread or the order in which the draws were computed.
///
/// ```swift
/// let b = DrawBands(figures: [[1, 2], [3, 4]], minutes: [[5], [7]], scores: [[2.4], [2.6]],
///                   within: [[true], [false]], underServed: 2.5)
/// // b.figures[0].mean == 2, b.probabilityBelow == [0.5], b.probabilityBeyond == [0.5]
/// ```
/// Complexity: O(draws × (figures + communes) × log draws) time, O(draws) extra memory per column.
public struct DrawBands: Sendable, Hashable {
    /// Number of draws aggregated.
    public var draws: Int
    /// One ``Bands`` per figure, in the order of the input rows (``ScenarioFigure/allCases`` for scenarios).
    public var figures: [Bands]
    /// Minutes to the nearest GP, per commune.
    public var minutes: [Bands]
    /// The indicator's score, per commune.
    public var scores: [Bands]
    /// Share of draws in which the commune's score is below the under-served mark; `nil` without a mark.
    public var probabilityBelow: [Double]?
    /// Share of draws in which the commune is beyond the coverage threshold.
    public var probabilityBeyond: [Double]

    /// Aggregates `draws` rows of equal length: `figures[d][f]`, `minutes[d][c]`, `scores[d][c]`, `within[d][c]`.
    /// - Precondition: the same number of rows in every argument, each of the same length across draws.
    public init(figures: [[Double]], minutes: [[Double]], scores: [[Double]], within: [[Bool]], underServed: Double?) {
        let n = figures.count
        draws = n
        let figureCount = figures.first?.count ?? 0
        let communeCount = minutes.first?.count ?? 0
        self.figures = (0..<figureCount).map { f in Bands(figures.map { $0[f] }) }
        self.minutes = (0..<communeCount).map { c in Bands(minutes.map { $0[c] }) }
        self.scores = (0..<communeCount).map { c in Bands(scores.map { $0[c] }) }
        let denominator = Double(Swift.max(n, 1))
        probabilityBeyond = (0..<communeCount).map { c in Double(within.count { !$0[c] }) / denominator }
        probabilityBelow = underServed.map { u in
            (0..<communeCount).map { c in Double(scores.count { $0[c] < u }) / denominator }
        }
    }
}
