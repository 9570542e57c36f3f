/// Per-thread scratch memory for Dijkstra searches on one graph (Dijkstra 1959, "A note on two problems in
/// connexion with graphs", Numerische Mathematik 1): tentative minutes and labels per node, an indexed 4-ary
/// min-heap, and the list of nodes touched so that resetting costs O(touched), not O(n).
///
/// Keys are ordered lexicographically by (minutes, label): with several sources, every node gets the
/// minimum minutes and, among sources at exactly those minutes, the **lowest label**. Floating-point
/// addition being monotone, this order is preserved along edges, so the result is exact for the minutes as
/// computed (source minutes plus edge minutes, summed from the source).
///
/// ```swift
/// var ws = DijkstraWorkspace(nodeCount: graph.nodeCount)
/// ws.run(graph, sources: [DijkstraSource(node: 0)], direction: .forward, limit: 20)
/// for v in ws.touched { print(v, ws.minutes[Int(v)]) }
/// ```
/// Complexity: O((n + m) log₄ n) per full search; memory 32 bytes per node.
public struct DijkstraWorkspace: Sendable {
    /// Minutes of each touched node (`+infinity` elsewhere).
    public internal(set) var minutes: [Double]
    /// Label of the source that reached each touched node (`Int32.max` elsewhere).
    public internal(set) var labels: [Int32]
    /// Heap position of each node: ≥ 0 in the heap, -1 never reached, -2 settled.
    var positions: [Int32]
    var heap: [HeapEntry]
    /// Nodes reached by the last search (all settled when it returns), in first-reached order.
    public internal(set) var touched: [Int32] = []

    struct HeapEntry: BitwiseCopyable {
        var key: Double
        var label: Int32
        var node: Int32
    }

    public init(nodeCount: Int) {
        minutes = [Double](repeating: .infinity, count: nodeCount)
        labels = [Int32](repeating: .max, count: nodeCount)
        positions = [Int32](repeating: -1, count: nodeCount)
        heap = [HeapEntry](repeating: HeapEntry(key: 0, label: 0, node: 0), count: max(nodeCount, 1))
        touched.reserveCapacity(min(nodeCount, 1 << 16))
    }

    /// Clears what the last search touched. Complexity: O(touched).
    public mutating func reset() {
        for v in touched {
            minutes[Int(v)] = .infinity
            labels[Int(v)] = .max
            positions[Int(v)] = -1
        }
        touched.removeAll(keepingCapacity: true)
    }

    /// Runs one (multi-)source search, pruning every node beyond `limit` minutes (inclusive bound), after
    /// resetting the previous one. Sources with an out-of-range node or non-finite minutes are ignored.
    public mutating func run(_ graph: RoadGraph, sources: [DijkstraSource], direction: TraversalDirection,
                             limit: Double = .infinity) {
        reset()
        switch direction {
        case .forward: search(offsets: graph.offsets, heads: graph.targets, weights: graph.minutes, sources: sources, limit: limit)
        case .reverse: search(offsets: graph.reverseOffsets, heads: graph.reverseSources, weights: graph.reverseMinutes, sources: sources, limit: limit)
        }
    }
}
