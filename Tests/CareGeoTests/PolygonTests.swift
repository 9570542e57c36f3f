import Testing
import CareGeo

@Suite("Polygons")
struct PolygonTests {
    static let square = MultiPolygon(polygons: [Polygon(exterior: squareRing(0, 0, 10))])
    static let squareWithHole = MultiPolygon(polygons: [Polygon(exterior: squareRing(0, 0, 10), holes: [squareRing(4, 4, 2)])])

    @Test func squareBasics() throws {
        #expect(Self.square.area == 100)
        #expect(Self.square.boundingBox == BoundingBox(minX: 0, minY: 0, maxX: 10, maxY: 10))
        #expect(Self.square.contains(XY(x: 5, y: 5)))
        #expect(!Self.square.contains(XY(x: 11, y: 5)))
        #expect(!Self.square.contains(XY(x: -0.001, y: 5)))
        let p = try #require(Self.square.interiorPoint())
        #expect(p == XY(x: 5, y: 5))
    }

    @Test func squareWithHole() throws {
        let shape = Self.squareWithHole
        #expect(shape.area == 96)
        #expect(shape.contains(XY(x: 1, y: 1)))
        #expect(!shape.contains(XY(x: 5, y: 5)), "in the hole")
        #expect(!shape.contains(XY(x: 20, y: 5)))
        let p = try #require(shape.interiorPoint())
        #expect(shape.contains(p))
        #expect(!(p.x > 4 && p.x < 6 && p.y > 4 && p.y < 6))
        #expect(shape.distanceToBoundary(p) > 0)
    }

    @Test func areaIgnoresOrientationAndClosure() {
        let ccw = squareRing(0, 0, 10)
        let hole = squareRing(4, 4, 2)
        let reversed = Polygon(exterior: ccw.reversed(), holes: [hole])
        let open = Polygon(exterior: Array(ccw.dropLast()), holes: [Array(hole.dropLast().reversed())])
        #expect(reversed.area == 96)
        #expect(open.area == 96)
        #expect(open.contains(XY(x: 1, y: 1)) && !open.contains(XY(x: 5, y: 5)))
    }

    @Test func annulusInteriorPointIsInTheBand() throws {
        let annulus = MultiPolygon(polygons: [Polygon(exterior: squareRing(0, 0, 10), holes: [squareRing(1, 1, 8)])])
        #expect(annulus.area == 36)
        #expect(!annulus.contains(XY(x: 5, y: 5)), "centroid and box centre are in the hole")
        let p = try #require(annulus.interiorPoint())
        #expect(annulus.contains(p))
        #expect(annulus.distanceToBoundary(p) >= 0.5 - 1e-12)
    }

    @Test func uShapeInteriorPointIsInside() throws {
        // U open to the top: the notch (3…7 × 3…10) contains both the box centre and the centroid.
        let u = MultiPolygon(polygons: [Polygon(exterior: [
            XY(x: 0, y: 0), XY(x: 10, y: 0), XY(x: 10, y: 10), XY(x: 7, y: 10), XY(x: 7, y: 3),
            XY(x: 3, y: 3), XY(x: 3, y: 10), XY(x: 0, y: 10), XY(x: 0, y: 0),
        ])])
        #expect(u.area == 72)
        let centroid = XY(x: 5, y: (100 * 5 - 28 * 6.5) / 72)
        #expect(!u.contains(centroid))
        #expect(!u.contains(XY(x: 5, y: 5)))
        let p = try #require(u.interiorPoint())
        #expect(u.contains(p))
        #expect(u.distanceToBoundary(p) > 0)
    }

    @Test func cShapeInteriorPointIsInside() throws {
        let c = MultiPolygon(polygons: [Polygon(exterior: [
            XY(x: 0, y: 0), XY(x: 10, y: 0), XY(x: 10, y: 3), XY(x: 3, y: 3), XY(x: 3, y: 7),
            XY(x: 10, y: 7), XY(x: 10, y: 10), XY(x: 0, y: 10), XY(x: 0, y: 0),
        ])])
        #expect(!c.contains(XY(x: 5, y: 5)))
        let p = try #require(c.interiorPoint())
        #expect(p == XY(x: 1.5, y: 5))
        #expect(c.contains(p))
    }

    @Test func largestPartIsChosen() throws {
        let shape = MultiPolygon(polygons: [
            Polygon(exterior: squareRing(0, 0, 1)),
            Polygon(exterior: squareRing(100, 100, 20)),
            Polygon(exterior: squareRing(-50, 0, 5)),
        ])
        #expect(shape.area == 1 + 400 + 25)
        let p = try #require(shape.interiorPoint())
        #expect(p == XY(x: 110, y: 110))
    }

    @Test func scanlineThroughVertexIsNudged() throws {
        // Diamond: the centroid y (0) is the y of two vertices.
        let diamond = MultiPolygon(polygons: [Polygon(exterior: [
            XY(x: 0, y: -5), XY(x: 5, y: 0), XY(x: 0, y: 5), XY(x: -5, y: 0), XY(x: 0, y: -5),
        ])])
        let p = try #require(diamond.interiorPoint())
        #expect(p.y != 0)
        #expect(diamond.contains(p) && diamond.distanceToBoundary(p) > 0)
        // A spike vertex exactly on the centroid line of a square (y = 5).
        let spiky = MultiPolygon(polygons: [Polygon(exterior: [
            XY(x: 0, y: 0), XY(x: 10, y: 0), XY(x: 10, y: 10), XY(x: 5, y: 10), XY(x: 5, y: 5.0000001),
            XY(x: 4.9, y: 10), XY(x: 0, y: 10), XY(x: 0, y: 5), XY(x: 0, y: 0),
        ])])
        let q = try #require(spiky.interiorPoint())
        #expect(spiky.contains(q) && spiky.distanceToBoundary(q) > 0)
    }

    @Test func degenerateInputHasNoInteriorPoint() {
        #expect(MultiPolygon(polygons: []).interiorPoint() == nil)
        #expect(MultiPolygon(polygons: [Polygon(rings: [])]).interiorPoint() == nil)
        let flat = Polygon(exterior: [XY(x: 0, y: 0), XY(x: 5, y: 0), XY(x: 10, y: 0), XY(x: 0, y: 0)])
        #expect(MultiPolygon(polygons: [flat]).interiorPoint() == nil)
        #expect(MultiPolygon(polygons: [flat]).area == 0)
        #expect(MultiPolygon(polygons: []).boundingBox == nil)
        #expect(!MultiPolygon(polygons: []).contains(XY(x: 0, y: 0)))
        #expect(MultiPolygon(polygons: []).distanceToBoundary(XY(x: 0, y: 0)) == .infinity)
        // A zero-area part next to a real one is skipped.
        let mixed = MultiPolygon(polygons: [flat, Polygon(exterior: squareRing(20, 20, 2))])
        #expect(mixed.interiorPoint() == XY(x: 21, y: 21))
    }

    @Test func distanceToBoundary() {
        let unit = MultiPolygon(polygons: [Polygon(exterior: squareRing(0, 0, 1))])
        #expect(unit.distanceToBoundary(XY(x: 0.5, y: 0.25)) == 0.25)
        #expect(unit.distanceToBoundary(XY(x: 2, y: 0.5)) == 1)
        #expect(unit.distanceToBoundary(XY(x: 4, y: 5)) == 5)
        #expect(Self.squareWithHole.distanceToBoundary(XY(x: 5, y: 5)) == 1)
    }

    @Test func largeProjectedCoordinatesKeepPrecision() throws {
        let shape = MultiPolygon(polygons: [Polygon(exterior: squareRing(826_554.5666, 6_405_333.3411, 0.5), holes: [squareRing(826_554.6666, 6_405_333.4411, 0.1)])])
        #expect(abs(shape.area - 0.24) < 1e-9)
        let p = try #require(shape.interiorPoint())
        #expect(shape.contains(p))
    }

    @Test func mapCoordinatesAndBoundingBoxStayInSync() throws {
        let moved = Self.squareWithHole.mapCoordinates { XY(x: $0.x + 100, y: $0.y * 2) }
        #expect(moved.boundingBox == BoundingBox(minX: 100, minY: 0, maxX: 110, maxY: 20))
        #expect(moved.area == 192)
        #expect(moved.polygons[0].rings[1][0] == XY(x: 104, y: 8))
        var edited = moved
        edited.polygons.append(Polygon(exterior: squareRing(-5, -5, 1)))
        #expect(edited.boundingBox == BoundingBox(minX: -5, minY: -5, maxX: 110, maxY: 20))
        struct Stop: Error {}
        #expect(throws: Stop.self) { try Self.square.mapCoordinates { (_: XY) throws(Stop) -> XY in throw Stop() } }
    }

    @Test func geometryConveniences() {
        let polygon = Polygon(exterior: squareRing(0, 0, 1))
        #expect(Geometry.polygon(polygon).multiPolygon == MultiPolygon(polygons: [polygon]))
        #expect(Geometry.point(XY(x: 1, y: 2)).multiPolygon == nil)
        #expect(Geometry.point(XY(x: 1, y: 2)).point == XY(x: 1, y: 2))
        #expect(XY(LonLat(lon: 4, lat: 44)) == XY(x: 4, y: 44))
        #expect(LonLat(XY(x: 4, y: 44)) == LonLat(lon: 4, lat: 44))
        #expect(ProjectedPoint(XY(x: 1, y: 2)) == ProjectedPoint(x: 1, y: 2))
    }
}
