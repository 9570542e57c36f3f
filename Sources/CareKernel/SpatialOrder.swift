/// Orders query points along a Hilbert curve so that consecutive queries are close in space,
/// which keeps tree paths in cache and lets each search start from the previous answer.
///
/// ```swift
/// let order = SpatialOrder.hilbert(queries)   // a permutation of 0..<queries.count
/// ```
///
/// Points are binned on a 2^b × 2^b grid over the bounding box of the finite queries (about four
/// queries per cell) and counting-sorted by the cell's Hilbert index (Hilbert 1891; the
/// iterative quadrant-rotation mapping); non-finite queries go to cell 0. Within a cell the input
/// order is kept, so the permutation is deterministic.
/// Complexity: O(n + 4^b) time and memory, 4^b <= max(1, n / 2).
enum SpatialOrder {
    /// The Hilbert order permutation of `points`.
    static func hilbert(_ points: [Point2D]) -> [Int32] {
        let n = points.count
        guard n > 1 else { return n == 1 ? [0] : [] }
        var minX = Double.infinity, maxX = -Double.infinity
        var minY = Double.infinity, maxY = -Double.infinity
        for p in points where p.isFinite {
            minX = Swift.min(minX, p.x); maxX = Swift.max(maxX, p.x)
            minY = Swift.min(minY, p.y); maxY = Swift.max(maxY, p.y)
        }
        var bits = 0
        while bits < 10 && (1 << (2 * (bits + 1))) <= Swift.max(1, n / 4) { bits += 1 }
        let side = 1 << bits
        let cells = side * side
        let top = Double(side - 1)
        let spanX = maxX - minX, spanY = maxY - minY
        let scaleX = spanX > 0 && spanX.isFinite ? Double(side) / spanX : 0
        let scaleY = spanY > 0 && spanY.isFinite ? Double(side) / spanY : 0

        var keys = [Int32](repeating: 0, count: n)
        var starts = [Int](repeating: 0, count: cells + 1)
        for i in 0..<n {
            let p = points[i]
            var cx = (p.x - minX) * scaleX
            var cy = (p.y - minY) * scaleY
            if !(cx >= 0) { cx = 0 }   // also NaN
            if !(cy >= 0) { cy = 0 }
            if cx > top { cx = top }
            if cy > top { cy = top }
            let key = hilbertIndex(x: Int(cx), y: Int(cy), side: side)
            keys[i] = Int32(truncatingIfNeeded: key)
            starts[key + 1] += 1
        }
        for c in 0..<cells { starts[c + 1] += starts[c] }
        var order = [Int32](repeating: 0, count: n)
        for i in 0..<n {
            let key = Int(keys[i])
            order[starts[key]] = Int32(truncatingIfNeeded: i)
            starts[key] += 1
        }
        return order
    }

    /// Position of cell `(x, y)` along the Hilbert curve filling a `side` × `side` grid (`side` a
    /// power of two): at each scale, add the quadrant's rank, then reflect/transpose the remaining
    /// bits into that quadrant's frame.
    static func hilbertIndex(x: Int, y: Int, side: Int) -> Int {
        var x = x, y = y
        var d = 0
        var s = side / 2
        while s > 0 {
            let rx = (x & s) != 0 ? 1 : 0
            let ry = (y & s) != 0 ? 1 : 0
            d += s * s * ((3 * rx) ^ ry)
            x &= s - 1
            y &= s - 1
            if ry == 0 {
                if rx == 1 {
                    x = s - 1 - x
                    y = s - 1 - y
                }
                swap(&x, &y)
            }
            s /= 2
        }
        return d
    }
}
