import CareKernel
import Testing

@Suite("KDTree equals brute force")
struct KDTreeExactnessTests {
    @Test("uniform random points", arguments: [0, 1, 2, 17, 1_000, 5_000], [UInt64(1), 2, 3])
    func uniform(size: Int, seed: UInt64) {
        let points = TestPoints.uniform(size, seed: seed)
        let queries = TestPoints.queries(for: points, seed: seed, count: size >= 1_000 ? 40 : 60)
        let leafSizes = size >= 1_000 ? [2, KDTree.defaultLeafSize] : [1, 3, KDTree.defaultLeafSize, 32]
        expectAgreement(points: points, queries: queries, leafSizes: leafSizes, extraRadii: [10, 150])
    }

    @Test("clustered points")
    func clustered() {
        let points = TestPoints.clustered(3_000, seed: 7)
        expectAgreement(points: points, queries: TestPoints.queries(for: points, seed: 7),
                        leafSizes: [1, KDTree.defaultLeafSize], extraRadii: [5, 60])
    }

    @Test("all points identical", arguments: [1, 2, 40, 500])
    func duplicates(count: Int) {
        let points = Array(repeating: Point2D(x: 652_000.25, y: 6_862_000.5), count: count)
        let queries = [points[0], Point2D(x: 652_010, y: 6_862_000), Point2D(x: 0, y: 0)]
        expectAgreement(points: points, queries: queries, extraRadii: [9.75, 10])
        let tree = KDTree(points: points, leafSize: 4)
        #expect(tree.nearest(to: points[0]) == Neighbor(index: 0, distance: 0))
        #expect(tree.neighbors(of: points[0], within: 0).map(\.index) == Array(0..<count))
    }

    @Test("collinear points: same x, same y, diagonal")
    func collinear() {
        var rng = SplitMix64(seed: 11)
        let ts = (0..<700).map { _ in (rng.unit() * 1_000).rounded() }
        let sameX = ts.map { Point2D(x: 42, y: $0) }
        let sameY = ts.map { Point2D(x: $0, y: -42) }
        let diagonal = ts.map { Point2D(x: $0, y: $0) }
        for points in [sameX, sameY, diagonal] {
            expectAgreement(points: points, queries: TestPoints.queries(for: points, seed: 5, count: 30),
                            leafSizes: [1, KDTree.defaultLeafSize], extraRadii: [1, 2.5])
        }
    }

    @Test("integer grid with repeated nodes: ties go to the lowest index")
    func gridTies() {
        let points = TestPoints.grid(side: 20, repeats: 3)
        var queries = TestPoints.queries(for: points, seed: 3, count: 30)
        // Half-steps and cell centres are equidistant from 2 or 4 grid nodes (x 3 repeats).
        for i in 0..<10 { queries.append(Point2D(x: Double(i) + 0.5, y: Double(i) + 0.5)) }
        for i in 0..<10 { queries.append(Point2D(x: Double(i) + 0.5, y: Double(2 * i))) }
        expectAgreement(points: points, queries: queries, leafSizes: [1, 2, KDTree.defaultLeafSize, 16],
                        ks: [0, 1, 2, 3, 4, 7, 12], extraRadii: [1, 2.squareRoot(), 2, 5])
        let tree = KDTree(points: points)
        // (0.5, 0.5) is at distance sqrt(0.5) from (0,0),(0,1),(1,0),(1,1); (0,0) has index 0.
        #expect(tree.nearest(to: Point2D(x: 0.5, y: 0.5))?.index == 0)
        // A data point repeated 3 times: its first copy wins.
        #expect(tree.nearest(to: Point2D(x: 7, y: 3))?.index == 7 * 20 + 3)
        #expect(tree.nearest(to: Point2D(x: 7, y: 3), k: 3).map(\.index) == [143, 543, 943])
    }

    @Test("Lambert-93-like coordinates")
    func lambertCoordinates() {
        let points = TestPoints.uniform(4_000, seed: 93, extent: 1_000_000, x0: 100_000, y0: 6_000_000)
        expectAgreement(points: points, queries: TestPoints.queries(for: points, seed: 93, count: 40),
                        leafSizes: [KDTree.defaultLeafSize], extraRadii: [20_000, 35_897.435897435898])
        // Grid at 0.1 m resolution far from the origin: ties in Double despite large coordinates.
        let fine = (0..<30).flatMap { i in
            (0..<30).map { j in Point2D(x: 843_000 + Double(i) * 0.125, y: 6_519_000 + Double(j) * 0.125) }
        }
        expectAgreement(points: fine, queries: TestPoints.queries(for: fine, seed: 4, count: 30),
                        leafSizes: [1, KDTree.defaultLeafSize], extraRadii: [0.125, 0.25])
    }

    @Test("k larger than count, k = 0, negative radius, radius 0")
    func parameterEdges() {
        let points = TestPoints.uniform(10, seed: 9)
        let tree = KDTree(points: points)
        let q = Point2D(x: 500, y: 500)
        #expect(tree.nearest(to: q, k: 0).isEmpty)
        #expect(tree.nearest(to: q, k: -3).isEmpty)
        #expect(tree.nearest(to: q, k: 50).count == 10)
        #expect(tree.nearest(to: q, k: 50).map(\.index).sorted() == Array(0..<10))
        #expect(tree.neighbors(of: q, within: -1).isEmpty)
        #expect(tree.neighbors(of: q, within: .nan).isEmpty)
        #expect(tree.neighbors(of: points[4], within: 0) == [Neighbor(index: 4, distance: 0)])
        #expect(tree.neighbors(of: q, within: .infinity).count == 10)
    }
}
