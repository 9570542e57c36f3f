import CareKernel
import Testing

@Suite("KDTree batch queries")
struct KDTreeBatchTests {
    static let threadCounts = [1, 2, 7]

    func expectBatchMatchesSingle(points: [Point2D], queries: [Point2D], radius: Double, leafSize: Int) {
        let tree = KDTree(points: points, leafSize: leafSize)
        let single = queries.map { tree.nearest(to: $0) }
        let singleRadius = queries.map { tree.neighbors(of: $0, within: radius) }
        for threads in Self.threadCounts {
            let table = tree.nearest(to: queries, threads: threads)
            #expect(table.count == queries.count)
            #expect((0..<table.count).map { table[$0] } == single, "threads \(threads)")
            let radiusTable = tree.neighbors(of: queries, within: radius, threads: threads)
            #expect(radiusTable.rowCount == queries.count)
            #expect(radiusTable.offsets.first == 0 && radiusTable.offsets.last == radiusTable.indices.count)
            #expect((0..<queries.count).map { Array(radiusTable.row($0)) } == singleRadius, "threads \(threads)")
        }
    }

    @Test("batch equals single queries, any thread count", arguments: [0, 1, 17, 1_000, 5_000])
    func uniform(size: Int) {
        let points = TestPoints.uniform(size, seed: UInt64(size) + 100, extent: 100_000, x0: 100_000, y0: 6_000_000)
        // More queries than a batch chunk, so several chunks and seeded searches are exercised.
        let queries = TestPoints.uniform(2_500, seed: 77, extent: 110_000, x0: 95_000, y0: 5_995_000)
            + TestPoints.queries(for: points, seed: 3, count: 10)
        expectBatchMatchesSingle(points: points, queries: queries, radius: 1_500, leafSize: KDTree.defaultLeafSize)
    }

    @Test("batch nearest equals brute force on an integer grid with ties")
    func gridTies() {
        let points = TestPoints.grid(side: 30, repeats: 2)
        var queries: [Point2D] = []
        for i in 0..<60 { for j in 0..<60 { queries.append(Point2D(x: Double(i) * 0.5, y: Double(j) * 0.5)) } }
        let reference = BruteForceIndex(points: points)
        let expectedNearest = queries.map { reference.nearest(to: $0) }
        let expectedWithin = queries.map { reference.neighbors(of: $0, within: 1) }
        let tree = KDTree(points: points, leafSize: 3)
        for threads in Self.threadCounts {
            let table = tree.nearest(to: queries, threads: threads)
            #expect((0..<queries.count).map { table[$0] } == expectedNearest, "threads \(threads)")
            let radius = tree.neighbors(of: queries, within: 1, threads: threads)
            #expect((0..<queries.count).map { Array(radius.row($0)) } == expectedWithin, "threads \(threads)")
        }
    }

    @Test("batch with duplicate queries and a negative radius")
    func duplicatesAndNegativeRadius() {
        let points = TestPoints.clustered(2_000, seed: 5)
        let queries = Array(repeating: points[17], count: 2_100) + points.prefix(500)
        expectBatchMatchesSingle(points: points, queries: queries, radius: 40, leafSize: 2)
        let tree = KDTree(points: points)
        let table = tree.neighbors(of: queries, within: -1, threads: 2)
        #expect(table.indices.isEmpty && table.offsets == [Int](repeating: 0, count: queries.count + 1))
        #expect(tree.nearest(to: [Point2D]()).count == 0)
    }

    @Test("default thread count is the number of online cores")
    func defaultThreads() {
        #expect(KDTree.defaultThreadCount >= 1)
    }
}
