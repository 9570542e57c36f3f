import ArgumentParser
import CareIO
import CareReport
import CareStudy
import CareSweep
import Foundation

/// `careaccess sweep SPEC.yaml [--shard K/N] --out DIR` and `careaccess sweep merge DIR`.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a product of scenarios × horizons × draws × options as numbered tasks, whole or one shard at a time, and merge the shards.",
        discussion: """
            Without --shard, every task runs here and the results are merged into DIR (tasks.csv, bands.csv, \
            communes.csv, report.txt). With --shard K/N (K from 0), only tasks K, K+N, K+2N… run and \
            DIR/shard-K-of-N.casweep is written; `careaccess sweep merge DIR` then gives the same files, byte \
            for byte. Format and example: Fixtures/scenarios/README.md, Fixtures/scenarios/creuse-sweep.yaml.
            """,
        subcommands: [SweepRunCommand.self, SweepMergeCommand.self],
        defaultSubcommand: SweepRunCommand.self
    )
}

struct SweepRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run a sweep, or one shard of it (the default: `careaccess sweep SPEC.yaml`).")

    @Argument(help: ArgumentHelp("Sweep file (YAML or JSON).", valueName: "spec"))
    var spec: String

    @Option(help: ArgumentHelp("Output folder: shard files, and the merged outputs of a whole run.", valueName: "dir"))
    var out: String

    @Option(help: ArgumentHelp("Run shard K of N only (0 ≤ K < N), e.g. --shard \"$SLURM_ARRAY_TASK_ID/$N\".", valueName: "K/N"))
    var shard: String?

    @Option(help: "Tasks run at once in this process, one thread each (default: all cores).")
    var jobs: Int?

    @Flag(help: "Print the number of tasks and the shard's task numbers, run nothing.")
    var dryRun = false

    @OptionGroup var quiet: QuietOptions

    func run() throws {
        try CLIErrors.exitOnFailure {
            let cores = ProcessInfo.processInfo.activeProcessorCount
            if let jobs, !(1...4096).contains(jobs) { throw InputError(file: "--jobs", message: "\(jobs) is not in 1…4096") }
            let parsed = try shard.map { (s) throws(InputError) in try SweepShard(parsing: s) }
            let jobs = self.jobs ?? cores
            // One thread per task when several run at once; all of them for the travel model otherwise.
            let engine = try SweepEngine.load(path: spec, threads: jobs > 1 ? 1 : nil, progress: quiet.progress)
            Diagnostics.printImportNotes(engine.study)
            let plan = engine.plan
            if dryRun {
                let (k, n) = (parsed?.index ?? 0, parsed?.count ?? 1)
                print("\(plan.taskCount) tasks in \(plan.groups.count) groups; spec hash \(engine.context.specHash)")
                print("shard \(k)/\(n): \(plan.taskCount(shard: k, of: n)) tasks (\(k), \(k + n), \(k + 2 * n), …)")
                return
            }
            if let parsed {
                let path = try SweepRunner.runShard(engine, shard: parsed, directory: out, jobs: jobs, progress: quiet.progress)
                print("Shard \(parsed): \(plan.taskCount(shard: parsed.index, of: parsed.count)) of \(plan.taskCount) tasks → \(path)")
            } else {
                let merged = try SweepRunner.runAll(engine, directory: out, jobs: jobs, progress: quiet.progress)
                print(merged.report)
                print("Written: " + SweepMerge.outputs.map { "\(out)/\($0)" }.joined(separator: ", "))
            }
        }
    }
}

struct SweepMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Check the shard files in DIR (all N present, none twice, same spec and version) and write the merged outputs.")

    @Argument(help: ArgumentHelp("Folder holding shard-K-of-N.casweep files.", valueName: "dir"))
    var directory: String

    @Option(help: ArgumentHelp("Write the merged outputs here instead of DIR.", valueName: "dir"))
    var out: String?

    func run() throws {
        try CLIErrors.exitOnFailure {
            let merged = try SweepMerge.run(directory: directory, output: out)
            print(merged.report)
            print("Merged \(merged.shardCount) shard\(merged.shardCount > 1 ? "s" : ""), \(merged.taskCount) tasks. Written: "
                  + SweepMerge.outputs.map { "\(merged.directory)/\($0)" }.joined(separator: ", "))
        }
    }
}
