import CareIO
import CareReport
import CareStudy
import CareModel
import Foundation
import Testing

@testable import CareSweep

/// Sharding never changes the result: the merged outputs of 1, 3 and 7 shards, written in any order, are the
/// same bytes; task seeds depend on the task, not on the shard.
struct SweepMergeTests {
    @Test func mergeIsIndependentOfShardCountAndOrder() throws {
        let f = try SweepFixture()
        defer { f.remove() }
        let engine = try SweepEngine.load(path: f.spec)
        #expect(engine.plan.taskCount == 16)
        var merged: [Int: [String: Data]] = [:]
        for n in [1, 3, 7] {
            let dir = f.folder("n\(n)")
            // Shards finish in reverse order for 3, shuffled for 7.
            var order = Array(0..<n).reversed().map { $0 }
            if n == 7 { order = [3, 6, 0, 5, 1, 4, 2] }
            for k in order { _ = try SweepRunner.runShard(engine, shard: try SweepShard(index: k, count: n), directory: dir) }
            _ = try SweepMerge.run(directory: dir)
            merged[n] = try Dictionary(uniqueKeysWithValues: SweepMerge.outputs.map { ($0, try SweepFixture.bytes(dir + "/" + $0)) })
        }
        for name in SweepMerge.outputs {
            #expect(merged[1]?[name] == merged[3]?[name], "\(name): 1 vs 3 shards")
            #expect(merged[1]?[name] == merged[7]?[name], "\(name): 1 vs 7 shards")
        }
        // The single-process run gives the same files.
        let whole = f.folder("whole")
        _ = try SweepRunner.runAll(engine, directory: whole, jobs: 2)
        for name in SweepMerge.outputs { #expect(try SweepFixture.bytes(whole + "/" + name) == merged[1]?[name], "\(name): runAll") }
        // 16 tasks + header in tasks.csv; 2 scenarios × 2 options × 10 figures in bands.csv.
        let tasks = try String(contentsOfFile: whole + "/tasks.csv", encoding: .utf8)
        #expect(tasks.split(separator: "\n").count == 17)
        let bands = try String(contentsOfFile: whole + "/bands.csv", encoding: .utf8)
        #expect(bands.split(separator: "\n").count == 1 + 4 * ScenarioFigure.allCases.count)
    }

    @Test func taskSeedsDependOnTheTaskNotTheShard() throws {
        let f = try SweepFixture()
        defer { f.remove() }
        let engine = try SweepEngine.load(path: f.spec)
        var seen: [Int: [UInt64]] = [:]
        var records: [Int: [Int: SweepTaskResult]] = [:]
        for n in [1, 3, 7] {
            let dir = f.folder("n\(n)")
            for k in 0..<n { _ = try SweepRunner.runShard(engine, shard: try SweepShard(index: k, count: n), directory: dir) }
            let set = try SweepShardSet.open(directory: dir)
            var byTask: [Int: SweepTaskResult] = [:]
            for t in 0..<engine.plan.taskCount { byTask[t] = try set.result(t) }
            seen[n] = (0..<engine.plan.taskCount).compactMap { byTask[$0]?.seed }
            records[n] = byTask
        }
        #expect(seen[1] == seen[3] && seen[1] == seen[7])
        #expect(records[1] == records[3] && records[1] == records[7])
        // Each shard holds exactly tasks k, k+n, …
        let plan = engine.plan
        for n in [1, 3, 7] {
            let all = (0..<n).flatMap { Array(plan.tasks(shard: $0, of: n)) }.sorted()
            #expect(all == Array(0..<plan.taskCount))
        }
        // Seeds: one per draw, the same for every scenario and option of that draw, different between draws.
        let tasks = (0..<plan.taskCount).map(plan.task)
        let random = tasks.filter { $0.scenario == 0 }
        #expect(Set(random.map(\.seed)).count == 7)
        for t in random { #expect(t.seed == DrawSeeds.drawSeed(sweepSeed: 11, draw: t.draw)) }
        for t in random where t.option == 1 {
            #expect(t.seed == random.first { $0.option == 0 && $0.draw == t.draw }?.seed)
        }
        // The retirements differ between draws, and the deterministic scenario is run once per option.
        let gps = random.filter { $0.option == 0 }.compactMap { records[1]?[$0.index]?.figures[0] }
        #expect(Set(gps).count > 1)
        #expect(plan.groups.filter { $0.scenario == 1 }.map(\.draws) == [1, 1])
    }

    @Test func shardFilesDoNotDependOnJobsOrThreads() throws {
        let f = try SweepFixture()
        defer { f.remove() }
        let one = try SweepEngine.load(path: f.spec, threads: 1)
        let two = try SweepEngine.load(path: f.spec, threads: 2)
        let shard = try SweepShard(index: 1, count: 2)
        let a = try SweepRunner.runShard(one, shard: shard, directory: f.folder("a"), jobs: 1)
        let b = try SweepRunner.runShard(two, shard: shard, directory: f.folder("b"), jobs: 1)
        let c = try SweepRunner.runShard(one, shard: shard, directory: f.folder("c"), jobs: 3)
        #expect(try SweepFixture.bytes(a) == SweepFixture.bytes(b))
        #expect(try SweepFixture.bytes(a) == SweepFixture.bytes(c))
        #expect(try FileManager.default.contentsOfDirectory(atPath: f.folder("c")) == [shard.fileName])  // no temporary left
    }

    @Test func shardsLoadedByAnotherPathToTheSameSpecMerge() throws {
        let f = try SweepFixture()
        defer { f.remove() }
        let folder = (f.directory as NSString).lastPathComponent
        let other = try SweepEngine.load(path: f.directory + "/../" + folder + "/./sweep.yaml")
        let engine = try SweepEngine.load(path: f.spec)
        #expect(other.context.description == engine.context.description)
        #expect(other.context.specHash == engine.context.specHash)
        _ = try SweepRunner.runShard(engine, shard: try SweepShard(index: 0, count: 2), directory: f.folder("set"))
        _ = try SweepRunner.runShard(other, shard: try SweepShard(index: 1, count: 2), directory: f.folder("set"))
        let merged = try SweepMerge.run(directory: f.folder("set"))
        #expect(merged.report.contains("Baseline: territory ../"))
    }

    @Test func oneDrawEqualsTheScenarioCommandWithTheDrawsSeed() throws {
        // The Creuse example scenario as a one-draw sweep: the task is `careaccess scenario` with the draw's seed.
        let f = try SweepFixture(yaml: """
            scenarios:
              - file: \(SweepFixture.fixtures)/scenarios/creuse-medecins-solidaires.yaml
            seed: 4
            """)
        defer { f.remove() }
        let engine = try SweepEngine.load(path: f.spec)
        let task = engine.plan.task(0)
        let result = try engine.evaluate(task)
        var file = try ScenarioFile.load(path: SweepFixture.fixtures + "/scenarios/creuse-medecins-solidaires.yaml")
        file.scenario.events = file.scenario.events.map { e in
            guard case .retire(var r) = e.action else { return e }
            r.seed = DrawSeeds.eventSeed(drawSeed: DrawSeeds.drawSeed(sweepSeed: 4, draw: 0), fileSeed: 2030)
            var e = e
            e.action = .retire(r)
            return e
        }
        let run = try ScenarioRun.run(file: file, study: engine.study, path: "x", model: engine.model)
        #expect(result.minutes == run.comparison.rows.map(\.minutesAfter))
        #expect(result.scores == run.comparison.rows.map(\.scoreAfter))
        #expect(result.figures[ScenarioFigure.allCases.firstIndex(of: .populationBelow) ?? 0] == Double(run.comparison.summary.populationBelowAfter))
        #expect(result.opened == ["23002"])
    }
}
