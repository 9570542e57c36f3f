/// Batch queries: many queries against one tree, optionally on several threads.
///
/// Queries are visited in Hilbert-curve order (``SpatialOrder``) so that consecutive searches
/// touch the same leaves; each nearest search is seeded with the previous query's answer, its
/// exact squared distance to the new query serving as the initial bound; results are scattered
/// back to the caller's order. Work is split into fixed chunks run by
/// `DispatchQueue.concurrentPerform`, each writing disjoint entries of preallocated buffers.
/// Results are exact and identical to the single-query API whatever `threads` is.
extension KDTree {
    /// The nearest point to each query, aligned with `queries`.
    ///
    /// ```swift
    /// let table = tree.nearest(to: demandPoints, threads: 2)
    /// let gp = table.indices[0], km = table.distances[0] / 1_000
    /// ```
    ///
    /// For an empty tree (or one with no finite point) every query gets index -1 and distance
    /// `+infinity`. `threads` is clamped to at least 1.
    /// Complexity: O(m log n) expected for m queries on well-spread data, plus O(m) to order them.
    public func nearest(to queries: [Point2D], threads: Int = KDTree.defaultThreadCount) -> NearestTable {
        let m = queries.count
        var indices = [Int32](repeating: -1, count: m)
        var distances = [Double](repeating: .infinity, count: m)
        guard m > 0, !nodes.isEmpty else { return NearestTable(indices: indices, distances: distances) }
        assert(queries.allSatisfy { !$0.x.isNaN && !$0.y.isNaN }, "KDTree queries must not be NaN")
        let order = SpatialOrder.hilbert(queries, threads: threads)
        fillNearest(queries: queries, order: order, indices: &indices, distances: &distances, threads: threads)
        return NearestTable(indices: indices, distances: distances)
    }

    /// All points within `radius` (inclusive) of each query, as a CSR table aligned with `queries`,
    /// each row ascending by `(distance, index)`; with `sorted: false`, each row holds the same
    /// points in the tree's traversal order (deterministic for a given tree and query, whatever
    /// `threads` is), which saves the per-row sort when only the set matters (catchments).
    /// A negative or NaN radius gives empty rows.
    ///
    /// ```swift
    /// let table = tree.neighbors(of: demandPoints, within: 20_000)
    /// let reachable = table.row(0).map(\.index)
    /// ```
    ///
    /// Complexity: O(m log n + p log p) expected for m queries and p result pairs.
    public func neighbors(
        of queries: [Point2D], within radius: Double, sorted: Bool = true, threads: Int = KDTree.defaultThreadCount
    ) -> NeighborTable {
        let m = queries.count
        guard m > 0, radius >= 0, !nodes.isEmpty else {
            return NeighborTable(offsets: [Int](repeating: 0, count: m + 1), indices: [], distances: [])
        }
        assert(queries.allSatisfy { !$0.x.isNaN && !$0.y.isNaN }, "KDTree queries must not be NaN")
        let order = SpatialOrder.hilbert(queries, threads: threads)
        return radiusTable(queries: queries, order: order, radius: radius, sorted: sorted, threads: threads)
    }
}
