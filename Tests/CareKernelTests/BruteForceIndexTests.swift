import CareKernel
import Testing

@Suite("BruteForceIndex reference")
struct BruteForceIndexTests {
    @Test("hand-computed answers, ties to the lowest index")
    func handComputed() {
        let points = [Point2D(x: 0, y: 0), Point2D(x: 3, y: 4), Point2D(x: -3, y: -4), Point2D(x: 0, y: 0)]
        let index = BruteForceIndex(points: points)
        #expect(index.nearest(to: Point2D(x: 0, y: 0)) == Neighbor(index: 0, distance: 0))
        #expect(index.nearest(to: Point2D(x: 0, y: 0), k: 3) ==
                [Neighbor(index: 0, distance: 0), Neighbor(index: 3, distance: 0), Neighbor(index: 1, distance: 5)])
        #expect(index.neighbors(of: Point2D(x: 0, y: 0), within: 5).map(\.index) == [0, 3, 1, 2])
        #expect(index.neighbors(of: Point2D(x: 0, y: 0), within: 4.999).map(\.index) == [0, 3])
        #expect(BruteForceIndex(points: []).nearest(to: Point2D(x: 0, y: 0)) == nil)
    }

    @Test("k-nearest is a prefix of the full ordering and radius a filter of it")
    func consistency() {
        let points = TestPoints.grid(side: 6, repeats: 2)
        let index = BruteForceIndex(points: points)
        let q = Point2D(x: 2.5, y: 1)
        let all = index.nearest(to: q, k: points.count)
        #expect(all.count == points.count)
        #expect(zip(all, all.dropFirst()).allSatisfy {
            $0.distance < $1.distance || ($0.distance == $1.distance && $0.index < $1.index)
        })
        #expect(index.nearest(to: q) == all.first)
        #expect(index.nearest(to: q, k: 7) == Array(all.prefix(7)))
        #expect(index.neighbors(of: q, within: 2) == all.filter { $0.distance <= 2 })
    }
}
