import CareKernel
import Testing

/// FixedRadiusGrid against brute force: same point sets (compared as sets: the grid lists rows in grid order).
@Suite("FixedRadiusGrid equals brute force")
struct FixedRadiusGridTests {
    static func sets(_ neighbors: [Neighbor]) -> [Neighbor] {
        neighbors.sorted { ($0.distance, $0.index) < ($1.distance, $1.index) }
    }

    func check(_ points: [Point2D], cellSize: Double, radii: [Double], seed: UInt64) {
        let grid = FixedRadiusGrid(points: points, cellSize: cellSize)
        let brute = BruteForceIndex(points: points)
        let queries = TestPoints.queries(for: points, seed: seed)
        for r in radii {
            let table1 = grid.neighbors(of: queries, within: r, threads: 1)
            let table3 = grid.neighbors(of: queries, within: r, threads: 3)
            #expect(table1 == table3)
            for (k, q) in queries.enumerated() {
                let expected = brute.neighbors(of: q, within: r)
                #expect(Self.sets(grid.neighbors(of: q, within: r)) == expected)
                #expect(Self.sets(Array(table1.row(k))) == expected)
            }
        }
    }

    @Test(arguments: [0, 1, 2, 17, 1_000] as [Int])
    func uniform(n: Int) {
        let points = TestPoints.uniform(n, seed: UInt64(n) + 5)
        check(points, cellSize: 50, radii: [0, 10, 49.9, 50, 120, 5_000], seed: 3)
    }

    @Test func clusteredAndHugeCoordinates() {
        check(TestPoints.clustered(2_000, seed: 8), cellSize: 200, radii: [25, 200, 900], seed: 9)
        check(TestPoints.uniform(1_500, seed: 4, extent: 1_000_000, x0: 100_000, y0: 6_000_000),
              cellSize: 15_385, radii: [15_384.6, 40_000], seed: 4)
    }

    @Test func duplicatesCollinearAndTies() {
        check(TestPoints.grid(side: 12, repeats: 3), cellSize: 1, radii: [0, 1, 1.5, 2, 3], seed: 1)
        check((0..<200).map { Point2D(x: 5, y: Double($0)) }, cellSize: 7, radii: [0, 3, 10], seed: 2)
        check((0..<200).map { Point2D(x: Double($0), y: Double($0)) }, cellSize: 7, radii: [1.4142135623730951, 10], seed: 2)
        check([Point2D](repeating: Point2D(x: 1, y: 1), count: 50), cellSize: 1, radii: [0, 1], seed: 6)
    }

    @Test func tinyCellsAreEnlargedAndBadInputsAreSafe() {
        let points = TestPoints.uniform(300, seed: 11, extent: 1e6)
        let grid = FixedRadiusGrid(points: points, cellSize: 1e-3)  // would be 1e18 cells
        #expect(grid.cellSize > 1)
        check(points, cellSize: 1e-3, radii: [1_000, 50_000], seed: 12)
        let withNaN = [Point2D(x: .nan, y: 0), Point2D(x: 0, y: 0), Point2D(x: .infinity, y: 1)]
        let g = FixedRadiusGrid(points: withNaN, cellSize: 1)
        #expect(g.neighbors(of: Point2D(x: 0, y: 0), within: 10).map(\.index) == [1])
        #expect(g.neighbors(of: Point2D(x: 0, y: 0), within: -1).isEmpty)
        #expect(g.neighbors(of: Point2D(x: 0, y: 0), within: .nan).isEmpty)
        #expect(g.neighbors(of: [Point2D(x: 0, y: 0)], within: .infinity).row(0).count == 1)
        #expect(FixedRadiusGrid(points: [], cellSize: 5).neighbors(of: [Point2D(x: 0, y: 0)], within: 3).offsets == [0, 0])
    }
}
