import Testing

@testable import CareGeo

/// Hand-checked cases for the topology-preserving simplifier.
struct BoundarySimplifierTests {
    static func xy(_ x: Double, _ y: Double) -> XY { XY(x: x, y: y) }

    /// Two 100 × 100 squares side by side; their common edge x = 100 zigzags ±2 every 10 units.
    static func neighbours() -> (left: MultiPolygon, right: MultiPolygon) {
        let border = (1...9).map { xy(100 + ($0 % 2 == 0 ? 2 : -2), Double($0) * 10) }
        let left = [xy(0, 0), xy(100, 0)] + border + [xy(100, 100), xy(0, 100), xy(0, 0)]
        let right = [xy(100, 0), xy(200, 0), xy(200, 100), xy(100, 100)] + border.reversed() + [xy(100, 0)]
        return (MultiPolygon(polygons: [Polygon(exterior: left)]), MultiPolygon(polygons: [Polygon(exterior: right)]))
    }

    @Test func topologyFindsTheCommonBorderOnce() {
        let (left, right) = Self.neighbours()
        let topology = ArcTopology(rings: [Array(left.polygons[0].exterior.dropLast()), Array(right.polygons[0].exterior.dropLast())])
        #expect(topology.arcs.count == 3)
        #expect(topology.arcs.indices.filter(topology.isShared).count == 1)
        #expect(topology.rings.map(\.count) == [2, 2])
    }

    @Test(arguments: [0.0, 1.5, 5.0])
    func neighboursStayGapFree(tolerance: Double) throws {
        let (left, right) = Self.neighbours()
        let result = BoundarySimplifier(tolerance: tolerance).simplify([left, right])
        let l = try #require(result.shapes[0]?.polygons.first?.exterior)
        let r = try #require(result.shapes[1]?.polygons.first?.exterior)
        // The common border, read from each side, is the same vertices.
        let onBorder = { (ring: [XY]) in Set(ring.filter { abs($0.x - 100) <= 2 }) }
        #expect(onBorder(l) == onBorder(r))
        // No gap, no overlap: the areas still add up to the whole rectangle.
        let total = try #require(result.shapes[0]).area + (try #require(result.shapes[1])).area
        #expect(abs(total - 20_000) < 1e-6)
        if tolerance >= 5 {
            #expect(onBorder(l) == [Self.xy(100, 0), Self.xy(100, 100)])  // the zigzag (±2) is gone
            #expect(result.report.verticesAfter == 10)
        } else if tolerance == 0 {
            #expect(result.report.verticesAfter == result.report.verticesBefore)
        }
        #expect(result.report.sharedArcs == 1)
    }

    @Test func zigzagRingThatWouldSelfIntersectStaysSimple() throws {
        // Plain Douglas–Peucker at tolerance 3 turns this simple ring into one whose first edge crosses its last.
        let ring = [(0, 0), (0, 3), (12, 1), (14, -5), (5, -5), (10, -4), (13, -3), (5, 2), (0, 0)].map { Self.xy(Double($0.0), Double($0.1)) }
        #expect(RingChecks.crossings(ring) == 0)
        let naive = DouglasPeucker.keptIndices(ring, tolerance: 3).map { ring[$0] }
        #expect(RingChecks.crossings(naive) > 0)  // the case is a real one
        let result = BoundarySimplifier(tolerance: 3, gridSize: nil).simplify([MultiPolygon(polygons: [Polygon(exterior: ring)])])
        let out = try #require(result.shapes[0]?.polygons.first?.exterior)
        #expect(RingChecks.isValidRing(out))
        #expect(RingChecks.crossings(out) == 0)
        #expect(result.report.verticesReinserted >= 1)
        #expect(out.count < ring.count)
        #expect(result.report.unresolvedConflicts == 0)
    }

    @Test func islandInABayIsNotSwallowedByTheStraightenedCoast() throws {
        // The coast dips 3 units at x = 50; a small island straddles y = 100 inside the dip.
        let coast = MultiPolygon(polygons: [Polygon(exterior: [Self.xy(0, 0), Self.xy(100, 0), Self.xy(100, 100), Self.xy(50, 97), Self.xy(0, 100), Self.xy(0, 0)])])
        let island = MultiPolygon(polygons: [Polygon(exterior: [Self.xy(45, 98), Self.xy(55, 98), Self.xy(50, 101), Self.xy(45, 98)])])
        let result = BoundarySimplifier(tolerance: 5).simplify([coast, island])
        let c = try #require(result.shapes[0]?.polygons.first?.exterior)
        let i = try #require(result.shapes[1]?.polygons.first?.exterior)
        #expect(c.contains(Self.xy(50, 97)))  // put back
        for (a, b) in zip(c, c.dropFirst()) {
            for (p, q) in zip(i, i.dropFirst()) { #expect(!RingChecks.properlyCross(a, b, p, q)) }
        }
        #expect(i.count == 4)  // the islet's apex is within 5 of its base too: put back so it stays a ring
        #expect(result.report.verticesReinserted == 2)
    }

    @Test func tinyIslandsAndHolesAreDroppedButNeverTheLargestPart() throws {
        let square = { (x: Double, y: Double, side: Double) in
            [Self.xy(x, y), Self.xy(x + side, y), Self.xy(x + side, y + side), Self.xy(x, y + side), Self.xy(x, y)]
        }
        let hole = Array(square(40, 40, 5).reversed())
        let mainland = Polygon(exterior: square(0, 0, 100), holes: [hole])
        let islet = Polygon(exterior: square(200, 0, 10))  // 100 units² < (2 × 10)²
        let island = Polygon(exterior: square(300, 0, 30))  // 900 units² > 400
        let tinyCommune = MultiPolygon(polygons: [Polygon(exterior: square(500, 0, 4))])  // its only part
        let result = BoundarySimplifier(tolerance: 10).simplify([MultiPolygon(polygons: [mainland, islet, island]), nil, tinyCommune])
        #expect(result.shapes.count == 3)
        #expect(result.shapes[1] == nil)
        let first = try #require(result.shapes[0])
        #expect(first.polygons.count == 2)
        #expect(first.polygons.map(\.rings.count) == [1, 1])  // the 25 units² hole is filled
        #expect(abs(first.area - 10_900) < 1e-9)
        #expect(try #require(result.shapes[2]).polygons.count == 1)  // kept: largest (only) part
        #expect(result.report.partsDropped == 1)
        #expect(result.report.holesDropped == 1)
    }

    @Test func collapsedRingsGetTheirVerticesBack() throws {
        // A 3-unit triangle under a 10-unit tolerance would shrink to a point; it keeps 3 distinct vertices.
        let triangle = MultiPolygon(polygons: [Polygon(exterior: [Self.xy(0, 0), Self.xy(3, 0), Self.xy(0, 3), Self.xy(0, 0)])])
        let result = BoundarySimplifier(tolerance: 10).simplify([triangle])
        let ring = try #require(result.shapes[0]?.polygons.first?.exterior)
        #expect(ring.count == 4)
        #expect(Set(ring).count == 3)
    }

    @Test func duplicatesAndDegenerateRingsAreCleaned() {
        let ring = [Self.xy(0, 0), Self.xy(0, 0), Self.xy(10, 0), Self.xy(10, 10), Self.xy(10, 10), Self.xy(0, 0)]
        let flat = [Self.xy(0, 0), Self.xy(5, 0), Self.xy(0, 0), Self.xy(0, 0)]
        let result = BoundarySimplifier(tolerance: 0).simplify([MultiPolygon(polygons: [Polygon(exterior: ring), Polygon(exterior: flat)])])
        #expect(result.shapes[0]?.polygons.count == 1)
        #expect(result.shapes[0]?.polygons.first?.exterior.count == 4)
        #expect(result.report.duplicateVerticesRemoved == 3)
        #expect(result.report.degenerateRingsDropped == 1)
    }

    @Test func outputIsSnappedToTheGrid() throws {
        let square = MultiPolygon(polygons: [Polygon(exterior: [Self.xy(0.4, 0.2), Self.xy(10.6, 0), Self.xy(10, 9.7), Self.xy(0, 10), Self.xy(0.4, 0.2)])])
        let ring = try #require(BoundarySimplifier(tolerance: 0).simplify([square]).shapes[0]?.polygons.first?.exterior)
        #expect(ring == [Self.xy(0, 0), Self.xy(11, 0), Self.xy(10, 10), Self.xy(0, 10), Self.xy(0, 0)])
    }
}
