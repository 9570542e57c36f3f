/// Builds the arrays of a ``KDTree``: filters out non-finite points, then recursively splits
/// index ranges at the median along the axis of largest spread (Bentley 1975), reordering the
/// coordinate arrays in place so that every leaf is contiguous.
///
/// ```swift
/// let built = KDTreeBuilder.build(points: sites, leafSize: 8)
/// // built.xs, built.ys, built.ids are in tree order; built.nodes is the implicit layout.
/// ```
///
/// Median selection is a three-way-partition quickselect (equal keys are grouped, so all-duplicate
/// input stays linear per level) with deterministic pseudo-random pivots.
/// Complexity: O(n log n) expected time, O(n) extra memory; recursion depth O(log n).
struct KDTreeBuilder {
    var xs: [Double]
    var ys: [Double]
    var ids: [Int32]
    var nodes: [KDNode]
    let leafSize: Int
    /// Generator for pivot choice (fixed seed: builds are deterministic).
    private var pivotRandom = SplitMix64(seed: 0x2545_F491_4F6C_DD1D)

    /// The result of a build.
    struct Output {
        var xs: [Double]
        var ys: [Double]
        var ids: [Int32]
        var nodes: [KDNode]
    }

    /// Builds the tree arrays for `points`.
    static func build(points: [Point2D], leafSize: Int) -> Output {
        var xs: [Double] = []
        var ys: [Double] = []
        var ids: [Int32] = []
        xs.reserveCapacity(points.count)
        ys.reserveCapacity(points.count)
        ids.reserveCapacity(points.count)
        for (i, p) in points.enumerated() where p.isFinite {
            xs.append(p.x)
            ys.append(p.y)
            ids.append(Int32(truncatingIfNeeded: i))
        }
        let n = xs.count
        guard n > 0 else { return Output(xs: [], ys: [], ids: [], nodes: []) }
        // Sizes at one depth differ by at most one, so leaves sit on at most two depths.
        var depth = 0
        var size = n
        while size > leafSize {
            size = (size + 1) / 2
            depth += 1
        }
        let nodeCount = (1 << (depth + 1)) - 1
        var builder = KDTreeBuilder(
            xs: xs, ys: ys, ids: ids,
            nodes: Array(repeating: .unused, count: nodeCount), leafSize: leafSize)
        xs = []
        ys = []
        ids = []
        builder.buildNode(0, lo: 0, hi: n)
        return Output(xs: builder.xs, ys: builder.ys, ids: builder.ids, nodes: builder.nodes)
    }

    private mutating func buildNode(_ node: Int, lo: Int, hi: Int) {
        if hi - lo <= leafSize {
            nodes[node] = KDNode(leafStart: lo, end: hi)
            return
        }
        var minX = xs[lo], maxX = xs[lo], minY = ys[lo], maxY = ys[lo]
        for i in (lo + 1)..<hi {
            let x = xs[i], y = ys[i]
            if x < minX { minX = x }
            if x > maxX { maxX = x }
            if y < minY { minY = y }
            if y > maxY { maxY = y }
        }
        // Spreads of finite coordinates may overflow to +infinity; the comparison stays valid.
        let axis = (maxY - minY) > (maxX - minX) ? 1 : 0
        let mid = lo + (hi - lo) / 2
        if axis == 0 {
            Self.select(keys: &xs, other: &ys, ids: &ids, lo: lo, hi: hi, k: mid, rng: &pivotRandom)
        } else {
            Self.select(keys: &ys, other: &xs, ids: &ids, lo: lo, hi: hi, k: mid, rng: &pivotRandom)
        }
        var lowMax = -Double.infinity
        if axis == 0 {
            for i in lo..<mid where xs[i] > lowMax { lowMax = xs[i] }
        } else {
            for i in lo..<mid where ys[i] > lowMax { lowMax = ys[i] }
        }
        let highMin = axis == 0 ? xs[mid] : ys[mid]
        nodes[node] = KDNode(axis: axis, lowMax: lowMax, highMin: highMin)
        buildNode(2 * node + 1, lo: lo, hi: mid)
        buildNode(2 * node + 2, lo: mid, hi: hi)
    }

    @inline(__always)
    private static func swapAll(
        _ keys: inout [Double], _ other: inout [Double], _ ids: inout [Int32], _ i: Int, _ j: Int
    ) {
        keys.swapAt(i, j)
        other.swapAt(i, j)
        ids.swapAt(i, j)
    }

    /// Rearranges `lo..<hi` so that `keys[k]` is the value a sort would put there, with no larger
    /// key before `k` and no smaller key after it (`nth_element`); `other` and `ids` follow.
    private static func select(
        keys: inout [Double], other: inout [Double], ids: inout [Int32],
        lo: Int, hi: Int, k: Int, rng: inout SplitMix64
    ) {
        var lo = lo
        var hi = hi
        while hi - lo > 16 {
            let span = UInt64(hi - lo)
            let a = keys[lo + Int(rng.next() % span)]
            let b = keys[lo + Int(rng.next() % span)]
            let c = keys[lo + Int(rng.next() % span)]
            let pivot = max(min(a, b), min(max(a, b), c))
            // Dijkstra three-way partition: [lo, lt) < pivot, [lt, gt) == pivot, [gt, hi) > pivot.
            var lt = lo
            var i = lo
            var gt = hi
            while i < gt {
                let v = keys[i]
                if v < pivot {
                    swapAll(&keys, &other, &ids, lt, i)
                    lt += 1
                    i += 1
                } else if v > pivot {
                    gt -= 1
                    swapAll(&keys, &other, &ids, i, gt)
                } else {
                    i += 1
                }
            }
            if k < lt {
                hi = lt
            } else if k >= gt {
                lo = gt
            } else {
                return
            }
        }
        // Insertion sort of the small remainder.
        if hi - lo < 2 { return }
        for i in (lo + 1)..<hi {
            var j = i
            while j > lo && keys[j - 1] > keys[j] {
                swapAll(&keys, &other, &ids, j - 1, j)
                j -= 1
            }
        }
    }
}
