/// Dissolves the edges that polygons share: the union of parts that meet along common edges (identical vertices),
/// such as the communes déléguées a commune is made of. Rings are oriented (exteriors counter-clockwise, holes
/// clockwise), each directed edge is counted, an edge used in both directions is an internal border and is
/// removed, and the remaining edges are chained into rings, turning as far left as possible at a vertex where
/// several continue; a ring passing twice through a vertex is cut there into simple rings (so that parts
/// touching at a corner stay separate, and a hole touching the exterior at one point stays a hole, as OGC
/// validity requires). Counter-clockwise rings are the
/// exteriors; each clockwise ring is a hole of the smallest exterior containing it. This is the edge-cancelling
/// step of a planar overlay (de Berg et al., "Computational Geometry", 3rd ed., § 2.3) restricted to inputs whose
/// parts meet only along shared edges and vertices; parts that overlap or meet at a vertex in the middle of an
/// edge are not merged (``PolygonValidity`` reports them).
///
/// ```swift
/// let one = SharedEdgeDissolve.dissolve(MultiPolygon(polygons: [leftSquare, rightSquare]))   // one rectangle
/// SharedEdgeDissolve.dissolve(MultiPolygon(polygons: [farIsland, mainland]))               // nil: nothing shared
/// ```
/// Complexity: O(E) expected for E edges (hashing), plus O(H · V) to place H holes in exteriors of V vertices.
public enum SharedEdgeDissolve {
    /// The shape with its shared edges dissolved, or `nil` when no edge is used twice (the shape is then left as
    /// it is, vertex for vertex).
    public static func dissolve(_ shape: MultiPolygon) -> MultiPolygon? {
        guard sharesEdges(shape) else { return nil }
        return MultiPolygon(polygons: polygons(fromRings: boundaryRings([shape])))
    }

    /// Whether some edge (in either direction) occurs twice among the rings of the shape.
    public static func sharesEdges(_ shape: MultiPolygon) -> Bool {
        var seen = Set<Edge>()
        for polygon in shape.polygons {
            for ring in polygon.rings {
                let open = openRing(ring)
                guard open.count >= 2 else { continue }
                for i in open.indices where !seen.insert(Edge(open[i], open[(i + 1) % open.count]).undirected).inserted {
                    return true
                }
            }
        }
        return false
    }

    /// The boundary rings of the union of the shapes (open, exteriors counter-clockwise, holes clockwise), after
    /// removing every edge used in both directions; in input order of their first edge.
    public static func boundaryRings(_ shapes: [MultiPolygon]) -> [[XY]] {
        var edges: [Edge] = []
        var net: [Edge: Int] = [:]
        for shape in shapes {
            for polygon in shape.polygons {
                for (r, ring) in polygon.rings.enumerated() {
                    var open = openRing(ring)
                    guard open.count >= 3 else { continue }
                    let area = Ring.signedArea(open)
                    guard area != 0 else { continue }
                    if (r == 0) != (area > 0) { open.reverse() }
                    for i in open.indices {
                        let e = Edge(open[i], open[(i + 1) % open.count])
                        edges.append(e)
                        net[e.undirected, default: 0] += e.isCanonical ? 1 : -1
                    }
                }
            }
        }
        // Keep each surviving edge once, at its first occurrence in its surviving direction.
        var kept: [Edge] = []
        var outgoing: [XY: [Int]] = [:]
        for e in edges {
            let key = e.undirected
            guard let n = net[key], n != 0, (n > 0) == e.isCanonical else { continue }
            net[key] = 0
            outgoing[e.from, default: []].append(kept.count)
            kept.append(e)
        }
        var used = [Bool](repeating: false, count: kept.count)
        var rings: [[XY]] = []
        for start in kept.indices where !used[start] {
            var ring: [XY] = []
            var current = start
            while true {
                used[current] = true
                let e = kept[current]
                ring.append(e.from)
                if e.to == kept[start].from { break }
                guard let next = leftmost(after: e, among: outgoing[e.to] ?? [], kept: kept, used: used) else { break }
                current = next
            }
            for simple in splitAtRepeatedVertices(ring) where simple.count >= 3 { rings.append(simple) }
        }
        return rings
    }

    /// The ring cut into simple rings wherever it passes twice through a vertex (a hole touching the exterior at
    /// one point, two parts touching at a corner); each piece keeps its orientation, which then tells exteriors
    /// from holes. Stack-based: a piece is closed as soon as a vertex repeats.
    static func splitAtRepeatedVertices(_ ring: [XY]) -> [[XY]] {
        var stack: [XY] = []
        var position: [XY: Int] = [:]
        var pieces: [[XY]] = []
        for p in ring {
            if let k = position[p] {
                let piece = Array(stack[k...])
                for q in stack[(k + 1)...] { position[q] = nil }
                stack.removeSubrange((k + 1)...)
                pieces.append(piece)
            } else {
                position[p] = stack.count
                stack.append(p)
            }
        }
        pieces.append(stack)
        return pieces
    }

    /// Polygons from oriented open rings: counter-clockwise rings are exteriors, each clockwise ring goes to the
    /// smallest exterior containing the midpoint of its first edge (dropped when none does). Rings are closed.
    public static func polygons(fromRings rings: [[XY]]) -> [Polygon] {
        var exteriors: [(ring: [XY], area: Double, box: BoundingBox?, holes: [[XY]])] = []
        var holes: [[XY]] = []
        for ring in rings {
            let area = Ring.signedArea(ring)
            if area > 0 { exteriors.append((ring, area, BoundingBox(points: ring), [])) } else if area < 0 { holes.append(ring) }
        }
        for hole in holes {
            let probe = XY(x: (hole[0].x + hole[1].x) / 2, y: (hole[0].y + hole[1].y) / 2)
            var best: Int?
            for (k, e) in exteriors.enumerated() where e.box?.contains(probe) ?? false {
                guard Ring.crossings(e.ring, probe) % 2 == 1 else { continue }
                if best.map({ e.area < exteriors[$0].area }) ?? true { best = k }
            }
            if let best { exteriors[best].holes.append(hole) }
        }
        return exteriors.map { e in Polygon(exterior: closed(e.ring), holes: e.holes.map(closed)) }
    }

    /// A directed edge between two vertices.
    struct Edge: Hashable {
        var from: XY
        var to: XY
        init(_ from: XY, _ to: XY) {
            self.from = from
            self.to = to
        }
        /// Whether `from` precedes `to` (lexicographically by x, then y).
        var isCanonical: Bool { from.x < to.x || (from.x == to.x && from.y < to.y) }
        /// The edge in canonical direction.
        var undirected: Edge { isCanonical ? self : Edge(to, from) }
    }

    /// Among the unused outgoing edges, the one turning farthest left from the direction of `edge`.
    private static func leftmost(after edge: Edge, among candidates: [Int], kept: [Edge], used: [Bool]) -> Int? {
        let dx = edge.to.x - edge.from.x, dy = edge.to.y - edge.from.y
        var best: (index: Int, angle: Double)?
        for c in candidates where !used[c] {
            let ox = kept[c].to.x - kept[c].from.x, oy = kept[c].to.y - kept[c].from.y
            let angle = atan2Approx(dx * oy - dy * ox, dx * ox + dy * oy)
            if angle > best?.angle ?? -.infinity { best = (c, angle) }
        }
        return best?.index
    }

    /// A monotone stand-in for `atan2(y, x)` on (-π, π] (the pseudo-angle of the direction): enough to order turns.
    static func atan2Approx(_ y: Double, _ x: Double) -> Double {
        let r = abs(x) + abs(y)
        guard r > 0 else { return 0 }
        let p = y / r  // in [-1, 1]; the quadrant decides the rest
        if x >= 0 { return p }
        return y >= 0 ? 2 - p : -2 - p
    }

    /// The ring without its closing vertex and without consecutive duplicates.
    static func openRing(_ ring: [XY]) -> [XY] {
        var out: [XY] = []
        out.reserveCapacity(ring.count)
        for p in ring where out.last != p { out.append(p) }
        if out.count > 1, out.first == out.last { out.removeLast() }
        return out
    }

    private static func closed(_ ring: [XY]) -> [XY] { ring + [ring[0]] }
}
