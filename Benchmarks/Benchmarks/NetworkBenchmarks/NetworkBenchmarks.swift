// Road-network benchmarks: multi-source Dijkstra and bounded catchments on the largest REAL extract
// (Andorra, OSM, ../shared/data/roads) and on a SYNTHETIC road-like grid of ~1 M nodes (seeded, labelled).
//
//   cd Benchmarks && swift package benchmark --target NetworkBenchmarks
//   bash Scripts/bench-network-peer.sh      # the same searches against networkx and scipy, same run
import Benchmark
import BenchmarkSupport
import CareKernel
import CareNetwork
import Foundation


/// `count` seeded source nodes (the same sequence as `careaccess network bench --seed 1`).
func sources(_ graph: RoadGraph, _ count: Int) -> [DijkstraSource] {
    var rng = SplitMix64(seed: 1)
    return (0..<count).map { DijkstraSource(node: Int32(rng.next() % UInt64(graph.nodeCount)), minutes: 0, label: Int32($0)) }
}

func register(_ name: String, _ graph: RoadGraph, sites: Int, boundedSites: Int, limit: Double, configuration: Benchmark.Configuration) {
    let multi = sources(graph, sites), bounded = sources(graph, boundedSites)
    let all = NodeTargets(nodeCount: graph.nodeCount, nodes: (0..<Int32(graph.nodeCount)).map { $0 },
                          minutes: [Double](repeating: 0, count: graph.nodeCount))
    Benchmark("Multi-source Dijkstra, \(name), \(sites) sources", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(graph.multiSourceDijkstra(sources: multi)) }
    }
    Benchmark("One-to-all Dijkstra, \(name)", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(graph.shortestPathMinutes(from: Int(multi[0].node))) }
    }
    for threads in [1, 2] {
        Benchmark("Bounded catchments \(limit) min, \(name), \(boundedSites) sources, \(threads) threads", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(graph.boundedOneToMany(sources: bounded, targets: all, limit: limit, threads: threads))
            }
        }
    }
}

let benchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident]
    let quick = Benchmark.Configuration(metrics: metrics, warmupIterations: 1, maxDuration: .seconds(5), maxIterations: 30)
    let slow = Benchmark.Configuration(metrics: metrics, warmupIterations: 1, maxDuration: .seconds(20), maxIterations: 10)
    let andorraPath = SharedData.andorra
    if let andorra = try? RoadGraph.load(path: andorraPath) {
        Benchmark("Load Andorra OSM PBF and build the car graph", configuration: quick) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try RoadGraph.load(path: andorraPath)) }
        }
        register("Andorra (real OSM, \(andorra.nodeCount) nodes)", andorra, sites: 100, boundedSites: 100, limit: 20, configuration: quick)
    } else {
        print("NetworkBenchmarks: \(andorraPath) not found; real-extract benchmarks not registered")
    }
    if let grid = try? RoadGraph.synthetic(side: 1_000) {
        register("synthetic grid (\(grid.nodeCount) nodes)", grid, sites: 100, boundedSites: 20, limit: 10, configuration: slow)
    }
}
