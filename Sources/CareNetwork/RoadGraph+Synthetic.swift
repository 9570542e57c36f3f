import CareKernel
import CareGeo

extension RoadGraph {
    /// The largest side ``synthetic(side:seed:)`` accepts: 5,000, i.e. 25 M nodes (about 5 GB while building).
    /// `synthetic:100000` would ask for 10¹⁰ nodes (≈ 160 GB) and is refused instead.
    public static let maximumSyntheticSide = 5_000

    /// A **synthetic** road-like graph for benchmarks and tests (not real data): a `side × side` grid with
    /// 250 m spacing and jittered nodes (Lambert-93-like origin), 8 % of the street segments removed, residential
    /// streets at 30 km/h, every 10th row and column a 70 km/h road, every 50th an 110 km/h arterial, a few
    /// fast diagonals (0.5 % of cells, 80 km/h), and 5 % of segments one-way. Seeded (SplitMix64): the same
    /// arguments always give the same graph. The largest strongly connected component is kept.
    ///
    /// ```swift
    /// let g = try RoadGraph.synthetic(side: 1_000, seed: 7)   // ≈ 1 M nodes
    /// ```
    /// Complexity: O(side²). Throws when `side` is not in 1…``maximumSyntheticSide``.
    public static func synthetic(side: Int, seed: UInt64 = 7) throws(NetworkError) -> RoadGraph {
        guard side >= 1, side <= maximumSyntheticSide else {
            throw NetworkError(file: "synthetic grid", message:
                "side \(side) is out of range (1…\(maximumSyntheticSide): at most \(maximumSyntheticSide * maximumSyntheticSide / 1_000_000) M nodes)")
        }
        var rng = SplitMix64(seed: seed)
        let spacing = 250.0
        var points: [ProjectedPoint] = []
        points.reserveCapacity(side * side)
        for r in 0..<side {
            for c in 0..<side {
                let jx = (rng.unit() - 0.5) * 0.4 * spacing, jy = (rng.unit() - 0.5) * 0.4 * spacing
                points.append(ProjectedPoint(x: 700_000 + Double(c) * spacing + jx, y: 6_400_000 + Double(r) * spacing + jy))
            }
        }
        func speed(_ line: Int) -> Double { line % 50 == 0 ? 110 : (line % 10 == 0 ? 70 : 30) }
        var edges: [RoadEdge] = []
        edges.reserveCapacity(side * side * 4)
        func add(_ a: Int, _ b: Int, _ kmh: Double) {
            let dx = points[b].x - points[a].x, dy = points[b].y - points[a].y
            let metres = (dx * dx + dy * dy).squareRoot()
            let minutes = metres / (kmh * 1000 / 60)
            let oneway = rng.unit() < 0.05
            let flip = rng.unit() < 0.5
            if !oneway || !flip { edges.append(RoadEdge(from: Int32(a), to: Int32(b), minutes: minutes, metres: metres)) }
            if !oneway || flip { edges.append(RoadEdge(from: Int32(b), to: Int32(a), minutes: minutes, metres: metres)) }
        }
        for r in 0..<side {
            for c in 0..<side {
                let v = r * side + c
                if c + 1 < side, rng.unit() >= 0.08 || r % 10 == 0 { add(v, v + 1, speed(r)) }
                if r + 1 < side, rng.unit() >= 0.08 || c % 10 == 0 { add(v, v + side, speed(c)) }
                if r + 1 < side, c + 1 < side, rng.unit() < 0.005 { add(v, v + side + 1, 80) }
            }
        }
        var report = RoadGraphReport()
        report.format = "synthetic"
        return try RoadGraph(points: points, edges: edges, crs: .lambert93, source: "synthetic grid \(side)×\(side) seed \(seed)",
                             keepLargestComponent: true, report: report)
    }
}
