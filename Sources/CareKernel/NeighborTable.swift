/// Batch radius results in compressed sparse row form: query `q`'s neighbours are
/// `indices[offsets[q]..<offsets[q + 1]]` with distances likewise, ascending by
/// `(distance, index)`.
///
/// ```swift
/// let table = tree.neighbors(of: demand, within: 20_000)
/// for n in table.row(0) { print(n.index, n.distance) }
/// ```
///
/// `offsets` has `rowCount + 1` entries, starting at 0.
/// Complexity: O(1) per row view; O(rows + pairs) memory.
public struct NeighborTable: Sendable, Hashable {
    /// Row starts, `rowCount + 1` entries.
    public var offsets: [Int]
    /// Original indices of the neighbours, row after row.
    public var indices: [Int32]
    /// Distances of the neighbours, aligned with `indices`.
    public var distances: [Double]

    /// Creates a table from CSR columns.
    public init(offsets: [Int], indices: [Int32], distances: [Double]) {
        precondition(!offsets.isEmpty && offsets.first == 0 && offsets.last == indices.count,
                     "NeighborTable offsets must start at 0 and end at indices.count")
        precondition(indices.count == distances.count, "NeighborTable columns must have equal lengths")
        self.offsets = offsets
        self.indices = indices
        self.distances = distances
    }

    /// Number of queries.
    public var rowCount: Int { offsets.count - 1 }

    /// Total number of (query, neighbour) pairs.
    public var pairCount: Int { indices.count }

    /// Query `q`'s neighbours, ascending by `(distance, index)`.
    /// Complexity: O(1).
    public func row(_ q: Int) -> NeighborRow {
        let r = offsets[q]..<offsets[q + 1]
        return NeighborRow(pointIndices: indices[r], distances: distances[r])
    }
}

/// A view of one row of a ``NeighborTable``: a random-access collection of ``Neighbor``.
///
/// ```swift
/// let nearestWithin = table.row(q).first   // closest neighbour within the radius, if any
/// ```
///
/// Complexity: O(1) per element.
public struct NeighborRow: RandomAccessCollection, Sendable {
    /// Original indices of the row's neighbours (named so as not to shadow `Collection.indices`).
    public let pointIndices: ArraySlice<Int32>
    /// Distances of the row's neighbours.
    public let distances: ArraySlice<Double>

    /// Position of the row's first neighbour (the slice's start, not necessarily 0).
    public var startIndex: Int { pointIndices.startIndex }
    /// Position one past the row's last neighbour.
    public var endIndex: Int { pointIndices.endIndex }

    /// The neighbour at `position` (between ``startIndex`` and ``endIndex``): its original index and distance.
    public subscript(position: Int) -> Neighbor {
        Neighbor(index: Int(pointIndices[position]), distance: distances[position])
    }
}
