import CareKernel
import Testing

@Suite("KDTree basics")
struct KDTreeBasicsTests {
    @Test("empty tree")
    func empty() {
        let tree = KDTree(points: [])
        #expect(tree.isEmpty)
        #expect(tree.count == 0)
        #expect(tree.nearest(to: Point2D(x: 1, y: 2)) == nil)
        #expect(tree.nearest(to: Point2D(x: 1, y: 2), k: 3).isEmpty)
        #expect(tree.neighbors(of: Point2D(x: 1, y: 2), within: 1e9).isEmpty)
        let table = tree.nearest(to: [Point2D(x: 0, y: 0), Point2D(x: 5, y: 5)], threads: 2)
        #expect(table.indices == [-1, -1])
        #expect(table.distances == [.infinity, .infinity])
        #expect(table[0] == nil)
        let radius = tree.neighbors(of: [Point2D(x: 0, y: 0)], within: 10, threads: 2)
        #expect(radius.offsets == [0, 0])
        #expect(radius.rowCount == 1)
    }

    @Test("single point")
    func single() {
        let p = Point2D(x: 3, y: 4)
        let tree = KDTree(points: [p])
        #expect(!tree.isEmpty)
        #expect(tree.point(at: 0) == p)
        #expect(tree.nearest(to: Point2D(x: 0, y: 0)) == Neighbor(index: 0, distance: 5))
        #expect(tree.neighbors(of: Point2D(x: 0, y: 0), within: 5) == [Neighbor(index: 0, distance: 5)])
        #expect(tree.neighbors(of: Point2D(x: 0, y: 0), within: 5.0.nextDown).isEmpty)
    }

    @Test("point(at:) returns the original points, in the original order")
    func originalOrder() {
        let points = TestPoints.uniform(300, seed: 21)
        let tree = KDTree(points: points, leafSize: 4)
        #expect((0..<points.count).map { tree.point(at: $0) } == points)
    }

    @Test("non-finite points are never returned")
    func nonFinitePoints() {
        let points = [Point2D(x: .nan, y: 0), Point2D(x: 10, y: 0), Point2D(x: .infinity, y: 1),
                      Point2D(x: 0, y: 0), Point2D(x: 1, y: -.infinity)]
        let tree = KDTree(points: points, leafSize: 1)
        let reference = BruteForceIndex(points: points)
        #expect(tree.count == 5)
        for q in [Point2D(x: 0, y: 0), Point2D(x: 9, y: 0), Point2D(x: 1e300, y: 0)] {
            #expect(tree.nearest(to: q) == reference.nearest(to: q))
            #expect(tree.nearest(to: q, k: 5) == reference.nearest(to: q, k: 5))
            #expect(tree.neighbors(of: q, within: .infinity) == reference.neighbors(of: q, within: .infinity))
        }
        #expect(tree.nearest(to: Point2D(x: 1, y: 0))?.index == 3)
        #expect(tree.nearest(to: Point2D(x: 1, y: 0), k: 5).map(\.index) == [3, 1])
        #expect(KDTree(points: [Point2D(x: .nan, y: .nan)]).nearest(to: Point2D(x: 0, y: 0)) == nil)
    }

    @Test("distances overflowing to infinity tie on the lowest index")
    func overflow() {
        let points = [Point2D(x: -1e300, y: 0), Point2D(x: 1e300, y: 0), Point2D(x: 0, y: 1e300)]
        let tree = KDTree(points: points, leafSize: 1)
        let reference = BruteForceIndex(points: points)
        for q in [Point2D(x: 0, y: -1e300), Point2D(x: 1e300, y: 1e300)] {
            #expect(tree.nearest(to: q) == reference.nearest(to: q))
            #expect(tree.nearest(to: q, k: 3) == reference.nearest(to: q, k: 3))
        }
        #expect(tree.nearest(to: Point2D(x: 0, y: -1e300)) == Neighbor(index: 0, distance: .infinity))
    }

    @Test("centre of a 2 x 2 grid: four-way tie goes to index 0")
    func fourWayTie() {
        let points = TestPoints.grid(side: 2)
        let tree = KDTree(points: points, leafSize: 1)
        #expect(tree.nearest(to: Point2D(x: 0.5, y: 0.5))?.index == 0)
        #expect(tree.nearest(to: Point2D(x: 0.5, y: 0.5), k: 4).map(\.index) == [0, 1, 2, 3])
    }
}
