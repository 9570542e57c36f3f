/// A road graph with its degree-2 chains contracted, for faster searches with **exactly** the minutes of the
/// full graph: the usual preprocessing of road networks (e.g. Geisberger, Sanders, Schultes and Delling 2008,
/// "Contraction hierarchies", WEA — here only the trivial first step, chains of nodes with two neighbours).
///
/// A node is an interior chain node when it has exactly two distinct neighbours `u ≠ w` and its edges are
/// either `u → v → w` (one-way through) or `u ↔ v ↔ w` (two-way through); every other node is kept (core).
/// A ring made only of chain nodes keeps its lowest node. When contraction would keep more than 80 % of the
/// nodes (grid-like graphs), every node is kept. Searches settle core nodes only, adding the chain's
/// original weights one by one along each contracted edge (the same floating-point additions, in the same
/// order, as on the full graph), then give interior nodes their minutes from the chain ends (and from sources
/// on the chain): results equal the full graph's bit for bit, for every node.
///
/// ```swift
/// let c = ContractedGraph(graph)
/// c.coreCount   // ≈ 30–40 % of the nodes on OSM road graphs
/// ```
/// Complexity: O(n + m) to build; memory ~12 bytes per node and 24 bytes per original edge (both directions).
public struct ContractedGraph: Sendable {
    /// The contracted out-edges (searches from sources).
    public let forward: ContractedCSR
    /// The contracted in-edges (searches towards targets, on the reverse graph).
    public let reverse: ContractedCSR
    /// Number of core (kept) nodes.
    public let coreCount: Int

    /// Contracts `graph` (both directions).
    public init(_ graph: RoadGraph) {
        self.init(nodeCount: graph.nodeCount, offsets: graph.offsets, targets: graph.targets, minutes: graph.minutes,
                  reverseOffsets: graph.reverseOffsets, reverseSources: graph.reverseSources, reverseMinutes: graph.reverseMinutes)
    }

    init(nodeCount n: Int, offsets: [Int32], targets: [Int32], minutes: [Double],
         reverseOffsets: [Int32], reverseSources: [Int32], reverseMinutes: [Double]) {
        var isCore = Self.coreNodes(offsets: offsets, targets: targets, reverseOffsets: reverseOffsets, reverseSources: reverseSources)
        Self.breakRings(&isCore, offsets: offsets, targets: targets)
        // Chains that would remove under a fifth of the nodes (grid-like graphs) are not worth their cost:
        // every node is kept and the searches take the plain relaxation loop.
        if isCore.reduce(0, { $0 + ($1 ? 1 : 0) }) > n * 4 / 5 { isCore = [Bool](repeating: true, count: n) }
        forward = ContractedCSR(nodeCount: n, offsets: offsets, heads: targets, weights: minutes, isCore: isCore)
        reverse = ContractedCSR(nodeCount: n, offsets: reverseOffsets, heads: reverseSources, weights: reverseMinutes, isCore: isCore)
        coreCount = isCore.reduce(0) { $0 + ($1 ? 1 : 0) }
    }

    /// Already-built directions (the cache reader).
    init(forward: ContractedCSR, reverse: ContractedCSR, coreCount: Int) {
        self.forward = forward
        self.reverse = reverse
        self.coreCount = coreCount
    }

    /// Which nodes are kept: all but the one-way-through and two-way-through nodes with two distinct neighbours.
    static func coreNodes(offsets: [Int32], targets: [Int32], reverseOffsets: [Int32], reverseSources: [Int32]) -> [Bool] {
        let n = offsets.count - 1
        var isCore = [Bool](repeating: true, count: max(n, 0))
        for v in 0..<max(n, 0) {
            let o = Int(offsets[v]), oe = Int(offsets[v + 1])
            let i = Int(reverseOffsets[v]), ie = Int(reverseOffsets[v + 1])
            let outs = oe - o, ins = ie - i
            if outs == 1 && ins == 1 {
                isCore[v] = targets[o] == reverseSources[i]
            } else if outs == 2 && ins == 2 {
                // Rows are sorted by neighbour without parallel edges: the same two neighbours both ways.
                let a = targets[o], b = targets[o + 1], c = reverseSources[i], d = reverseSources[i + 1]
                isCore[v] = !((a == c && b == d) || (a == d && b == c))
            }
        }
        return isCore
    }

    /// Marks one node of each ring of chain nodes with no core node as core (walks from every core node
    /// reach every chain node otherwise).
    static func breakRings(_ isCore: inout [Bool], offsets: [Int32], targets: [Int32]) {
        let n = isCore.count
        var reached = isCore
        func walk(from u: Int) {
            for e in Int(offsets[u])..<Int(offsets[u + 1]) {
                var prev = u, y = Int(targets[e])
                while !isCore[y] && !reached[y] {
                    reached[y] = true
                    var next = -1
                    for f in Int(offsets[y])..<Int(offsets[y + 1]) where Int(targets[f]) != prev { next = Int(targets[f]); break }
                    if next < 0 { break }
                    prev = y; y = next
                }
            }
        }
        for u in 0..<n where isCore[u] { walk(from: u) }
        for v in 0..<n where !reached[v] {
            isCore[v] = true
            reached[v] = true
            walk(from: v)
        }
    }
}
