/// OGC validity of a multipolygon (OGC 06-103r4, Simple Features § 6.1.11–6.1.14, as GEOS's `IsValidOp` reads
/// it): every ring closed with at least 4 positions and finite coordinates; no two edges of any rings cross,
/// touch in their interiors or overlap (an edge used by two rings, as in undissolved neighbouring parts, is an
/// overlap); no ring passes twice through a vertex; every hole inside its exterior; no part inside another part.
///
/// Edges of different rings may touch at a point (a hole touching its exterior, two parts touching at a corner);
/// edges of one ring may meet only at their shared ends. Not checked: a hole whose several touching points cut the interior in
/// two, and nested holes. Exact for integer coordinates below 2²⁶ (metres on a 1 m grid, as the simplifier
/// writes them); approximate for others.
///
/// ```swift
/// PolygonValidity.problems(MultiPolygon(polygons: [leftSquare, rightSquare]))   // [.edgesMeet(…)]: shared edge
/// PolygonValidity.problems(SharedEdgeDissolve.dissolve(twoSquares) ?? twoSquares)   // []
/// ```
/// Complexity: O(E log E) typical for E edges (uniform grid of segments), O(P² · V) for the part containment.
public enum PolygonValidity {
    /// One reason a shape is not valid, with a location to look at.
    public enum Problem: Sendable, Equatable, CustomStringConvertible {
        /// Ring `ring` of part `part` does not end where it starts.
        case ringNotClosed(part: Int, ring: Int)
        /// Ring `ring` of part `part` has fewer than 4 positions (closed) or a non-finite coordinate.
        case ringTooShort(part: Int, ring: Int)
        /// Two edges cross, touch or overlap near `at` (GEOS: "Self-intersection").
        case edgesMeet(at: XY)
        /// A ring passes twice through the vertex `at` (GEOS: "Ring Self-intersection").
        case ringSelfTouches(at: XY)
        /// A hole of part `part` lies outside its exterior.
        case holeOutsideShell(part: Int)
        /// Part `inner` lies inside part `outer` (GEOS: "Nested shells").
        case nestedParts(inner: Int, outer: Int)

        /// One line, naming the rule and where (part and ring numbers from 0, coordinates as stored).
        public var description: String {
            switch self {
            case let .ringNotClosed(p, r): return "ring \(r) of part \(p) not closed"
            case let .ringTooShort(p, r): return "ring \(r) of part \(p) has fewer than 4 finite positions"
            case let .edgesMeet(at): return "self-intersection at (\(at.x), \(at.y))"
            case let .ringSelfTouches(at): return "ring self-intersection at (\(at.x), \(at.y))"
            case let .holeOutsideShell(p): return "hole outside its shell in part \(p)"
            case let .nestedParts(inner, outer): return "part \(inner) nested in part \(outer)"
            }
        }
    }

    /// Whether the shape has no problem.
    public static func isValid(_ shape: MultiPolygon) -> Bool { problems(shape, limit: 1).isEmpty }

    /// The problems found, at most `limit` of them (checking stops there).
    public static func problems(_ shape: MultiPolygon, limit: Int = 8) -> [Problem] {
        var found: [Problem] = []
        var segments: [(XY, XY)] = []
        var owner: [(ring: Int, index: Int, count: Int)] = []
        var ringNumber = 0
        for (p, polygon) in shape.polygons.enumerated() {
            for (r, ring) in polygon.rings.enumerated() {
                guard ring.count >= 4, ring.allSatisfy({ $0.x.isFinite && $0.y.isFinite }) else {
                    found.append(.ringTooShort(part: p, ring: r))
                    continue
                }
                guard ring.first == ring.last else {
                    found.append(.ringNotClosed(part: p, ring: r))
                    continue
                }
                var seen = Set<XY>()
                for q in ring.dropLast() where !seen.insert(q).inserted {
                    found.append(.ringSelfTouches(at: q))
                    break
                }
                let n = ring.count - 1
                for i in 0..<n {
                    segments.append((ring[i], ring[i + 1]))
                    owner.append((ringNumber, i, n))
                }
                ringNumber += 1
            }
        }
        guard found.count < limit else { return Array(found.prefix(limit)) }
        var grid = SegmentGrid(segments: segments, cellSize: cellSize(segments))
        for i in segments.indices {
            var hit: XY?
            grid.forEachCandidate(near: segments[i].0, segments[i].1) { j in
                guard hit == nil, j > i else { return }
                let a = owner[i], b = owner[j]
                if a.ring == b.ring, (b.index - a.index == 1 || (a.index == 0 && b.index == a.count - 1)) {
                    // Consecutive edges of one ring: only a fold back along the same line conflicts.
                    guard SegmentConflict.test(segments[i].0, segments[i].1, segments[j].0, segments[j].1),
                          isFold(segments[i], segments[j]) else { return }
                } else if a.ring == b.ring {
                    guard SegmentConflict.test(segments[i].0, segments[i].1, segments[j].0, segments[j].1) else { return }
                } else if !crossOrOverlap(segments[i], segments[j]) {
                    return  // different rings may touch at a point
                }
                hit = segments[i].0
            }
            if let hit {
                found.append(.edgesMeet(at: hit))
                if found.count >= limit { return found }
            }
        }
        guard found.isEmpty else { return found }
        for (p, polygon) in shape.polygons.enumerated() {
            for hole in polygon.rings.dropFirst() where Ring.crossings(polygon.exterior, probe(hole)) % 2 == 0 {
                found.append(.holeOutsideShell(part: p))
                if found.count >= limit { return found }
            }
        }
        let boxes = shape.polygons.map(\.boundingBox)
        for (p, polygon) in shape.polygons.enumerated() {
            let point = probe(polygon.exterior)
            for (q, other) in shape.polygons.enumerated() where q != p && (boxes[q]?.contains(point) ?? false) {
                if other.contains(point) {
                    found.append(.nestedParts(inner: p, outer: q))
                    if found.count >= limit { return found }
                }
            }
        }
        return found
    }

    /// The midpoint of a ring's first edge: on the ring, on no other ring when no edges meet.
    static func probe(_ ring: [XY]) -> XY {
        guard ring.count >= 2 else { return ring.first ?? XY(x: 0, y: 0) }
        return XY(x: (ring[0].x + ring[1].x) / 2, y: (ring[0].y + ring[1].y) / 2)
    }

    /// Whether two segments cross at a point interior to both, or overlap along a length (touching at one point,
    /// an end or not, is neither).
    static func crossOrOverlap(_ s: (XY, XY), _ t: (XY, XY)) -> Bool {
        let (a, b) = s, (c, d) = t
        let o1 = SegmentConflict.orient(a, b, c), o2 = SegmentConflict.orient(a, b, d)
        let o3 = SegmentConflict.orient(c, d, a), o4 = SegmentConflict.orient(c, d, b)
        if o1 * o2 < 0 && o3 * o4 < 0 { return true }
        guard o1 == 0 && o2 == 0 else { return false }
        // Collinear: overlap when the projections on the longer axis share more than a point.
        let useX = abs(b.x - a.x) >= abs(b.y - a.y)
        let (p0, p1) = useX ? (Swift.min(a.x, b.x), Swift.max(a.x, b.x)) : (Swift.min(a.y, b.y), Swift.max(a.y, b.y))
        let (q0, q1) = useX ? (Swift.min(c.x, d.x), Swift.max(c.x, d.x)) : (Swift.min(c.y, d.y), Swift.max(c.y, d.y))
        return Swift.min(p1, q1) > Swift.max(p0, q0)
    }

    /// Whether consecutive edges a→b, b→c turn back on themselves (c on the ray from b towards a).
    private static func isFold(_ s: (XY, XY), _ t: (XY, XY)) -> Bool {
        let shared = s.1 == t.0 ? s.1 : s.0
        let u = s.1 == t.0 ? s.0 : s.1, v = s.1 == t.0 ? t.1 : t.0
        return SegmentConflict.orient(shared, u, v) == 0
            && (u.x - shared.x) * (v.x - shared.x) + (u.y - shared.y) * (v.y - shared.y) > 0
    }

    /// Grid cell: the mean segment length (1 when it is 0 or not finite).
    private static func cellSize(_ segments: [(XY, XY)]) -> Double {
        guard !segments.isEmpty else { return 1 }
        var total = 0.0
        for (a, b) in segments { total += ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot() }
        let mean = total / Double(segments.count)
        return mean > 0 && mean.isFinite ? mean : 1
    }
}
