/// Whether two segments of a planar subdivision conflict: they cross, touch, or overlap anywhere other than at a
/// common endpoint (identical segments conflict too). Used by ``BoundarySimplifier`` to keep rings simple.
///
/// ```swift
/// SegmentConflict.test(XY(x: 0, y: 0), XY(x: 2, y: 2), XY(x: 0, y: 2), XY(x: 2, y: 0))   // true: they cross
/// SegmentConflict.test(XY(x: 0, y: 0), XY(x: 1, y: 0), XY(x: 1, y: 0), XY(x: 1, y: 1))   // false: a shared end
/// ```
/// Exact for integer coordinates below 2²⁶ (metres snapped to a grid), which is how the simplifier calls it.
/// Complexity: O(1).
enum SegmentConflict {
    static func test(_ a: XY, _ b: XY, _ c: XY, _ d: XY) -> Bool {
        if a == b || c == d { return false }  // zero-length segments are handled as collapsed rings
        let aShared = a == c || a == d, bShared = b == c || b == d
        if aShared && bShared { return true }  // the same segment twice: a collapsed ring or an overlap
        if aShared || bShared {
            let p = aShared ? a : b, u = aShared ? b : a
            let v = (c == p) ? d : c
            // Conflict only when the other ends leave p in the same direction along one line.
            return orient(p, u, v) == 0 && ((u.x - p.x) * (v.x - p.x) + (u.y - p.y) * (v.y - p.y)) > 0
        }
        let o1 = orient(a, b, c), o2 = orient(a, b, d), o3 = orient(c, d, a), o4 = orient(c, d, b)
        if ((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0)) { return true }
        return (o1 == 0 && onSegment(c, a, b)) || (o2 == 0 && onSegment(d, a, b))
            || (o3 == 0 && onSegment(a, c, d)) || (o4 == 0 && onSegment(b, c, d))
    }

    /// Twice the signed area of (a, b, c): positive when c is left of a→b.
    static func orient(_ a: XY, _ b: XY, _ c: XY) -> Double {
        (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
    }

    /// Whether `p`, collinear with `a`–`b`, lies within the segment's bounds.
    static func onSegment(_ p: XY, _ a: XY, _ b: XY) -> Bool {
        Swift.min(a.x, b.x) <= p.x && p.x <= Swift.max(a.x, b.x) && Swift.min(a.y, b.y) <= p.y && p.y <= Swift.max(a.y, b.y)
    }
}
