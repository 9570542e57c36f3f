/// Reference exhaustive index with the same API and semantics as ``KDTree``, used by tests and
/// benchmarks as ground truth.
///
/// ```swift
/// let reference = BruteForceIndex(points: sites)
/// assert(reference.nearest(to: q) == KDTree(points: sites).nearest(to: q))
/// ```
///
/// Squared distance `(q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y)` in `Double`, ties to
/// the lowest index, reported distance its square root, radius inclusion on the reported
/// distance; points with a non-finite coordinate are never returned.
/// Complexity: O(n) per nearest query, O(n log n) per k-nearest or radius query.
public struct BruteForceIndex: Sendable {
    /// The points as given.
    public let points: [Point2D]

    /// Wraps `points` (no preprocessing).
    /// Complexity: O(1).
    public init(points: [Point2D]) {
        self.points = points
    }

    /// Number of points.
    public var count: Int { points.count }

    private func squaredDistance(_ q: Point2D, _ p: Point2D) -> Double {
        let dx = q.x - p.x
        let dy = q.y - p.y
        return dx * dx + dy * dy
    }

    /// The nearest finite point, lowest index on ties; `nil` if there is none.
    /// Complexity: O(n).
    public func nearest(to query: Point2D) -> Neighbor? {
        var best = -1
        var bestD2 = Double.infinity
        for (i, p) in points.enumerated() where p.isFinite {
            let d2 = squaredDistance(query, p)
            if d2 < bestD2 || (best < 0 && d2 == bestD2) {
                best = i
                bestD2 = d2
            }
        }
        return best < 0 ? nil : Neighbor(index: best, distance: bestD2.squareRoot())
    }

    /// The `min(k, count)` nearest finite points ascending by `(distance, index)`; empty if
    /// `k <= 0`.
    /// Complexity: O(n log n).
    public func nearest(to query: Point2D, k: Int) -> [Neighbor] {
        guard k > 0 else { return [] }
        return Array(sortedCandidates(query) { _ in true }.prefix(k))
    }

    /// All finite points with `distance <= radius`, ascending by `(distance, index)`.
    /// Complexity: O(n log n).
    public func neighbors(of query: Point2D, within radius: Double) -> [Neighbor] {
        sortedCandidates(query) { $0.squareRoot() <= radius }
    }

    private func sortedCandidates(_ query: Point2D, where keep: (Double) -> Bool) -> [Neighbor] {
        var pairs: [(Double, Int)] = []
        for (i, p) in points.enumerated() where p.isFinite {
            let d2 = squaredDistance(query, p)
            if !d2.isNaN && keep(d2) { pairs.append((d2, i)) }
        }
        pairs.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        return pairs.map { Neighbor(index: $0.1, distance: $0.0.squareRoot()) }
    }
}
