import CareGeo
import CareKernel
import Testing
@testable import CareNetwork

/// ``RoadGraph/_checkInvariants()`` holds on every graph the builders make (synthetic grids, random explicit
/// edges, real OSM extracts) and on a graph read back from its cache. The initialisers run it in debug builds;
/// here its verdict is asked for, so that a broken invariant fails the test with its description.
@Suite("Road graph invariants")
struct RoadGraphInvariantTests {
    static func expectValid(_ graph: RoadGraph, _ label: String) {
        #expect(graph.invariantViolation() == nil, "\(label)")
        graph._checkInvariants()
    }

    @Test func syntheticGridsAndTheirCachesKeepTheirInvariants() throws {
        for (side, seed) in [(1, 1), (2, 3), (5, 7), (17, 11), (40, 2)] as [(Int, UInt64)] {
            let g = try RoadGraph.synthetic(side: side, seed: seed)
            Self.expectValid(g, "synthetic \(side) seed \(seed)")
            Self.expectValid(try RoadGraph.decodeCache(g.cacheBytes(), file: "g.carn"), "cache of synthetic \(side)")
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func randomEdgeListsKeepTheirInvariants(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let n = 1 + Int(rng.next() % 60)
        let points = (0..<n).map { _ in ProjectedPoint(x: 800_000 + rng.unit() * 5_000, y: 6_400_000 + rng.unit() * 5_000) }
        // Parallel edges, self-loops, one-way streets and isolated nodes: the builder drops, merges or keeps them.
        let edges = (0..<(Int(rng.next() % 200))).map { _ in
            RoadEdge(from: Int32(rng.next() % UInt64(n)), to: Int32(rng.next() % UInt64(n)), minutes: rng.unit() * 3, metres: rng.unit() * 2_000)
        }
        for keep in [true, false] {
            Self.expectValid(try RoadGraph(points: points, edges: edges, crs: .lambert93, keepLargestComponent: keep), "seed \(seed), keep \(keep)")
        }
    }

    @Test(.enabled(if: SharedRoads.available, "needs ../shared/data/roads"))
    func realExtractsKeepTheirInvariants() throws {
        for path in [SharedRoads.monaco, SharedRoads.saintBarthelemy] {
            Self.expectValid(try RoadGraph.load(path: path), path)
        }
    }
}
