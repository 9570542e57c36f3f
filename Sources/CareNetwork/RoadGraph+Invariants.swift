import CareKernel

extension RoadGraph: InvariantChecking {
    /// The first broken invariant, described, or `nil`. What every graph promises, from any source (the cache
    /// reader validates the same, ``loadCache(path:)``): one entry per node in every node array, coordinates
    /// finite (longitudes in -180…180, latitudes in -90…90); forward and reverse CSR offsets from 0 to the edge
    /// count, never decreasing; targets and sources in range; each forward row strictly ascending without
    /// self-loops; minutes and metres finite and ≥ 0; both contracted directions well formed
    /// (``ContractedCSR/invariantViolation(nodes:edges:core:)``).
    /// Every initialiser checks them in debug builds (``CareKernel/InvariantChecking/_checkInvariants()``), the
    /// cache reader's after its own validation, which throws.
    /// Complexity: O(n + m).
    public func invariantViolation() -> String? {
        let n = nodeCount, m = edgeCount
        for (name, count) in [("ys", ys.count), ("lons", lons.count), ("lats", lats.count), ("osmIDs", osmIDs.count)] where count != n {
            return "\(name) has \(count) entries for \(n) nodes"
        }
        for (name, count) in [("minutes", minutes.count), ("metres", metres.count), ("reverseSources", reverseSources.count),
                              ("reverseMinutes", reverseMinutes.count)] where count != m {
            return "\(name) has \(count) entries for \(m) edges"
        }
        if let v = xs.indices.first(where: { !xs[$0].isFinite || !ys[$0].isFinite }) { return "node \(v) is at (\(xs[v]), \(ys[v]))" }
        if let v = lons.indices.first(where: { !(abs(lons[$0]) <= 180) || !(abs(lats[$0]) <= 90) }) {
            return "node \(v) is at longitude \(lons[v]), latitude \(lats[v])"
        }
        if let problem = Self.csrViolation("offsets", offsets, heads: targets, nodes: n) { return problem }
        if let problem = Self.csrViolation("reverseOffsets", reverseOffsets, heads: reverseSources, nodes: n) { return problem }
        for v in 0..<n {
            var last: Int32 = -1
            for e in edges(from: v) {
                guard targets[e] > last, Int(targets[e]) != v else { return "node \(v)'s row is not strictly ascending without self-loops" }
                last = targets[e]
            }
        }
        for (name, weights) in [("minutes", minutes), ("metres", metres), ("reverseMinutes", reverseMinutes)] {
            if let e = weights.firstIndex(where: { !($0.isFinite && $0 >= 0) }) { return "\(name)[\(e)] = \(weights[e])" }
        }
        guard contracted.coreCount <= n else { return "\(contracted.coreCount) core nodes of \(n)" }
        for (name, c) in [("forward", contracted.forward), ("reverse", contracted.reverse)] {
            if let problem = c.invariantViolation(nodes: n, edges: m, core: contracted.coreCount) { return "contracted \(name): \(problem)" }
        }
        return nil
    }

    /// A CSR's offsets (n + 1 of them, from 0 to the head count, never decreasing) and heads (nodes, 0..<n).
    static func csrViolation(_ name: String, _ offsets: [Int32], heads: [Int32], nodes n: Int) -> String? {
        guard offsets.count == n + 1 else { return "\(name) has \(offsets.count) entries for \(n) nodes" }
        guard offsets[0] == 0, Int(offsets[n]) == heads.count else { return "\(name) runs from \(offsets[0]) to \(offsets[n]), not 0 to \(heads.count)" }
        if let v = (0..<n).first(where: { offsets[$0] > offsets[$0 + 1] }) { return "\(name) decreases after node \(v)" }
        if let e = heads.firstIndex(where: { $0 < 0 || Int($0) >= n }) { return "the node of edge \(e) of \(name), \(heads[e]), is out of range" }
        return nil
    }
}
