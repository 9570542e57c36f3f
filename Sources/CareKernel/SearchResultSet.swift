/// The accumulator a k-d tree traversal feeds (nanoflann's result-set idea): one traversal
/// serves nearest, k-nearest and radius search.
///
/// ```swift
/// var best = NearestResultSet()
/// view.search(x: q.x, y: q.y, into: &best, stack: stack)
/// ```
///
/// The traversal offers a point only when its squared distance is `<= bound`, and skips a subtree
/// only when a lower bound of its squared distances is `> bound`, so a set that accepts equal
/// distances with lower indices sees every tie. Complexity: per implementation.
protocol SearchResultSet {
    /// Largest squared distance still of interest (inclusive); `+infinity` while anything goes.
    var bound: Double { get }
    /// Offers the point at `position` in tree order, original index `id`, whose squared distance
    /// to the query is `squaredDistance` (`<= bound`, never NaN).
    mutating func offer(squaredDistance: Double, position: Int, id: Int32)
}
