import Dispatch
import Synchronization

extension RoadGraph {
    /// Multi-source Dijkstra (Dijkstra 1959): for every node, the minutes to the nearest source and its
    /// label, in one pass. Ties (equal minutes) go to the **lowest label**.
    ///
    /// ```swift
    /// let sites = [DijkstraSource(node: 10, minutes: 0.8, label: 0), DijkstraSource(node: 99, minutes: 0, label: 1)]
    /// let best = graph.multiSourceDijkstra(sources: sites, direction: .reverse)   // minutes *to* the nearest site
    /// best.labels[5]   // 0 or 1 (-1 when unreachable)
    /// ```
    /// Complexity: O((n + m) log₄ n), one workspace of 32 bytes per node.
    public func multiSourceDijkstra(sources: [DijkstraSource], direction: TraversalDirection = .forward,
                                    limit: Double = .infinity) -> NodeLabels {
        var ws = DijkstraWorkspace(graph: self)
        ws.run(self, sources: sources, direction: direction, limit: limit)
        return ws.nodeLabels()
    }

    /// One-to-all shortest-path minutes from `node` (`+infinity` where unreachable).
    ///
    /// ```swift
    /// let t = graph.shortestPathMinutes(from: 0)   // t[v]: minutes from node 0 to v
    /// ```
    /// Complexity: O((n + m) log₄ n).
    public func shortestPathMinutes(from node: Int, direction: TraversalDirection = .forward) -> [Double] {
        multiSourceDijkstra(sources: [DijkstraSource(node: Int32(node))], direction: direction).minutes
    }

    /// Bounded one-to-many searches, one per source, in parallel: for each source, every target whose
    /// `source minutes + path minutes + target minutes ≤ limit` (inclusive), ascending by target id.
    /// Each thread owns a ``DijkstraWorkspace`` (reset in O(touched)); sources are handed out dynamically.
    /// `progress`, when given, is called with 1 after each source, from the worker threads (it must be
    /// thread-safe: a progress bar, say).
    ///
    /// ```swift
    /// let targets = NodeTargets(nodeCount: graph.nodeCount, nodes: communeNodes, minutes: communeConnectors)
    /// let table = graph.boundedOneToMany(sources: siteSources, targets: targets, limit: 20, direction: .reverse)
    /// for k in table.range(of: 0) { print(table.targets[k], table.minutes[k]) }
    /// ```
    /// Complexity: O(Σ (n_s + m_s) log₄ n_s) over the sub-graphs within the limit, divided among `threads`.
    public func boundedOneToMany(sources: [DijkstraSource], targets: NodeTargets, limit: Double,
                                 direction: TraversalDirection = .forward, threads: Int = 2,
                                 progress: (@Sendable (Int) -> Void)? = nil) -> TargetTable {
        let workers = max(1, min(threads, sources.count))
        let nextSource = Atomic<Int>(0)
        let parts = Mutex<[(sources: [Int], ranges: [Range<Int>], ids: [Int32], minutes: [Double])]>([])
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var ws = DijkstraWorkspace(graph: self)
            var done: [Int] = [], ranges: [Range<Int>] = []
            var ids: [Int32] = [], mins: [Double] = []
            // A row packs `target id << 32 | index into rowMinutes`, radix-sorted by id: the minutes come back
            // from the hot local buffer, not from two cold look-ups per target.
            var row: [UInt64] = [], scratch: [UInt64] = [], rowMinutes: [Double] = []
            let maxKey = UInt32(clamping: max(targets.nodeOfTarget.count - 1, 0))
            while true {
                let s = nextSource.wrappingAdd(1, ordering: .relaxed).oldValue
                if s >= sources.count { break }
                ws.run(self, sources: [sources[s]], direction: direction, limit: limit)
                row.removeAll(keepingCapacity: true)
                rowMinutes.removeAll(keepingCapacity: true)
                for v in ws.touched {
                    let d = ws.minutes(at: Int(v))
                    for p in Int(targets.offsets[Int(v)])..<Int(targets.offsets[Int(v) + 1]) {
                        let m = d + targets.minutes[p]
                        if m <= limit {
                            row.append(UInt64(UInt32(bitPattern: targets.ids[p])) << 32 | UInt64(rowMinutes.count))
                            rowMinutes.append(m)
                        }
                    }
                }
                RadixSort.sortByHighWord(&row, scratch: &scratch, maxKey: maxKey)
                let start = ids.count
                for w in row {
                    ids.append(Int32(truncatingIfNeeded: w >> 32))
                    mins.append(rowMinutes[Int(w & 0xFFFF_FFFF)])
                }
                done.append(s)
                ranges.append(start..<ids.count)
                progress?(1)
            }
            parts.withLock { $0.append((done, ranges, ids, mins)) }
        }
        let collected = parts.withLock { $0 }
        var where_ = [(part: Int, k: Int)](repeating: (0, 0), count: sources.count)
        for (p, part) in collected.enumerated() { for (k, s) in part.sources.enumerated() { where_[s] = (p, k) } }
        var offsets = [Int](repeating: 0, count: sources.count + 1)
        var outIDs: [Int32] = [], outMinutes: [Double] = []
        let total = collected.reduce(0) { $0 + $1.ids.count }
        outIDs.reserveCapacity(total); outMinutes.reserveCapacity(total)
        for s in 0..<sources.count {
            let (p, k) = where_[s]
            if !collected.isEmpty {
                let r = collected[p].ranges[k]
                outIDs.append(contentsOf: collected[p].ids[r])
                outMinutes.append(contentsOf: collected[p].minutes[r])
            }
            offsets[s + 1] = outIDs.count
        }
        return TargetTable(offsets: offsets, targets: outIDs, minutes: outMinutes)
    }
}
