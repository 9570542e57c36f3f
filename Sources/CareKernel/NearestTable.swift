/// Batch nearest-neighbour results aligned with the query array: query `q`'s nearest point has
/// original index `indices[q]` at distance `distances[q]`.
///
/// ```swift
/// let table = tree.nearest(to: demand)
/// for q in 0..<table.count where table.indices[q] >= 0 { use(table.indices[q], table.distances[q]) }
/// ```
///
/// For an empty tree every query gets index -1 and distance `+infinity`.
/// Complexity: O(1) per access; O(count) memory.
public struct NearestTable: Sendable, Hashable {
    /// Original index of the nearest point per query (-1 if none).
    public var indices: [Int32]
    /// Euclidean distance to it per query (`+infinity` if none).
    public var distances: [Double]

    /// Creates a table from aligned columns.
    public init(indices: [Int32], distances: [Double]) {
        precondition(indices.count == distances.count, "NearestTable columns must have equal lengths")
        self.indices = indices
        self.distances = distances
    }

    /// Number of queries.
    public var count: Int { indices.count }

    /// Query `q`'s nearest neighbour, or `nil` when there is none.
    /// Complexity: O(1).
    public subscript(_ q: Int) -> Neighbor? {
        let i = indices[q]
        return i < 0 ? nil : Neighbor(index: Int(i), distance: distances[q])
    }
}
