/// Mean and 5th/50th/95th percentiles of a figure across the draws of a group.
///
/// Percentiles interpolate linearly between order statistics (Hyndman & Fan 1996, definition 7: the default of
/// R and numpy): with n sorted values x₀ ≤ … ≤ xₙ₋₁, the p-quantile is x_k + (h − k)(x_{k+1} − x_k) where
/// h = (n − 1)p and k = ⌊h⌋. The mean adds the values in draw order, so it does not depend on how the tasks
/// were sharded. Infinite values (a commune no GP reaches) sort last; a quantile that falls on them is infinite.
///
/// ```swift
/// let b = Bands([3, 1, 2, 4])
/// // b.mean == 2.5, b.p5 == 1.15, b.p50 == 2.5, b.p95 == 3.85
/// ```
/// Complexity: O(n log n).
public struct Bands: Sendable, Hashable {
    /// Arithmetic mean of the values, in draw order; NaN when there is none.
    public var mean: Double
    /// 5th percentile; NaN when there is no value.
    public var p5: Double
    /// Median; NaN when there is no value.
    public var p50: Double
    /// 95th percentile; NaN when there is no value.
    public var p95: Double
    /// Smallest value; NaN when there is none.
    public var min: Double
    /// Largest value (infinite when a draw is); NaN when there is none.
    public var max: Double

    /// Summarises the values of one figure, one per draw, in draw order. Complexity: O(n log n).
    public init(_ values: [Double]) {
        let sorted = values.sorted()
        mean = values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
        p5 = Self.quantile(sorted, 0.05)
        p50 = Self.quantile(sorted, 0.5)
        p95 = Self.quantile(sorted, 0.95)
        min = sorted.first ?? .nan
        max = sorted.last ?? .nan
    }

    /// The R-7 quantile of ascending `sorted` values.
    public static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let h = Double(sorted.count - 1) * p
        let k = Int(h.rounded(.down))
        let fraction = h - Double(k)
        guard fraction > 0, k + 1 < sorted.count else { return sorted[k] }
        let (a, b) = (sorted[k], sorted[k + 1])
        if a == b { return a }
        guard a.isFinite, b.isFinite else { return b }
        return a + fraction * (b - a)
    }
}
