/// Per-thread scratch memory for Dijkstra searches on one graph (Dijkstra 1959, "A note on two problems in
/// connexion with graphs", Numerische Mathematik 1): one 16-byte slot per node (tentative minutes, label and
/// heap position side by side, so that reaching a node costs one cache line, not three), an indexed 4-ary
/// min-heap, and the list of nodes touched so that resetting costs O(touched), not O(n).
///
/// Build one per thread and reuse it for every source: a bounded search then costs O(touched log touched)
/// and never clears or allocates per node count again.
///
/// Keys are ordered lexicographically by (minutes, label): with several sources, every node gets the
/// minimum minutes and, among sources at exactly those minutes, the **lowest label**. Floating-point
/// addition being monotone, this order is preserved along edges, so the result is exact for the minutes as
/// computed (source minutes plus edge minutes, summed from the source).
///
/// ```swift
/// var ws = DijkstraWorkspace(nodeCount: graph.nodeCount)
/// ws.run(graph, sources: [DijkstraSource(node: 0)], direction: .forward, limit: 20)
/// for v in ws.touched { print(v, ws.minutes(at: Int(v))) }
/// ```
/// Complexity: O((n + m) log₄ n) per full search; memory 16 bytes per node and 16 per core node (slot and heap entry).
public struct DijkstraWorkspace: Sendable {
    /// Per-node state: `+infinity` minutes, label `Int32.max` and position -1 when untouched.
    var slots: [NodeSlot]
    var heap: [HeapEntry]
    /// Nodes reached by the last search (all settled when it returns), in first-reached order.
    public internal(set) var touched: [Int32] = []

    struct NodeSlot: BitwiseCopyable {
        var minutes: Double
        var label: Int32
        /// Heap position: ≥ 0 in the heap, -1 never reached, -2 settled, -3 interior chain node reached.
        var position: Int32

        static let untouched = NodeSlot(minutes: .infinity, label: .max, position: -1)
    }

    struct HeapEntry: BitwiseCopyable {
        var key: Double
        var label: Int32
        var node: Int32
    }

    /// A workspace for any graph of `nodeCount` nodes, its heap sized for every node (room for a search in
    /// which every node enters the heap); ``init(graph:)`` sizes the heap for the graph's contracted core only.
    public init(nodeCount: Int) {
        slots = [NodeSlot](repeating: .untouched, count: nodeCount)
        heap = [HeapEntry](repeating: HeapEntry(key: 0, label: 0, node: 0), count: max(nodeCount, 1))
        touched.reserveCapacity(min(nodeCount, 1 << 16))
    }

    /// A workspace for `graph`: node slots for every node, a heap only as large as the contracted core (only
    /// core nodes enter it), so that a national graph's workspace costs 16 bytes per node, not 32.
    public init(graph: RoadGraph) {
        slots = [NodeSlot](repeating: .untouched, count: graph.nodeCount)
        heap = [HeapEntry](repeating: HeapEntry(key: 0, label: 0, node: 0), count: max(graph.contracted.coreCount, 1))
        touched.reserveCapacity(min(graph.nodeCount, 1 << 16))
    }

    /// Number of nodes of the graph the workspace was made for.
    public var nodeCount: Int { slots.count }

    /// Minutes of node `v` in the last search (`+infinity` when not reached). Complexity: O(1).
    public func minutes(at v: Int) -> Double { slots[v].minutes }

    /// Label of the source that reached node `v` in the last search (`Int32.max` when not reached).
    public func label(at v: Int) -> Int32 { slots[v].label }

    /// Minutes and labels of every node (-1 where no source reached). Complexity: O(n).
    public func nodeLabels() -> NodeLabels {
        var minutes = [Double](repeating: .infinity, count: slots.count)
        var labels = [Int32](repeating: -1, count: slots.count)
        for v in touched {
            minutes[Int(v)] = slots[Int(v)].minutes
            labels[Int(v)] = slots[Int(v)].label
        }
        return NodeLabels(minutes: minutes, labels: labels)
    }

    /// Clears what the last search touched. Complexity: O(touched).
    public mutating func reset() {
        for v in touched { slots[Int(v)] = .untouched }
        touched.removeAll(keepingCapacity: true)
    }

    /// Runs one (multi-)source search, pruning every node beyond `limit` minutes (inclusive bound), after
    /// resetting the previous one. Sources with an out-of-range node or non-finite minutes are ignored.
    /// The search runs on the graph's ``RoadGraph/contracted`` chains and gives every node, chain nodes
    /// included, the minutes and label a search of the full graph gives (bit for bit).
    public mutating func run(_ graph: RoadGraph, sources: [DijkstraSource], direction: TraversalDirection,
                             limit: Double = .infinity) {
        reset()
        if heap.count < graph.contracted.coreCount {   // a workspace made for another graph: the heap must hold every core node
            heap = [HeapEntry](repeating: HeapEntry(key: 0, label: 0, node: 0), count: graph.contracted.coreCount)
        }
        switch direction {
        case .forward: search(graph.contracted.forward, sources: sources, limit: limit)
        case .reverse: search(graph.contracted.reverse, sources: sources, limit: limit)
        }
    }
}
