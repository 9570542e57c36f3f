/// One search result: the index of a point in the array the index was built from, and its
/// Euclidean distance to the query.
///
/// ```swift
/// let tree = KDTree(points: [Point2D(x: 0, y: 0), Point2D(x: 3, y: 4)])
/// tree.nearest(to: Point2D(x: 3, y: 3)) // Neighbor(index: 1, distance: 1.0)
/// ```
///
/// `distance` is `squaredDistance.squareRoot()` where the squared distance is
/// `(q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y)` in `Double`; results are ordered by
/// that squared distance, ties broken by the lowest `index`.
/// Complexity: O(1) storage.
public struct Neighbor: Hashable, Sendable {
    /// Position of the point in the array given to the index's initialiser.
    public var index: Int
    /// Euclidean distance from the query, metres.
    public var distance: Double

    /// Creates a result.
    public init(index: Int, distance: Double) {
        self.index = index
        self.distance = distance
    }
}
