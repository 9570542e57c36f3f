@testable import CareKernel
import Testing

@Suite("Spatial order of batch queries")
struct SpatialOrderTests {
    @Test("Hilbert index is a bijection whose consecutive cells are edge-adjacent", arguments: [1, 2, 4, 8, 32])
    func hilbertCurve(side: Int) {
        var cellAt = [(Int, Int)?](repeating: nil, count: side * side)
        for x in 0..<side {
            for y in 0..<side {
                let d = SpatialOrder.hilbertIndex(x: x, y: y, side: side)
                #expect(d >= 0 && d < side * side)
                if d >= 0 && d < side * side {
                    #expect(cellAt[d] == nil, "index \(d) used twice")
                    cellAt[d] = (x, y)
                }
            }
        }
        let cells = cellAt.compactMap { $0 }
        #expect(cells.count == side * side)
        #expect(cells.first.map { $0 == (0, 0) } == true)
        for (a, b) in zip(cells, cells.dropFirst()) {
            #expect(abs(a.0 - b.0) + abs(a.1 - b.1) == 1, "\(a) -> \(b)")
        }
    }

    @Test("hilbert order is a permutation, independent of the thread count", arguments: [0, 1, 2, 1_000, 70_000])
    func permutation(count: Int) {
        var points = TestPoints.uniform(count, seed: 8)
        if count > 10 {
            points[3] = Point2D(x: .nan, y: 1)
            points[4] = Point2D(x: .infinity, y: -.infinity)
        }
        let one = SpatialOrder.hilbert(points, threads: 1)
        #expect(one.map(Int.init).sorted() == Array(0..<count))
        #expect(SpatialOrder.hilbert(points, threads: 2) == one)
        #expect(SpatialOrder.hilbert(points, threads: 7) == one)
    }
}
