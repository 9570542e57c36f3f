/// The efficient (Pareto) frontier of options with a cost and a gain: the options that no other option beats,
/// one costing no more and gaining no less, with one of the two strictly (the cost–benefit frontier of
/// cost-effectiveness analysis). Of options equal in both, the first stays.
///
/// ```swift
/// EfficientFrontier.indices(costs: [100, 50, 200, 120], gains: [10, 8, 30, 9])   // [1, 0, 2]
/// ```
/// The indices come by increasing cost, so that drawing them in order traces the frontier. O(n log n).
public enum EfficientFrontier {
    /// Indices of the frontier options by increasing cost (ties in cost by decreasing gain, then index).
    /// Option i is `(costs[i], gains[i])`; when the two arrays differ in length, only the options both give
    /// (the shorter length) are considered, so a caller's mismatch cannot trap.
    public static func indices(costs: [Double], gains: [Double]) -> [Int] {
        let order = (0..<min(costs.count, gains.count)).sorted { (costs[$0], -gains[$0], $0) < (costs[$1], -gains[$1], $1) }
        var out: [Int] = []
        var best = -Double.infinity
        for i in order where gains[i] > best {
            out.append(i)
            best = gains[i]
        }
        return out
    }
}
