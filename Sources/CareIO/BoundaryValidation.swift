import CareGeo

/// The validity rules the importer applies to simplified, projected boundaries, each case in the ``ImportReport``:
/// - a boundary whose parts share edges (a commune made of its communes déléguées, not dissolved in the source)
///   is dissolved (``SharedEdgeDissolve``), its area before and after reported (`boundary_parts_dissolved`);
/// - a boundary still not OGC-valid (``PolygonValidity``) is kept as it is and reported with the first reason
///   (`boundary_invalid_unrepaired`);
/// - a gap among neighbours (area enclosed by the communes of one CRS and in none of them, ``CoverageGap``) is
///   reported with the communes around it, and the communes déléguées of those without a boundary of their own,
///   its likely owners (`coverage_gap_unrepaired`): assigning it would be a guess.
///
/// The commune points are derived before, from the source boundaries: dissolving changes rings, not points.
enum BoundaryValidation {
    /// Gaps smaller than this (m²) are never reported: a 10 m × 10 m square.
    static let minimumGapArea = 100.0

    /// The shapes with shared edges dissolved, and the ring vertices that removed (internal borders); every shape
    /// still invalid is reported. `names` are (code, name) per shape.
    static func repair(_ shapes: [MultiPolygon?], names: [(String, String)],
                       report: inout ImportReport) -> (shapes: [MultiPolygon?], verticesRemoved: Int) {
        var out = shapes
        var removed = 0
        for (m, shape) in shapes.enumerated() {
            guard let shape else { continue }
            if let dissolved = SharedEdgeDissolve.dissolve(shape) {
                report.add(.boundaryDissolved, code: names[m].0, name: names[m].1,
                           "\(shape.polygons.count) parts sharing edges dissolved into \(dissolved.polygons.count); area "
                           + "\(km2(shape.area)) km² → \(km2(dissolved.area)) km²")
                out[m] = dissolved
                removed += vertexCount(shape) - vertexCount(dissolved)
            }
            if let problem = out[m].flatMap({ PolygonValidity.problems($0, limit: 1).first }) {
                report.add(.boundaryInvalid, code: names[m].0, name: names[m].1, "invalid boundary kept as it is: \(problem)")
            }
        }
        return (out, removed)
    }

    /// Ring vertices, closing vertices included (as ``SimplificationReport`` counts them).
    static func vertexCount(_ shape: MultiPolygon) -> Int {
        shape.polygons.reduce(0) { $0 + $1.rings.reduce(0) { $0 + $1.count } }
    }

    /// Reports every gap among the shapes of at least `minimumArea` (and ``minimumGapArea``): the importer passes
    /// the simplifier's minimum part area, under which isolated holes are filled, so that slivers between borders
    /// digitised twice are not listed. `withoutBoundary` lists, per shape, the (code, name) of its communes
    /// déléguées without a boundary.
    static func reportGaps(_ shapes: [MultiPolygon?], names: [(String, String)], withoutBoundary: [[(String, String)]],
                           minimumArea: Double, report: inout ImportReport) {
        for gap in CoverageGap.find(in: shapes, minimumArea: Swift.max(minimumGapArea, minimumArea)) {
            let around = gap.touching.map { "\(names[$0].0) \(names[$0].1)" }
            let candidates = gap.touching.flatMap { s in
                withoutBoundary[s].map { "\($0.1) (\($0.0)), commune déléguée of \(names[s].1) (\(names[s].0))" }
            }
            let owner = gap.touching.first { !withoutBoundary[$0].isEmpty } ?? gap.touching.first
            var detail = "\(km2(gap.area)) km² enclosed by \(around.joined(separator: ", ")) and in none of them; left empty"
            if !candidates.isEmpty {
                detail += "; without a boundary in the source: " + candidates.joined(separator: "; ")
            }
            let code = owner.map { withoutBoundary[$0].first?.0 ?? names[$0].0 } ?? ""
            let name = owner.map { withoutBoundary[$0].first?.1 ?? names[$0].1 } ?? ""
            report.add(.coverageGap, code: code, name: name, detail)
        }
    }

    /// Square metres as km² with 3 decimals.
    static func km2(_ m2: Double) -> String {
        let thousandths = (m2 / 1_000).rounded()
        let whole = Int(thousandths / 1_000), frac = Int(abs(thousandths).truncatingRemainder(dividingBy: 1_000))
        return "\(whole)." + String(repeating: "0", count: frac < 10 ? 2 : frac < 100 ? 1 : 0) + "\(frac)"
    }
}
