/// Strongly connected components of a directed graph in CSR form, by Tarjan's algorithm (Tarjan 1972,
/// "Depth-first search and linear graph algorithms", SIAM J. Computing 1(2)), written iteratively with an
/// explicit stack so that million-node road graphs cannot overflow the call stack.
///
/// ```swift
/// let scc = StronglyConnectedComponents(offsets: [0, 1, 2, 2], targets: [1, 0])
/// scc.component   // [0, 0, 1]: nodes 0 and 1 form a cycle, node 2 is alone
/// ```
/// Complexity: O(nodes + edges) time and memory.
public struct StronglyConnectedComponents: Sendable, Hashable {
    /// Component id of each node (ids are arbitrary but dense: 0..<count).
    public let component: [Int32]
    /// Number of nodes of each component.
    public let sizes: [Int]

    /// Number of components (a graph with no node has none). Complexity: O(1).
    public var count: Int { sizes.count }

    /// The largest component; ties go to the component holding the lowest node index.
    public var largest: Int32 {
        var best = -1, bestSize = -1, bestFirst = Int.max
        var first = [Int](repeating: Int.max, count: sizes.count)
        for (v, c) in component.enumerated() where first[Int(c)] == Int.max { first[Int(c)] = v }
        for (c, s) in sizes.enumerated() where s > bestSize || (s == bestSize && first[c] < bestFirst) {
            best = c; bestSize = s; bestFirst = first[c]
        }
        return Int32(max(best, 0))
    }

    /// Components of the graph whose node `v` has successors `targets[offsets[v]..<offsets[v+1]]`.
    public init(offsets: [Int32], targets: [Int32]) {
        let n = offsets.count - 1
        var index = [Int32](repeating: -1, count: max(n, 0))
        var low = [Int32](repeating: 0, count: max(n, 0))
        var onStack = [Bool](repeating: false, count: max(n, 0))
        var comp = [Int32](repeating: -1, count: max(n, 0))
        var sizes: [Int] = []
        var stack: [Int32] = []
        var calls: [(node: Int32, edge: Int32)] = []
        var next: Int32 = 0
        for root in 0..<max(n, 0) where index[root] < 0 {
            index[root] = next; low[root] = next; next += 1
            stack.append(Int32(root)); onStack[root] = true
            calls.append((Int32(root), offsets[root]))
            while let top = calls.last {
                let v = Int(top.node)
                let e = top.edge
                if e < offsets[v + 1] {
                    calls[calls.count - 1].edge = e + 1
                    let w = Int(targets[Int(e)])
                    if index[w] < 0 {
                        index[w] = next; low[w] = next; next += 1
                        stack.append(Int32(w)); onStack[w] = true
                        calls.append((Int32(w), offsets[w]))
                    } else if onStack[w] {
                        low[v] = min(low[v], index[w])
                    }
                } else {
                    calls.removeLast()
                    if let parent = calls.last { low[Int(parent.node)] = min(low[Int(parent.node)], low[v]) }
                    if low[v] == index[v] {
                        let id = Int32(sizes.count)
                        var size = 0
                        while let w = stack.popLast() {
                            onStack[Int(w)] = false
                            comp[Int(w)] = id
                            size += 1
                            if Int(w) == v { break }
                        }
                        sizes.append(size)
                    }
                }
            }
        }
        component = comp
        self.sizes = sizes
    }
}
