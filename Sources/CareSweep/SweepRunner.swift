import CareIO
import CareReport
import CareStudy
import CareModel
import Foundation

/// Runs the tasks of one shard and writes its shard file, or runs a whole sweep in one process and merges it.
///
/// ```swift
/// let engine = try SweepEngine.load(path: "sweep.yaml")
/// let file = try SweepRunner.runShard(engine, shard: try SweepShard(index: 2, count: 7), directory: "out")
/// let merged = try SweepRunner.runAll(engine, directory: "out")   // shard 0/1, then the merge
/// ```
/// Tasks run `jobs` at a time (each on one thread of its own); results are written in task order, so the
/// shard file does not depend on `jobs`. Complexity: the shard's tasks, plus O(records) to write them.
public enum SweepRunner {
    /// Runs shard `shard` of `engine`'s sweep and publishes `directory/shard-K-of-N.casweep`; returns its path.
    public static func runShard(
        _ engine: SweepEngine, shard: SweepShard, directory: String, jobs: Int = 1,
        progress: any ProgressReporter = SilentProgress()
    ) throws -> String {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw OutputError(file: directory, message: "cannot create folder: \(FileInput.reason(error))")
        }
        let writer = try SweepShardWriter(directory: directory, shard: shard, context: engine.context)
        let tasks = Array(engine.plan.tasks(shard: shard.index, of: shard.count))
        progress.begin(total: tasks.count, label: "sweep tasks")
        defer { progress.end() }
        let batch = max(1, jobs) * 4
        var start = 0
        do {
            while start < tasks.count {
                let slice = Array(tasks[start..<min(tasks.count, start + batch)])
                for result in try evaluate(engine, tasks: slice, jobs: jobs, progress: progress) { try writer.append(result) }
                start += slice.count
            }
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
        return writer.stream.path
    }

    /// Evaluates `tasks` with up to `jobs` at once; results in the order of `tasks`. The first failing task
    /// (lowest position) decides the error, whatever the timing.
    static func evaluate(_ engine: SweepEngine, tasks: [Int], jobs: Int, progress: any ProgressReporter) throws -> [SweepTaskResult] {
        if jobs <= 1 || tasks.count == 1 {
            return try tasks.map { t in
                defer { progress.advance(by: 1) }
                return try evaluate(engine, task: t)
            }
        }
        let slots = ResultSlots<SweepTaskResult>(count: tasks.count, what: "sweep task")
        DispatchQueue.concurrentPerform(iterations: min(jobs, tasks.count)) { worker in
            var k = worker
            while k < tasks.count {
                slots.set(k, Result { try evaluate(engine, task: tasks[k]) })
                progress.advance(by: 1)
                k += jobs
            }
        }
        return try slots.values().map { try $0.get() }
    }

    /// One task; an error in its events (a draw can make `remove_gps` impossible) says which task and draw.
    static func evaluate(_ engine: SweepEngine, task t: Int) throws -> SweepTaskResult {
        let task = engine.plan.task(t)
        do {
            return try engine.evaluate(task)
        } catch var e as InputError {
            e.message = "task \(t) (\(engine.context.groups[task.group].scenario), draw \(task.draw)): " + e.message
            throw e
        }
    }

    /// Runs every task in this process as shard 0 of 1 into `directory`, then merges: the same outputs, byte
    /// for byte, as any sharded run merged. A folder holding shards of another run is refused.
    public static func runAll(
        _ engine: SweepEngine, directory: String, jobs: Int = 1, progress: any ProgressReporter = SilentProgress()
    ) throws -> SweepMerge.Merged {
        let mine = try SweepShard(index: 0, count: 1).fileName
        let others = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".casweep") && !$0.hasPrefix(".") && $0 != mine }.sorted()
        if let first = others.first {
            throw OutputError(file: directory, message: "holds shards of another run (\(first)\(others.count > 1 ? ", … \(others.count) files" : "")): use an empty folder, or `careaccess sweep merge` for a sharded run")
        }
        _ = try runShard(engine, shard: try SweepShard(index: 0, count: 1), directory: directory, jobs: jobs, progress: progress)
        return try SweepMerge.run(directory: directory)
    }
}
