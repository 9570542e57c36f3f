import CareModel
import CareIO
import CareReport
import CareStudy

/// Everything the merge needs besides the task results, identical in every shard of a sweep: the groups and
/// their labels, the studied communes with their baseline values, and the lines that say which model and data
/// produced the figures. `careaccess sweep merge` reads it from the shards and needs neither the spec nor the data.
public struct SweepContext: Sendable, Hashable {
    /// The sweep's title (the sweep file's `name:`), shown in the report.
    public var name: String
    /// The spec hash (16 hex digits, ``SweepHash``) of the sweep, its scenario files and data: shards must all carry it.
    public var specHash: String
    /// Number of tasks of the whole sweep (all shards together): the groups tile `0..<taskCount`.
    public var taskCount: Int
    /// The sweep's seed (`seed:`), from which every draw's seed derives.
    public var seed: UInt64
    /// Monte-Carlo draws asked for a scenario with an assumed retirement share (`draws:`; other scenarios run once).
    public var draws: Int
    /// The swept horizon years (empty: each scenario keeps its own).
    public var horizons: [Int]
    /// The (scenario, horizon, option) groups in task order, as ``SweepPlan`` numbers them.
    public var groups: [Group]
    /// The studied communes, in the order of every per-commune array of the baselines and the task results.
    public var communes: [Commune]
    /// Baseline (before) evaluations, one per year the indicator is evaluated at; groups point into it.
    public var baselines: [Baseline]
    /// The coverage threshold, minutes: a commune is within it when its nearest GP is at most this far.
    public var threshold: Double
    /// The indicator's catchment, minutes (the APL's distance limit).
    public var catchment: Double
    /// The indicator value below which a commune counts as under-served, in ``unit``; `nil` when the indicator has
    /// no such mark (the under-served figures are then left out).
    public var underServed: Double?
    /// The indicator's short name (`APL`) and unit.
    public var indicator: String
    /// The indicator's unit as the report writes it: consultations per (standardised) inhabitant per year for the
    /// APL, GPs per 10,000 inhabitants for the other indicators.
    public var unit: String
    /// "Baseline: …" and travel-model lines for the report.
    public var description: [String]
    /// Notes on the study and the travel model (data gaps, exclusions, what the model could not reach).
    public var notes: [String]

    /// One (scenario, horizon, option) of the sweep by name, with its tasks: `firstTask ..< firstTask + draws`.
    public struct Group: Sendable, Hashable {
        /// The scenario's name, as the outputs label the group.
        public var scenario: String
        /// The year of the group's tasks (the swept horizon, else the scenario's own); `nil` when the scenario has none.
        public var horizon: Int?
        /// The option's name (`scenario only` for a sweep without options).
        public var option: String
        /// The group's number of draws (tasks): the sweep's ``SweepContext/draws``, or 1 for a scenario without an
        /// assumed retirement share.
        public var draws: Int
        /// The number of the group's first task; its draws are consecutive tasks.
        public var firstTask: Int
        /// Index in ``SweepContext/baselines``.
        public var baseline: Int
    }

    /// A studied commune as the per-commune output names it.
    public struct Commune: Sendable, Hashable {
        /// The commune's INSEE code (an arrondissement's code for Paris, Lyon and Marseille).
        public var code: String
        /// The commune's official name.
        public var name: String
        /// The code of the commune's département (`07`, `2A`, `974`…).
        public var departement: String
        /// The commune's population, inhabitants.
        public var population: Int
    }

    /// The baseline (before any event) evaluated at one year, per figure and per commune.
    public struct Baseline: Sendable, Hashable {
        /// The year the indicator was evaluated at (`nil`: the default year).
        public var year: Int?
        /// Baseline value of each figure (NaN where a figure has none), ``ScenarioFigure/allCases`` order.
        public var figures: [Double]
        /// Minutes from each studied commune to its nearest GP at baseline (`+infinity` when none is reachable), in
        /// ``SweepContext/communes`` order.
        public var minutes: [Double]
        /// The indicator's value for each studied commune at baseline, in ``SweepContext/unit``.
        public var scores: [Double]
        /// Whether each studied commune is within ``SweepContext/threshold`` minutes of a GP at baseline.
        public var within: [Bool]
    }

    func encode() -> [UInt8] {
        var w = SweepBinaryWriter()
        w.string(name)
        w.string(specHash)
        w.int(taskCount)
        w.u64(seed)
        w.int(draws)
        w.int(horizons.count)
        for h in horizons { w.int(h) }
        w.int(groups.count)
        for g in groups {
            w.string(g.scenario)
            w.optionalInt(g.horizon)
            w.string(g.option)
            w.int(g.draws)
            w.int(g.firstTask)
            w.int(g.baseline)
        }
        w.int(communes.count)
        for c in communes {
            w.string(c.code)
            w.string(c.name)
            w.string(c.departement)
            w.int(c.population)
        }
        w.int(baselines.count)
        for b in baselines {
            w.optionalInt(b.year)
            w.doubles(b.figures)
            w.doubles(b.minutes)
            w.doubles(b.scores)
            w.bools(b.within)
        }
        w.f64(threshold)
        w.f64(catchment)
        w.optionalDouble(underServed)
        w.string(indicator)
        w.string(unit)
        w.strings(description)
        w.strings(notes)
        return w.bytes
    }

    static func decode(_ bytes: [UInt8], file: String) throws(InputError) -> SweepContext {
        var r = SweepBinaryReader(bytes, file: file)
        let name = try r.string(), hash = try r.string(), tasks = try r.int(), seed = try r.u64(), draws = try r.int()
        var horizons: [Int] = []
        for _ in 0..<(try r.count(itemSize: 8)) { horizons.append(try r.int()) }
        var groups: [Group] = []
        for _ in 0..<(try r.count(itemSize: 48)) {
            groups.append(Group(scenario: try r.string(), horizon: try r.optionalInt(), option: try r.string(),
                                draws: try r.int(), firstTask: try r.int(), baseline: try r.int()))
        }
        var communes: [Commune] = []
        for _ in 0..<(try r.count(itemSize: 32)) {
            communes.append(Commune(code: try r.string(), name: try r.string(), departement: try r.string(), population: try r.int()))
        }
        var baselines: [Baseline] = []
        for _ in 0..<(try r.count(itemSize: 41)) {
            baselines.append(Baseline(year: try r.optionalInt(), figures: try r.doubles(), minutes: try r.doubles(),
                                      scores: try r.doubles(), within: try r.bools()))
        }
        let context = SweepContext(
            name: name, specHash: hash, taskCount: tasks, seed: seed, draws: draws, horizons: horizons, groups: groups, communes: communes,
            baselines: baselines, threshold: try r.f64(), catchment: try r.f64(), underServed: try r.optionalDouble(),
            indicator: try r.string(), unit: try r.string(), description: try r.strings(), notes: try r.strings())
        guard r.atEnd else { throw r.damaged("trailing bytes after the sweep context") }
        try context.validate(file: file)
        return context
    }

    /// The context's own consistency: groups tile 0..<taskCount in order, baselines match the communes.
    func validate(file: String) throws(InputError) {
        var next = 0
        for g in groups {
            let (end, overflow) = next.addingReportingOverflow(g.draws)
            guard g.firstTask == next, g.draws >= 1, !overflow, g.baseline >= 0, g.baseline < baselines.count else {
                throw InputError(file: file, message: "damaged shard file: the task groups do not tile the sweep")
            }
            next = end
        }
        guard next == taskCount, !groups.isEmpty else {
            throw InputError(file: file, message: "damaged shard file: groups cover \(next) tasks, the sweep has \(taskCount)")
        }
        for b in baselines where b.minutes.count != communes.count || b.scores.count != communes.count
            || b.within.count != communes.count || b.figures.count != ScenarioFigure.allCases.count {
            throw InputError(file: file, message: "damaged shard file: a baseline does not match the \(communes.count) communes")
        }
    }
}
