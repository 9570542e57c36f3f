import CareModel
import CareIO
import CareReport
import CareStudy

/// Everything the merge needs besides the task results, identical in every shard of a sweep: the groups and
/// their labels, the studied communes with their baseline values, and the lines that say which model and data
/// produced the figures. `careaccess sweep merge` reads it from the shards and needs neither the spec nor the data.
public struct SweepContext: Sendable, Hashable {
    public var name: String
    public var specHash: String
    public var taskCount: Int
    public var seed: UInt64
    public var draws: Int
    /// The swept horizon years (empty: each scenario keeps its own).
    public var horizons: [Int]
    public var groups: [Group]
    public var communes: [Commune]
    /// Baseline (before) evaluations, one per year the indicator is evaluated at; groups point into it.
    public var baselines: [Baseline]
    public var threshold: Double
    public var catchment: Double
    public var underServed: Double?
    /// The indicator's short name (`APL`) and unit.
    public var indicator: String
    public var unit: String
    /// "Baseline: …" and travel-model lines for the report.
    public var description: [String]
    /// Notes on the study and the travel model (data gaps, exclusions, what the model could not reach).
    public var notes: [String]

    public struct Group: Sendable, Hashable {
        public var scenario: String
        public var horizon: Int?
        public var option: String
        public var draws: Int
        public var firstTask: Int
        /// Index in ``SweepContext/baselines``.
        public var baseline: Int
    }

    public struct Commune: Sendable, Hashable {
        public var code: String
        public var name: String
        public var departement: String
        public var population: Int
    }

    public struct Baseline: Sendable, Hashable {
        /// The year the indicator was evaluated at (`nil`: the default year).
        public var year: Int?
        /// Baseline value of each figure (NaN where a figure has none), ``ScenarioFigure/allCases`` order.
        public var figures: [Double]
        public var minutes: [Double]
        public var scores: [Double]
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
