import CareKernel
import CareGeo
import Synchronization
import Testing
@testable import CareNetwork

/// One workspace reused across many bounded searches (the catchment loop) must give exactly what a fresh
/// search and the reference Dijkstra give; the radix sort of rows must order like a comparison sort.
@Suite("Dijkstra workspace reuse, row sort and progress")
struct DijkstraWorkspaceTests {
    @Test func reusedWorkspaceEqualsReferenceForEverySource() throws {
        let g = try RoadGraph.synthetic(side: 30, seed: 3)   // synthetic, labelled
        var ws = DijkstraWorkspace(nodeCount: g.nodeCount)
        var rng = SplitMix64(seed: 5)
        for round in 0..<60 {
            let s = Int(rng.next() % UInt64(g.nodeCount))
            let limit = round % 3 == 0 ? Double.infinity : 2 + Double(round % 7)
            let direction: TraversalDirection = round % 2 == 0 ? .forward : .reverse
            ws.run(g, sources: [DijkstraSource(node: Int32(s))], direction: direction, limit: limit)
            let ref = direction == .forward ? ReferenceDijkstra.forward(g, from: s) : ReferenceDijkstra.reverse(g, from: s)
            let expected = ref.map { $0 <= limit ? $0 : .infinity }
            #expect((0..<g.nodeCount).map { ws.minutes(at: $0) } == expected)
            // Touched = exactly the nodes within the limit, each once; untouched slots read as unreached.
            #expect(Set(ws.touched).count == ws.touched.count)
            #expect(ws.touched.count == expected.filter(\.isFinite).count)
            for v in 0..<g.nodeCount where !expected[v].isFinite { #expect(ws.label(at: v) == .max) }
        }
        ws.reset()
        #expect(ws.touched.isEmpty)
        #expect((0..<g.nodeCount).allSatisfy { ws.minutes(at: $0) == .infinity && ws.label(at: $0) == .max })
    }

    @Test func boundedSearchesEqualOneSearchPerSourceAndReportProgress() throws {
        let g = try RoadGraph.synthetic(side: 25, seed: 4)   // synthetic, labelled
        var rng = SplitMix64(seed: 8)
        let sources = (0..<40).map { DijkstraSource(node: Int32(rng.next() % UInt64(g.nodeCount)), minutes: Double($0 % 3) * 0.5, label: Int32($0)) }
        let nodes = (0..<g.nodeCount).map { Int32($0) }
        let targets = NodeTargets(nodeCount: g.nodeCount, nodes: nodes, minutes: nodes.map { Double($0 % 5) * 0.25 })
        let calls = Mutex<[Int]>([])
        let table = g.boundedOneToMany(sources: sources, targets: targets, limit: 6, direction: .reverse, threads: 2) { n in
            calls.withLock { $0.append(n) }
        }
        #expect(calls.withLock { $0 } == [Int](repeating: 1, count: sources.count))
        for (k, s) in sources.enumerated() {
            let ref = ReferenceDijkstra.reverse(g, from: Int(s.node), start: s.minutes)
            let expected = (0..<g.nodeCount).filter { ref[$0] + targets.minutesOfTarget[$0] <= 6 }
            let r = table.range(of: k)
            #expect(table.targets[r].map(Int.init) == expected)
            #expect(Array(table.minutes[r]) == expected.map { ref[$0] + targets.minutesOfTarget[$0] })
        }
    }

    @Test func calibrationReportsThePairsItFinds() throws {
        let g = try RoadGraph.synthetic(side: 30, seed: 3)   // synthetic, labelled
        var steps: [Int] = []
        let fit = NetworkCalibration.fit(g, pairs: 300, pairsPerOrigin: 20, seed: 1) { steps.append($0) }
        #expect(fit == NetworkCalibration.fit(g, pairs: 300, pairsPerOrigin: 20, seed: 1))
        #expect(steps.reduce(0, +) == fit.pairs)
        #expect(fit.pairs == 300)
        #expect(steps.allSatisfy { $0 >= 0 && $0 <= 20 })
    }

    @Test(arguments: [0, 1, 5, 63, 64, 65, 1_000, 5_000])
    func radixSortOrdersByHighWord(count: Int) {
        var rng = SplitMix64(seed: UInt64(count) + 1)
        // Distinct keys (a shuffled range, spread over three bytes) with the original position as payload.
        var keys = (0..<UInt64(count)).map { $0 * 2_731 % 16_777_213 }
        for i in stride(from: keys.count - 1, to: 0, by: -1) { keys.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
        var words = keys.enumerated().map { $0.element << 32 | UInt64($0.offset) }
        var scratch: [UInt64] = [7, 7]
        RadixSort.sortByHighWord(&words, scratch: &scratch, maxKey: UInt32(keys.max() ?? 0))
        #expect(words.map { $0 >> 32 } == keys.sorted())
        #expect(words.allSatisfy { keys[Int($0 & 0xFFFF_FFFF)] == $0 >> 32 })
    }
}
