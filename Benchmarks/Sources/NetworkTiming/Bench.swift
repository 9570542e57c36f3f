import ArgumentParser
import CareIO
import CareKernel
import CareNetwork
import CareStudy
import Foundation

extension NetworkTiming {
    /// Best of N: multi-source Dijkstra from seeded random nodes, one-to-all from the first, and the bounded
    /// one-to-many searches within a limit, as Scripts/network_peer_bench.py times networkx and scipy.
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time multi-source Dijkstra and bounded catchments (best of N), for Scripts/bench-network-peer.sh.")

        @Argument(help: ArgumentHelp("OSM file, network cache, or synthetic:SIDE (seeded synthetic grid).", valueName: "file"))
        var file: String
        @Option(help: "Number of sources (sites), sampled with the seed.") var sites: Int = 100
        @Option(help: "Catchment limit, minutes.") var limit: Double = 20
        @Option(name: .customLong("repeat"), help: "Repetitions (best is reported).") var repetitions: Int = 5
        @Option(help: "Random seed for the sources.") var seed: UInt64 = 1
        @Option(help: "Threads for the bounded searches.") var threads: Int = 1
        @Option(help: ArgumentHelp("Write the sources (one node per line) here.", valueName: "file")) var sourcesOut: String?

        func validate() throws {
            guard sites >= 1 else { throw ValidationError("--sites must be ≥ 1") }
            guard limit.isFinite, limit >= 0 else { throw ValidationError("--limit must be a finite number of minutes ≥ 0") }
            guard (1...256).contains(threads) else { throw ValidationError("--threads must be 1…256") }
        }

        func run() throws {
            try NetworkTiming.exitOnFailure {
                try OutputPathCheck.refuseOverwrite(outputs: [("--sources-out", sourcesOut)], inputs: [("the network file", file)])
                let graph = try RoadGraph.open(file)
                guard graph.nodeCount > 0 else { throw ValidationError("\(file): the road graph has no node") }
                var rng = SplitMix64(seed: seed)
                let nodes = (0..<sites).map { _ in Int32(rng.next() % UInt64(graph.nodeCount)) }
                if let sourcesOut { try AtomicFile.write(nodes.map(String.init).joined(separator: "\n").appending("\n"), to: sourcesOut) }
                let sources = nodes.enumerated().map { DijkstraSource(node: $0.element, minutes: 0, label: Int32($0.offset)) }
                let clock = ContinuousClock()
                func best(_ body: () -> Int) -> (ms: Double, check: Int) {
                    var b = Double.infinity, check = 0
                    for _ in 0..<max(1, repetitions) {
                        b = min(b, NetworkTiming.milliseconds(clock.measure { check = body() }))
                    }
                    return (b, check)
                }
                let all = NodeTargets(nodeCount: graph.nodeCount, nodes: (0..<Int32(graph.nodeCount)).map { $0 },
                                      minutes: [Double](repeating: 0, count: graph.nodeCount))
                let multi = best { graph.multiSourceDijkstra(sources: sources, direction: .forward).labels.count }
                let bounded = best {
                    graph.boundedOneToMany(sources: sources, targets: all, limit: limit, direction: .forward, threads: threads).pairCount
                }
                let one = best { graph.shortestPathMinutes(from: Int(nodes[0])).count }
                print("graph \(file): \(graph.nodeCount) nodes, \(graph.edgeCount) edges")
                print(String(format: "careaccess multi_source_ms %.3f  (%d sources)", multi.ms, sites))
                print(String(format: "careaccess one_to_all_ms %.3f", one.ms))
                print(String(format: "careaccess bounded_ms %.3f  (%d sources, limit %.1f min, %d threads, %d node pairs)", bounded.ms, sites, limit, threads, bounded.check))
            }
        }
    }
}
