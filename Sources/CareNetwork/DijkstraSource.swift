/// A start of a Dijkstra search: a graph node, the minutes already spent reaching it (e.g. a site's
/// connector to the road), and a label reported for every node it wins (e.g. the site index).
///
/// ```swift
/// let s = DijkstraSource(node: 42, minutes: 1.5, label: 0)
/// ```
public struct DijkstraSource: Sendable, Hashable {
    /// The graph node the search starts from; a search skips a source whose node is outside `0..<nodeCount`.
    public var node: Int32
    /// Minutes already spent when at ``node`` (≥ 0); a search skips a source with non-finite minutes or minutes
    /// beyond its limit.
    public var minutes: Double
    /// What the search reports for every node this source wins (a site index, say); among sources at equal
    /// minutes, the lowest label wins.
    public var label: Int32

    /// Creates a source from its parts: by default at 0 minutes, label 0.
    public init(node: Int32, minutes: Double = 0, label: Int32 = 0) {
        self.node = node
        self.minutes = minutes
        self.label = label
    }
}

/// Which way a search follows the edges: `.forward` gives times *from* the sources, `.reverse` (the reverse
/// CSR) times *to* the sources — what "minutes from each commune to its nearest GP" needs on one-way streets.
public enum TraversalDirection: Sendable, Hashable { case forward, reverse }

/// The outcome of a multi-source search: for every node, the minutes to (or from) the best source and
/// that source's label; `+infinity` and label -1 where no source reaches.
public struct NodeLabels: Sendable, Hashable {
    /// Minutes to (or from) the best source, by node; `+infinity` where none reaches.
    public var minutes: [Double]
    /// The best source's label, by node; -1 where none reaches.
    public var labels: [Int32]

    /// Creates the labels from their parts (both arrays indexed by node, of equal length).
    public init(minutes: [Double], labels: [Int32]) {
        self.minutes = minutes
        self.labels = labels
    }
}

/// Targets (communes, say) attached to graph nodes, each with extra minutes (its connector), in CSR form
/// by node so that a search can collect the targets of every node it settles.
///
/// ```swift
/// let targets = NodeTargets(nodeCount: graph.nodeCount, nodes: [12, -1, 12], minutes: [0.5, 0, 1.0])
/// // targets 0 and 2 hang on node 12; target 1 is not attached
/// ```
public struct NodeTargets: Sendable, Hashable {
    /// Row starts by node (`nodeCount + 1` entries): the targets on node `v` are `ids[offsets[v]..<offsets[v+1]]`.
    public let offsets: [Int32]
    /// Target ids grouped by node, ascending within a node.
    public let ids: [Int32]
    /// Extra minutes (the connector from the node) of each entry of ``ids``.
    public let minutes: [Double]
    /// Node and extra minutes of each target, by target id (the inputs).
    public let nodeOfTarget: [Int32]
    /// Extra minutes of each target, by target id (the `minutes` given to the initialiser).
    public let minutesOfTarget: [Double]

    /// Target `i` hangs on node `nodes[i]` (-1: not attached) with `minutes[i]` extra.
    public init(nodeCount: Int, nodes: [Int32], minutes extra: [Double]) {
        var counts = [Int32](repeating: 0, count: nodeCount + 1)
        for v in nodes where v >= 0 && Int(v) < nodeCount { counts[Int(v) + 1] += 1 }
        for v in 0..<nodeCount { counts[v + 1] += counts[v] }
        var fill = counts
        var ids = [Int32](repeating: 0, count: Int(counts[nodeCount]))
        var mins = [Double](repeating: 0, count: ids.count)
        for (i, v) in nodes.enumerated() where v >= 0 && Int(v) < nodeCount {
            let p = Int(fill[Int(v)])
            fill[Int(v)] += 1
            ids[p] = Int32(i)
            mins[p] = extra[i]
        }
        offsets = counts
        self.ids = ids
        minutes = mins
        nodeOfTarget = nodes
        minutesOfTarget = extra
    }
}

/// For every source of a bounded search, the targets reached within the limit (inclusive), ascending by
/// target id: source `s` reaches `targets[offsets[s]..<offsets[s+1]]` at `minutes[…]`.
public struct TargetTable: Sendable, Hashable {
    /// Row starts by source (`sources + 1` entries), into ``targets`` and ``minutes``.
    public var offsets: [Int]
    /// The target ids each source reaches within the limit, ascending within a source.
    public var targets: [Int32]
    /// Minutes from the source to each entry of ``targets``: source, path and target connector minutes summed.
    public var minutes: [Double]

    /// The indices into ``targets`` and ``minutes`` of the targets `source` reaches. Complexity: O(1).
    public func range(of source: Int) -> Range<Int> { offsets[source]..<offsets[source + 1] }
    /// Number of (source, target) pairs within the limit, over all sources.
    public var pairCount: Int { targets.count }
}
