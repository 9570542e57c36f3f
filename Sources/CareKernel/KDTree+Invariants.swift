extension KDTree: InvariantChecking {
    /// The first broken invariant, described, or `nil`: `ids` is a permutation of the finite points' original
    /// indices with `xs`/`ys` their coordinates; the nodes follow the build's split order (each range split at its
    /// middle position, children `2i + 1`, `2i + 2`, ranges of at most ``leafSize`` points are leaves); each
    /// internal node splits along the axis of larger spread of its points, and its `lowMax`/`highMin` are the
    /// largest coordinate of its low child and the smallest of its high child along that axis, in that order, so
    /// that every node's bounds contain its points.
    /// The initialiser checks them in debug builds (``InvariantChecking/_checkInvariants()``).
    /// Complexity: O(n).
    public func invariantViolation() -> String? {
        let n = ids.count
        guard xs.count == n, ys.count == n else { return "\(xs.count) x, \(ys.count) y and \(n) ids" }
        guard leafSize >= 1 else { return "leaf size \(leafSize)" }
        var seen = [Bool](repeating: false, count: originalPoints.count)
        for k in 0..<n {
            let i = Int(ids[k])
            guard originalPoints.indices.contains(i) else { return "ids[\(k)] = \(i) is not an original index" }
            guard !seen[i] else { return "original index \(i) is at two tree positions" }
            seen[i] = true
            let p = originalPoints[i]
            guard p.isFinite, p.x == xs[k], p.y == ys[k] else { return "tree position \(k) is not point \(i)" }
        }
        let finite = originalPoints.reduce(0) { $0 + ($1.isFinite ? 1 : 0) }
        guard finite == n else { return "\(finite) finite points, \(n) in the tree" }
        guard n > 0 else { return nodes.isEmpty ? nil : "\(nodes.count) nodes for no point" }
        var problem: String?
        _ = checkNode(0, lo: 0, hi: n, problem: &problem)
        return problem
    }

    /// The bounding box `(minX, maxX, minY, maxY)` of tree positions `lo..<hi`, which `node` must cover as the
    /// build lays it out; the first broken invariant below it goes to `problem`.
    private func checkNode(_ node: Int, lo: Int, hi: Int, problem: inout String?) -> (Double, Double, Double, Double) {
        var box = (xs[lo], xs[lo], ys[lo], ys[lo])
        guard problem == nil else { return box }
        guard nodes.indices.contains(node) else {
            problem = "node \(node) (positions \(lo)..<\(hi)) is missing"
            return box
        }
        let k = nodes[node]
        if hi - lo <= leafSize {
            if !k.isLeaf || Int(k.tag) != lo || Int(k.end) != hi { problem = "node \(node) is not the leaf \(lo)..<\(hi)" }
            for i in lo..<hi {
                box = (Swift.min(box.0, xs[i]), Swift.max(box.1, xs[i]), Swift.min(box.2, ys[i]), Swift.max(box.3, ys[i]))
            }
            return box
        }
        guard !k.isLeaf, k.tag == 0 || k.tag == 1 else {
            problem = "node \(node) over \(lo)..<\(hi) is not an internal node"
            return box
        }
        let mid = lo + (hi - lo) / 2
        let low = checkNode(2 * node + 1, lo: lo, hi: mid, problem: &problem)
        let high = checkNode(2 * node + 2, lo: mid, hi: hi, problem: &problem)
        box = (Swift.min(low.0, high.0), Swift.max(low.1, high.1), Swift.min(low.2, high.2), Swift.max(low.3, high.3))
        let axis = (box.3 - box.2) > (box.1 - box.0) ? 1 : 0
        let lowMax = k.tag == 0 ? low.1 : low.3, highMin = k.tag == 0 ? high.0 : high.2
        if problem == nil {
            if Int(k.tag) != axis {
                problem = "node \(node) splits along axis \(k.tag), not the one of larger spread"
            } else if k.lowMax != lowMax || k.highMin != highMin || !(k.lowMax <= k.highMin) {
                problem = "node \(node) bounds \(k.lowMax)/\(k.highMin), its children span …\(lowMax) and \(highMin)…"
            }
        }
        return box
    }
}
