import CareGeo
import Foundation
import Testing
@testable import CareNetwork

@Suite("Graph building, components, cache, snapping on small graphs")
struct SmallGraphTests {
    /// 0 ⇄ 1 ⇄ 2 cycle plus 2 → 3 (3 cannot come back) and an isolated pair 4 ⇄ 5.
    func sample() throws -> RoadGraph {
        let pts = (0..<6).map { ProjectedPoint(x: Double($0) * 100, y: 0) }
        func e(_ a: Int32, _ b: Int32, _ m: Double) -> RoadEdge { RoadEdge(from: a, to: b, minutes: m, metres: m * 1000) }
        return try RoadGraph(points: pts, edges: [e(0, 1, 1), e(1, 0, 1), e(1, 2, 2), e(2, 1, 2), e(2, 0, 5), e(2, 3, 1),
                                                   e(4, 5, 1), e(5, 4, 1), e(0, 1, 0.5), e(3, 3, 1)], crs: .lambert93)
    }

    @Test func tarjanIterative() {
        let scc = StronglyConnectedComponents(offsets: [0, 1, 2, 3, 3], targets: [1, 2, 0])
        #expect(scc.count == 2)
        #expect(scc.component[0] == scc.component[1] && scc.component[1] == scc.component[2])
        #expect(scc.component[3] != scc.component[0])
        // A 200,000-node path would overflow a recursive implementation's stack.
        let n = 200_000
        let offsets = (0...n).map { Int32(min($0, n - 1)) }
        let targets = (0..<(n - 1)).map { Int32($0 + 1) }
        let chain = StronglyConnectedComponents(offsets: offsets, targets: targets)
        #expect(chain.count == n)
    }

    @Test func largestComponentKeptAndReported() throws {
        let g = try sample()
        #expect(g.nodeCount == 3)
        #expect(g.report.droppedNodes == 3 && g.report.components == 3)
        #expect(g.report.mergedParallelEdges == 1 && g.report.selfLoops == 1)
        #expect(g.edgeCount == 5)
        #expect(g.minutes[g.edges(from: 0).first!] == 0.5)  // the faster parallel edge
        #expect(g.reverseOffsets.last == Int32(g.edgeCount))
    }

    @Test func dijkstraBasics() throws {
        let g = try sample()
        #expect(g.shortestPathMinutes(from: 0) == [0, 0.5, 2.5])
        #expect(g.shortestPathMinutes(from: 2) == [3, 2, 0])
        // Reverse: minutes *to* node 0.
        #expect(g.shortestPathMinutes(from: 0, direction: .reverse) == [0, 1, 3])
        // Multi-source ties go to the lowest label.
        let r = g.multiSourceDijkstra(sources: [DijkstraSource(node: 2, minutes: 0, label: 7), DijkstraSource(node: 0, minutes: 2, label: 3)])
        #expect(r.labels == [3, 7, 7] && r.minutes == [2, 2, 0])
        let tie = g.multiSourceDijkstra(sources: [DijkstraSource(node: 0, minutes: 0, label: 5), DijkstraSource(node: 0, minutes: 0, label: 2)])
        #expect(tie.labels == [2, 2, 2])
    }

    @Test func boundedInclusive() throws {
        let g = try sample()
        let targets = NodeTargets(nodeCount: 3, nodes: [2, 1, -1, 0], minutes: [0.5, 0, 0, 0])
        let t = g.boundedOneToMany(sources: [DijkstraSource(node: 0), DijkstraSource(node: -1)], targets: targets, limit: 3, threads: 2)
        #expect(Array(t.targets[t.range(of: 0)]) == [0, 1, 3])
        #expect(Array(t.minutes[t.range(of: 0)]) == [3, 0.5, 0])
        #expect(t.range(of: 1).isEmpty)
    }

    @Test func cacheRoundTripAndChecksum() throws {
        let g = try sample()
        let bytes = g.cacheBytes()
        let back = try RoadGraph.decodeCache(bytes, file: "x.carn")
        #expect(back.targets == g.targets && back.minutes == g.minutes && back.xs == g.xs && back.crs == g.crs)
        #expect(back.report.droppedNodes == 3 && back.reverseSources == g.reverseSources)
        var bad = bytes
        bad[bad.count / 2] ^= 1
        #expect(throws: NetworkError(file: "x.carn", message: "checksum mismatch: the cache is truncated or corrupt")) {
            try RoadGraph.decodeCache(bad, file: "x.carn")
        }
    }

    @Test func snapping() throws {
        let g = try sample()
        let s = RoadSnapper(graph: g, accessSpeedKmh: 15, limitMetres: 2_000)
        let r = s.snap([ProjectedPoint(x: 90, y: 30), ProjectedPoint(x: 50, y: 0), ProjectedPoint(x: 5_000, y: 0)],
                       inCRS: [true, true, true])
        #expect(r.nodes == [1, 0, -1])  // the tie at x = 50 goes to the lowest node
        let expected: Double = (1_000.0).squareRoot() / 250
        #expect(r.minutes[0] == expected)
        #expect(r.far == [2])
        let other = s.snap([ProjectedPoint(x: 0, y: 0)], inCRS: [false])
        #expect(other.nodes == [-1])
    }

    @Test func synthetic() throws {
        let g = try RoadGraph.synthetic(side: 60, seed: 3)
        let again = try RoadGraph.synthetic(side: 60, seed: 3)
        #expect(g.nodeCount > 3_000 && g.targets == again.targets && g.minutes == again.minutes)
    }
}
