extension ContractedCSR {
    /// The first broken invariant of one contracted direction of a graph of `n` nodes, `m` edges and `core` core
    /// nodes, or `nil` (what the cache reader validates too): offsets 0…c never decreasing, heads core nodes,
    /// weight starts strictly increasing from 0 to m (every core edge at least one weight), weights finite and
    /// ≥ 0, m − c interior nodes in range, positions -1 or into ``interior``, exactly `core` nodes on no chain.
    /// Complexity: O(n + m).
    func invariantViolation(nodes n: Int, edges m: Int, core: Int) -> String? {
        let c = edgeCount
        if let problem = RoadGraph.csrViolation("offsets", offsets, heads: heads, nodes: n) { return problem }
        guard weightStarts.count == c + 1, weightStarts.first == 0, weightStarts.last.map(Int.init) == m else {
            return "weight starts do not run from 0 to \(m) over \(c) core edges"
        }
        if let e = (0..<c).first(where: { weightStarts[$0] >= weightStarts[$0 + 1] }) { return "core edge \(e) has no weight" }
        guard weights.count == m else { return "\(weights.count) weights for \(m) edges" }
        if let e = weights.firstIndex(where: { !($0.isFinite && $0 >= 0) }) { return "weights[\(e)] = \(weights[e])" }
        guard interior.count == m - c else { return "\(interior.count) interior nodes, expected \(m - c)" }
        if let i = interior.firstIndex(where: { $0 < 0 || Int($0) >= n }) { return "interior[\(i)] = \(interior[i]) is out of range" }
        guard positions.count == 2 * n else { return "\(positions.count) positions for \(n) nodes" }
        if let i = positions.firstIndex(where: { $0 < -1 || Int($0) >= interior.count }) { return "positions[\(i)] = \(positions[i]) is out of range" }
        let cores = (0..<n).reduce(0) { $0 + (positions[2 * $1] < 0 ? 1 : 0) }
        guard cores == core else { return "\(cores) nodes on no chain, core count \(core)" }
        if let e = heads.firstIndex(where: { positions[2 * Int($0)] >= 0 }) { return "head of core edge \(e), node \(heads[e]), lies on a chain" }
        return nil
    }
}
