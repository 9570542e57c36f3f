/// One direction (forward or reverse) of a road graph with its degree-2 chains contracted: rows only for the
/// kept ("core") nodes, each edge leading to the next core node and carrying the **sequence** of the original
/// edge weights along the chain, with the interior nodes it passes.
///
/// Edge `e` of core node `u` (`offsets[u]..<offsets[u+1]`, indexed by original node id; interior nodes have
/// empty rows) leads to core node `heads[e]` through interior nodes `interior[(weightStarts[e] - e)..<(weightStarts[e+1] - e - 1)]`
/// with weights `weights[weightStarts[e]..<weightStarts[e+1]]` (one more weight than interior nodes). A search
/// adds those weights one by one, in path order, starting from the tail's minutes: the very floating-point
/// additions a search of the uncontracted graph makes, hence bitwise-identical minutes.
///
/// `positions[2v]`, `positions[2v+1]`: the indices into ``interior`` where node `v` appears (`-1` when fewer:
/// once on a one-way chain, twice on a two-way chain, never for a core node).
///
/// ```swift
/// let fwd = ContractedCSR(nodeCount: g.nodeCount, offsets: g.offsets, heads: g.targets, weights: g.minutes, isCore: core)
/// ```
/// Complexity: built in O(n + m); memory 4 bytes per node (offsets) + 8 per node (positions) + 12 bytes per
/// original edge.
public struct ContractedCSR: Sendable {
    /// Row starts by original node id (`nodeCount + 1` entries): the core edges of `u` are `offsets[u]..<offsets[u+1]`.
    public let offsets: [Int32]
    /// The core node each core edge leads to.
    public let heads: [Int32]
    /// Start of each core edge's weights in ``weights`` (`edgeCount + 1` entries; edge `e` has
    /// `weightStarts[e+1] - weightStarts[e]` weights, one per original edge along its chain).
    public let weightStarts: [Int32]
    /// The original edge weights (minutes) of every core edge's chain, in path order, edge after edge.
    public let weights: [Double]
    /// The interior (contracted) nodes each core edge passes, in path order, edge after edge: one fewer per edge
    /// than its weights.
    public let interior: [Int32]
    /// For each node `v`, the two indices into ``interior`` where it appears (`positions[2v]`, `positions[2v+1]`),
    /// `-1` for an absent one.
    public let positions: [Int32]
    /// Whether core node `v` has an edge through a chain (so that filling chain nodes after a search skips the
    /// others in O(1)); derived from ``weightStarts``.
    public let hasChains: [Bool]

    /// Number of core edges.
    public var edgeCount: Int { heads.count }

    /// Contracts the CSR `offsets`/`heads`/`weights` (no parallel edges, no self-loops) keeping the nodes
    /// where `isCore` is true; every other node must lie on a chain between core nodes (see
    /// ``ContractedGraph/coreNodes(offsets:targets:reverseOffsets:reverseSources:)``).
    init(nodeCount n: Int, offsets: [Int32], heads: [Int32], weights: [Double], isCore: [Bool]) {
        var outOffsets = [Int32](repeating: 0, count: n + 1)
        var outHeads: [Int32] = [], starts: [Int32] = [0], outWeights: [Double] = [], inner: [Int32] = []
        outWeights.reserveCapacity(weights.count)
        inner.reserveCapacity(weights.count)
        var positions = [Int32](repeating: -1, count: 2 * n)
        offsets.withUnsafeBufferPointer { off in
        heads.withUnsafeBufferPointer { head in
        weights.withUnsafeBufferPointer { weight in
        isCore.withUnsafeBufferPointer { core in
        positions.withUnsafeMutableBufferPointer { position in
            for u in 0..<n {
                if core[u] {
                    for e in Int(off[u])..<Int(off[u + 1]) {
                        var prev = u
                        var y = Int(head[e])
                        outWeights.append(weight[e])
                        var steps = 0
                        while !core[y] && steps <= n {
                            let slot = position[2 * y] < 0 ? 2 * y : 2 * y + 1
                            position[slot] = Int32(inner.count)
                            inner.append(Int32(y))
                            // The out-neighbour that is not where we came from (a chain node has at most two).
                            var f = Int(off[y])
                            let fe = Int(off[y + 1])
                            while f < fe && Int(head[f]) == prev { f += 1 }
                            if f == fe { break }  // cannot happen for a chain node; guards a malformed input
                            outWeights.append(weight[f])
                            prev = y
                            y = Int(head[f])
                            steps += 1
                        }
                        outHeads.append(Int32(y))
                        starts.append(Int32(outWeights.count))
                    }
                }
                outOffsets[u + 1] = Int32(outHeads.count)
            }
        }}}}}
        self.offsets = outOffsets
        self.heads = outHeads
        weightStarts = starts
        self.weights = outWeights
        interior = inner
        self.positions = positions
        hasChains = Self.chainRows(offsets: outOffsets, weightStarts: starts)
    }

    /// Already-built arrays (the cache reader, which has validated them).
    init(offsets: [Int32], heads: [Int32], weightStarts: [Int32], weights: [Double], interior: [Int32], positions: [Int32]) {
        self.offsets = offsets
        self.heads = heads
        self.weightStarts = weightStarts
        self.weights = weights
        self.interior = interior
        self.positions = positions
        hasChains = Self.chainRows(offsets: offsets, weightStarts: weightStarts)
    }

    static func chainRows(offsets: [Int32], weightStarts: [Int32]) -> [Bool] {
        var rows = [Bool](repeating: false, count: max(offsets.count - 1, 0))
        for u in rows.indices {
            let lo = Int(offsets[u]), hi = Int(offsets[u + 1])
            // Edges lo..<hi hold weightStarts[hi] - weightStarts[lo] weights: more than one each means a chain.
            rows[u] = Int(weightStarts[hi]) - Int(weightStarts[lo]) > hi - lo
        }
        return rows
    }

    /// The core edge whose interior list holds index `p` of ``interior``. Complexity: O(log m).
    func edge(ofInterior p: Int) -> Int {
        var lo = 0, hi = heads.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if Int(weightStarts[mid]) - mid <= p { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}
