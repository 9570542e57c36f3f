import CareIO
import CareReport
import CareStudy
import CareModel

/// A sweep expanded into numbered tasks: groups of (scenario, horizon, option), each with its draws, numbered
/// scenario by scenario, then horizon, then option, then draw (the draws of a group are consecutive).
///
/// ```swift
/// let plan = SweepPlan(file: try SweepFile.load(path: "sweep.yaml"))
/// let t = plan.task(12)                       // scenario, horizon, option, draw and seed of task 12
/// let mine = plan.tasks(shard: 2, of: 7)      // 2, 9, 16, …
/// ```
/// Complexity: O(groups) to build, O(log groups) per ``task(_:)``.
public struct SweepPlan: Sendable {
    /// The sweep file the plan expands.
    public var file: SweepFile
    /// The groups in task order: scenario by scenario, then horizon, then option.
    public private(set) var groups: [Group]
    /// Number of tasks: the sum of the groups' draws.
    public var taskCount: Int

    /// One (scenario, horizon, option): its draws are tasks `firstTask ..< firstTask + draws`.
    public struct Group: Sendable, Hashable {
        /// Index in ``SweepFile/scenarios``.
        public var scenario: Int
        /// Index in ``SweepFile/horizons`` (0 when every scenario keeps its own year).
        public var horizonIndex: Int
        /// The year of the group's tasks (`nil`: the scenario has none).
        public var horizon: Int?
        /// Index in ``SweepFile/options``.
        public var option: Int
        /// The group's draws: ``SweepFile/draws`` for a scenario with an assumed retirement share, else 1.
        public var draws: Int
        /// The number of the group's first task.
        public var firstTask: Int
    }

    /// Expands `file` into groups and numbered tasks. Complexity: O(scenarios × horizons × options).
    public init(file: SweepFile) {
        self.file = file
        var groups: [Group] = []
        var next = 0
        for s in file.scenarios.indices {
            let draws = file.draws(ofScenario: s)
            for h in 0..<file.horizonCount {
                let year = file.horizons?[h] ?? SweepPlan.ownYear(file.scenarios[s].scenario)
                for o in file.options.indices {
                    groups.append(Group(scenario: s, horizonIndex: h, horizon: year, option: o, draws: draws, firstTask: next))
                    next += draws
                }
            }
        }
        self.groups = groups
        taskCount = next
    }

    /// The year a scenario describes when the sweep does not replace it: its last `horizon` event, else its horizon.
    static func ownYear(_ scenario: Scenario) -> Int? {
        var year = scenario.horizon
        for e in scenario.events { if case .horizon(let y) = e.action { year = y } }
        return year
    }

    /// Task `index` (0 ..< ``taskCount``).
    public func task(_ index: Int) -> SweepTask {
        precondition(index >= 0 && index < taskCount, "task \(index) is outside 0..<\(taskCount)")
        var lo = 0, hi = groups.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if groups[mid].firstTask <= index { lo = mid } else { hi = mid - 1 }
        }
        let g = groups[lo]
        let draw = index - g.firstTask
        return SweepTask(index: index, group: lo, scenario: g.scenario, horizonIndex: g.horizonIndex, horizon: g.horizon,
                         option: g.option, draw: draw, seed: DrawSeeds.drawSeed(sweepSeed: file.seed, draw: draw))
    }

    /// The tasks of shard `k` of `n` (0-based): `k, k + n, k + 2n, …`. Striding spreads expensive groups
    /// (placement options) over every shard; the set depends only on the task numbers.
    public func tasks(shard k: Int, of n: Int) -> StrideTo<Int> {
        stride(from: k, to: taskCount, by: n)
    }

    /// Number of tasks in shard `k` of `n`.
    public func taskCount(shard k: Int, of n: Int) -> Int {
        k < taskCount ? (taskCount - k + n - 1) / n : 0
    }

    /// The scenario a task applies (its year and retirement seeds set for the task).
    public func scenario(for task: SweepTask) -> Scenario {
        let entry = file.scenarios[task.scenario].scenario
        return DrawSeeds.scenario(entry, horizon: file.horizons?[task.horizonIndex], drawSeed: task.seed)
    }
}

/// One numbered task of a sweep: a scenario at a horizon, with an option, for one draw.
public struct SweepTask: Sendable, Hashable {
    /// The task's number, in `0 ..< taskCount`.
    public var index: Int
    /// Index of the task's group in ``SweepPlan/groups`` (and ``SweepContext/groups``).
    public var group: Int
    /// Index in ``SweepFile/scenarios``.
    public var scenario: Int
    /// Index in ``SweepFile/horizons`` (0 when every scenario keeps its own year).
    public var horizonIndex: Int
    /// The year of the task (`nil`: the scenario has none).
    public var horizon: Int?
    /// Index in ``SweepFile/options``.
    public var option: Int
    /// The task's draw within its group, from 0.
    public var draw: Int
    /// The draw's seed (``DrawSeeds/drawSeed(sweepSeed:draw:)``).
    public var seed: UInt64
}

/// A shard `K/N` as given on the command line: 0 ≤ K < N.
public struct SweepShard: Sendable, Hashable, CustomStringConvertible {
    /// K: the shard's number, from 0 (a Slurm array task's `SLURM_ARRAY_TASK_ID` in
    /// `Scripts/slurm/sweep-array.sbatch`); it runs tasks K, K + N, K + 2N… (``SweepPlan/tasks(shard:of:)``).
    public var index: Int
    /// N: the number of shards the sweep is split into, 1 … ``maximumCount``.
    public var count: Int

    /// The most shards a sweep may be split into.
    public static let maximumCount = 1_000_000

    /// Shard `index` of `count`; throws an ``InputError`` on `--shard` when `count` is outside 1…``maximumCount`` or
    /// `index` outside `0 ..< count`.
    public init(index: Int, count: Int) throws(InputError) {
        guard count >= 1, count <= Self.maximumCount else {
            throw InputError(file: "--shard", message: "\(count) shards: expected 1…\(Self.maximumCount)")
        }
        guard index >= 0, index < count else {
            throw InputError(file: "--shard", message: "shard \(index) of \(count): K must be in 0…\(count - 1) (shards are numbered from 0)")
        }
        self.index = index
        self.count = count
    }

    /// Parses `K/N`.
    public init(parsing text: String) throws(InputError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else {
            throw InputError(file: "--shard", message: "'\(text)' is not K/N (e.g. 3/8: the fourth of eight shards, numbered from 0)")
        }
        try self.init(index: k, count: n)
    }

    /// `K/N`, as `--shard` takes it.
    public var description: String { "\(index)/\(count)" }

    /// The shard's file name in an output folder: `shard-000003-of-000008.casweep`.
    public var fileName: String { "shard-\(Self.padded(index))-of-\(Self.padded(count)).casweep" }

    static func padded(_ v: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, 6 - s.count)) + s
    }
}
