/// The repair rounds of ``BoundarySimplifier``: put original vertices back where a simplified segment crosses,
/// touches or overlaps another, or where a ring collapses below 3 distinct vertices.
extension SimplificationWork {
    /// A simplified segment: arc `arc` from its vertex `from` to its vertex `to` (kept neighbours).
    struct Segment {
        var arc: Int
        var from: Int
        var to: Int
        /// Whether original vertices lie between the ends (it can be refined).
        var isRefinable: Bool { to > from + 1 }
    }

    /// Candidate segments one arc's segments may visit in a round: 64 per segment plus 10,000. Real boundaries
    /// visit a few per segment (the grid cell is the mean segment length); an arc crossing itself everywhere
    /// (hostile input) would visit all others, quadratically. Beyond the budget the arc is kept as in the source.
    static func candidateBudget(segments: Int) -> Int { 64 * segments + 10_000 }

    /// Repeats: check the segments of changed arcs against all segments, refine the conflicting ones; until no
    /// conflict is left or the round bound is reached. An arc whose checks exceed ``candidateBudget(segments:)``
    /// is given up: all its source vertices are kept (``SimplificationReport/arcsKeptAsSource``) and the next
    /// round re-checks every other arc against it.
    mutating func repair() {
        var dirty = arcUsed
        var abandoned = [Bool](repeating: false, count: topology.arcs.count)
        var unresolved = Set<[Int]>()
        for _ in 0..<settings.maximumRepairRounds {
            let segments = currentSegments()
            let ends = segments.map { s in
                (snapped(topology.points[Int(topology.arcs[s.arc][s.from])]),
                 snapped(topology.points[Int(topology.arcs[s.arc][s.to])]))
            }
            var grid = SegmentGrid(segments: ends, cellSize: Self.cellSize(ends, tolerance: settings.tolerance))
            var refine = Set<[Int]>()
            var segmentsOfArc = [Int](repeating: 0, count: topology.arcs.count)
            for s in segments { segmentsOfArc[s.arc] += 1 }
            var visits = [Int](repeating: 0, count: topology.arcs.count)
            var gaveUp = false
            for (i, s) in segments.enumerated() where dirty[s.arc] && !abandoned[s.arc] {
                if visits[s.arc] > Self.candidateBudget(segments: segmentsOfArc[s.arc]) {
                    abandoned[s.arc] = true
                    gaveUp = true
                    for k in keep[s.arc].indices { keep[s.arc][k] = true }
                    report.arcsKeptAsSource += 1
                    continue
                }
                let (a, b) = ends[i]
                grid.forEachCandidate(near: a, b) { j in
                    visits[s.arc] += 1
                    guard j != i, SegmentConflict.test(a, b, ends[j].0, ends[j].1) else { return }
                    let t = segments[j]
                    if s.isRefinable { refine.insert([s.arc, s.from, s.to]) }
                    if t.isRefinable { refine.insert([t.arc, t.from, t.to]) }
                    if !s.isRefinable && !t.isRefinable {
                        let one = [s.arc, s.from], other = [t.arc, t.from]
                        unresolved.insert(one.lexicographicallyPrecedes(other) ? one + other : other + one)
                    }
                }
            }
            for k in origins.indices where ringKept[k] && topology.rings[k].contains(where: { dirty[$0.arc] }) {
                if Set(ringVertices(k)).count < 3, let s = longestRefinable(ofRing: k) {
                    refine.insert([s.arc, s.from, s.to])
                }
            }
            // Refinements of an abandoned arc are moot: it keeps every vertex.
            refine = refine.filter { !abandoned[$0[0]] }
            if refine.isEmpty && !gaveUp { break }
            // After giving up on arcs, every other used arc is checked again against their source vertices.
            dirty = gaveUp ? arcUsed.indices.map { arcUsed[$0] && !abandoned[$0] }
                           : [Bool](repeating: false, count: topology.arcs.count)
            for r in refine {
                let coordinates = topology.coordinates(ofArc: r[0])
                let (index, _) = DouglasPeucker.farthest(coordinates, r[1], r[2])
                keep[r[0]][index] = true
                dirty[r[0]] = true
                report.verticesReinserted += 1
            }
        }
        report.unresolvedConflicts = unresolved.count
    }

    /// Every simplified segment of the used arcs.
    func currentSegments() -> [Segment] {
        var segments: [Segment] = []
        for a in topology.arcs.indices where arcUsed[a] {
            var from = 0
            let flags = keep[a]
            for i in 1..<flags.count where flags[i] {
                segments.append(Segment(arc: a, from: from, to: i))
                from = i
            }
        }
        return segments
    }

    /// The refinable segment of ring `k` spanning the most original vertices.
    func longestRefinable(ofRing k: Int) -> Segment? {
        var best: Segment?
        for use in topology.rings[k] {
            var from = 0
            let flags = keep[use.arc]
            for i in 1..<flags.count where flags[i] {
                let s = Segment(arc: use.arc, from: from, to: i)
                if s.isRefinable, s.to - s.from > (best.map { $0.to - $0.from } ?? 1) { best = s }
                from = i
            }
        }
        return best
    }

    /// Grid cell: the mean segment length, at least the tolerance and 1 unit.
    static func cellSize(_ ends: [(XY, XY)], tolerance: Double) -> Double {
        guard !ends.isEmpty else { return 1 }
        var total = 0.0
        for (a, b) in ends { total += ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot() }
        return Swift.max(1, tolerance, total / Double(ends.count))
    }
}
