import CareKernel
import Testing

@testable import CareGeo

/// The union of parts sharing edges: hand-checked cases, then random sets of unit cells (labelled synthetic)
/// checked by brute force (area, cell-by-cell containment) and by ``PolygonValidity``.
struct SharedEdgeDissolveTests {
    static func square(_ x: Double, _ y: Double, _ size: Double = 1) -> Polygon {
        Polygon(exterior: [XY(x: x, y: y), XY(x: x + size, y: y), XY(x: x + size, y: y + size),
                           XY(x: x, y: y + size), XY(x: x, y: y)])
    }

    static func cells(_ list: [(Int, Int)]) -> MultiPolygon {
        MultiPolygon(polygons: list.map { square(Double($0.0), Double($0.1)) })
    }

    @Test func twoSquaresSharingAnEdgeBecomeOneRectangle() throws {
        let input = Self.cells([(0, 0), (1, 0)])
        #expect(!PolygonValidity.isValid(input))
        let out = try #require(SharedEdgeDissolve.dissolve(input))
        #expect(out.polygons.count == 1)
        #expect(out.polygons[0].rings.count == 1)
        #expect(out.area == 2)
        #expect(Set(out.polygons[0].exterior).count == 6)  // the two ends of the removed edge stay as vertices
        #expect(PolygonValidity.problems(out).isEmpty)
    }

    @Test func separateIslandsAreLeftAsTheyAre() {
        #expect(SharedEdgeDissolve.dissolve(Self.cells([(0, 0), (5, 5)])) == nil)
        #expect(SharedEdgeDissolve.dissolve(Self.cells([(0, 0), (1, 1)])) == nil)  // a corner only
    }

    @Test func aRingOfEightCellsKeepsItsHole() throws {
        let around = [(0, 0), (1, 0), (2, 0), (0, 1), (2, 1), (0, 2), (1, 2), (2, 2)]
        let out = try #require(SharedEdgeDissolve.dissolve(Self.cells(around)))
        #expect(out.polygons.count == 1)
        #expect(out.polygons[0].rings.count == 2)
        #expect(out.area == 8)
        #expect(!out.contains(XY(x: 1.5, y: 1.5)))
        #expect(PolygonValidity.problems(out).isEmpty)
    }

    @Test func aHoleTouchingTheExteriorAtOnePointStaysAHole() throws {
        // 3 × 3 without the centre and the top-right cell: the hole meets the outside at (2, 2).
        let cells = [(0, 0), (1, 0), (2, 0), (0, 1), (2, 1), (0, 2), (1, 2)]
        let out = try #require(SharedEdgeDissolve.dissolve(Self.cells(cells)))
        #expect(out.area == 7)
        #expect(out.polygons.count == 1)
        #expect(out.polygons[0].rings.count == 2)
        #expect(PolygonValidity.problems(out).isEmpty)
    }

    @Test func partsTouchingAtACornerStaySeparate() throws {
        let out = try #require(SharedEdgeDissolve.dissolve(Self.cells([(0, 0), (1, 0), (2, 1)])))
        #expect(out.polygons.count == 2)
        #expect(out.area == 3)
        #expect(PolygonValidity.problems(out).isEmpty)
    }

    @Test func anExistingHoleFilledByAnotherPartDisappears() throws {
        let frame = Polygon(exterior: Self.square(0, 0, 3).exterior, holes: [Self.square(1, 1).exterior])
        let out = try #require(SharedEdgeDissolve.dissolve(MultiPolygon(polygons: [frame, Self.square(1, 1)])))
        #expect(out == MultiPolygon(polygons: [Polygon(exterior: out.polygons[0].exterior)]))
        #expect(out.area == 9)
    }

    @Test func partsMeetingWithoutCommonVerticesAreNotMergedAndStayInvalid() {
        let shifted = MultiPolygon(polygons: [Self.square(0, 0), Self.square(1, 0.5)])
        #expect(SharedEdgeDissolve.dissolve(shifted) == nil)
        #expect(!PolygonValidity.isValid(shifted))
    }

    @Test func randomCellSetsDissolveToTheirCells() {
        var rng = SplitMix64(seed: 12)
        for _ in 0..<300 {
            let n = 6
            var set = Set<[Int]>()
            for x in 0..<n { for y in 0..<n where rng.next() % 100 < 55 { set.insert([x, y]) } }
            guard !set.isEmpty else { continue }
            let list = set.sorted { $0.lexicographicallyPrecedes($1) }.map { ($0[0], $0[1]) }
            let input = Self.cells(list)
            let out = SharedEdgeDissolve.dissolve(input) ?? input
            #expect(out.area == Double(list.count))
            for x in -1...n { for y in -1...n {
                #expect(out.contains(XY(x: Double(x) + 0.5, y: Double(y) + 0.5)) == set.contains([x, y]))
            } }
            let problems = PolygonValidity.problems(out)
            #expect(problems.isEmpty, "\(list): \(problems)")
        }
    }

    @Test func gapsAmongShapesAreFound() throws {
        let around = [(0, 0), (1, 0), (2, 0), (0, 1), (2, 1), (0, 2), (1, 2), (2, 2)]
        let shapes: [MultiPolygon?] = around.map { Self.cells([$0]) } + [nil]
        let gaps = CoverageGap.find(in: shapes)
        let gap = try #require(gaps.first)
        #expect(gaps.count == 1)
        #expect(gap.area == 1)
        #expect(gap.touching == Array(0..<8))
        #expect(CoverageGap.find(in: shapes + [Self.cells([(1, 1)])]).isEmpty)
        #expect(CoverageGap.find(in: shapes, minimumArea: 2).isEmpty)
    }
}
