/// The state of one ``BoundarySimplifier/simplify(_:)`` run: rings, their topology, and the vertices kept per arc.
struct SimplificationWork {
    /// Where a cleaned ring came from.
    struct RingOrigin {
        var shape: Int
        var polygon: Int
        var isExterior: Bool
    }

    let settings: BoundarySimplifier
    let inputCount: Int
    var report = SimplificationReport()
    var origins: [RingOrigin] = []
    var topology: ArcTopology
    /// Per cleaned ring, whether it is kept in the output.
    var ringKept: [Bool]
    /// Per arc, which of its vertices are kept.
    var keep: [[Bool]] = []
    /// Per arc, whether a kept ring uses it.
    var arcUsed: [Bool] = []

    init(shapes: [MultiPolygon?], simplifier: BoundarySimplifier) {
        settings = simplifier
        inputCount = shapes.count
        var rings: [[XY]] = []
        for (s, shape) in shapes.enumerated() {
            guard let shape else { continue }
            for (p, polygon) in shape.polygons.enumerated() {
                for (r, ring) in polygon.rings.enumerated() {
                    report.verticesBefore += ring.count
                    let open = Self.openRing(ring, removed: &report.duplicateVerticesRemoved)
                    guard Set(open).count >= 3 else {
                        report.degenerateRingsDropped += 1
                        continue
                    }
                    rings.append(open)
                    origins.append(RingOrigin(shape: s, polygon: p, isExterior: r == 0))
                }
            }
        }
        topology = ArcTopology(rings: rings)
        ringKept = [Bool](repeating: true, count: rings.count)
        // A polygon whose exterior was degenerate loses its holes too.
        var exteriors = Set<[Int]>()
        for o in origins where o.isExterior { exteriors.insert([o.shape, o.polygon]) }
        for (k, o) in origins.enumerated() where !o.isExterior && !exteriors.contains([o.shape, o.polygon]) {
            ringKept[k] = false
        }
        report.arcs = topology.arcs.count
        report.sharedArcs = topology.arcs.indices.filter(topology.isShared).count
    }

    /// The ring without its closing vertex and without consecutive duplicates; non-finite vertices are dropped.
    static func openRing(_ ring: [XY], removed: inout Int) -> [XY] {
        var out: [XY] = []
        out.reserveCapacity(ring.count)
        for p in ring where p.x.isFinite && p.y.isFinite {
            if out.last == p { removed += 1 } else { out.append(p) }
        }
        if out.count > 1, out.first == out.last { out.removeLast() }
        return out
    }

    /// Drops isolated rings (no arc shared with another ring) smaller than the minimum area: holes always,
    /// parts unless they are their shape's largest.
    mutating func dropSmallParts() {
        guard settings.minimumPartArea > 0 else { return markUsedArcs() }
        var area = [Double](repeating: 0, count: origins.count)
        var largest: [Int: (ring: Int, area: Double)] = [:]
        for k in origins.indices where ringKept[k] {
            area[k] = abs(Ring.signedArea(topology.rings[k].flatMap { use in coordinates(use) }))
            if origins[k].isExterior, area[k] > largest[origins[k].shape]?.area ?? -1 {
                largest[origins[k].shape] = (k, area[k])
            }
        }
        var polygonIsolated: [[Int]: Bool] = [:]
        for k in origins.indices where ringKept[k] {
            let isolated = topology.rings[k].allSatisfy { !topology.isShared($0.arc) }
            polygonIsolated[[origins[k].shape, origins[k].polygon], default: true] =
                (polygonIsolated[[origins[k].shape, origins[k].polygon]] ?? true) && isolated
        }
        var droppedPolygons = Set<[Int]>()
        for k in origins.indices where ringKept[k] && area[k] < settings.minimumPartArea {
            let o = origins[k], key = [o.shape, o.polygon]
            if o.isExterior {
                guard largest[o.shape]?.ring != k, polygonIsolated[key] == true else { continue }
                droppedPolygons.insert(key)
                report.partsDropped += 1
            } else if topology.rings[k].allSatisfy({ !topology.isShared($0.arc) }) {
                ringKept[k] = false
                report.holesDropped += 1
            }
        }
        for k in origins.indices where droppedPolygons.contains([origins[k].shape, origins[k].polygon]) {
            ringKept[k] = false
        }
        markUsedArcs()
    }

    private mutating func markUsedArcs() {
        arcUsed = [Bool](repeating: false, count: topology.arcs.count)
        for k in origins.indices where ringKept[k] {
            for use in topology.rings[k] { arcUsed[use.arc] = true }
        }
    }

    /// Original coordinates of an arc as a ring traverses it.
    func coordinates(_ use: ArcTopology.Use) -> [XY] {
        let c = topology.coordinates(ofArc: use.arc)
        return use.reversed ? c.reversed() : c
    }

    /// Douglas–Peucker on every used arc, once.
    mutating func simplifyArcs() {
        keep = topology.arcs.map { [Bool](repeating: false, count: $0.count) }
        for a in topology.arcs.indices where arcUsed[a] {
            DouglasPeucker.mark(topology.coordinates(ofArc: a), tolerance: settings.tolerance, into: &keep[a])
        }
    }

    /// A vertex rounded to the output grid.
    func snapped(_ p: XY) -> XY {
        guard let g = settings.gridSize else { return p }
        return XY(x: (p.x / g).rounded() * g, y: (p.y / g).rounded() * g)
    }

    /// The output: kept rings rebuilt from their arcs' kept (snapped) vertices, closed.
    mutating func assemble() -> [MultiPolygon?] {
        var polygons = [[Int: (exterior: [XY]?, holes: [[XY]])]](repeating: [:], count: inputCount)
        for k in origins.indices where ringKept[k] {
            var ring = ringVertices(k)
            guard Set(ring).count >= 3 else {
                report.unresolvedConflicts += 1
                continue
            }
            ring.append(ring[0])
            let o = origins[k]
            if o.isExterior {
                polygons[o.shape][o.polygon, default: (nil, [])].exterior = ring
            } else {
                polygons[o.shape][o.polygon, default: (nil, [])].holes.append(ring)
            }
        }
        var shapes: [MultiPolygon?] = []
        shapes.reserveCapacity(inputCount)
        for parts in polygons {
            // A polygon is kept only when its exterior survived.
            let kept = parts.keys.sorted().compactMap { key -> Polygon? in
                guard let part = parts[key], let exterior = part.exterior else { return nil }
                return Polygon(exterior: exterior, holes: part.holes)
            }
            shapes.append(kept.isEmpty ? nil : MultiPolygon(polygons: kept))
            report.verticesAfter += kept.reduce(0) { $0 + $1.rings.reduce(0) { $0 + $1.count } }
        }
        return shapes
    }

    /// The open ring `k` as kept and snapped, consecutive duplicates removed.
    func ringVertices(_ k: Int) -> [XY] {
        var out: [XY] = []
        for use in topology.rings[k] {
            let ids = topology.arcs[use.arc], flags = keep[use.arc]
            let order = use.reversed ? Array(ids.indices.reversed()) : Array(ids.indices)
            for i in order where flags[i] {
                let p = snapped(topology.points[Int(ids[i])])
                if out.last != p { out.append(p) }
            }
        }
        while out.count > 1, out.first == out.last { out.removeLast() }
        return out
    }
}
