import CareIO
import CareReport
import CareStudy
import CareModel
import Foundation

/// A loaded sweep, ready to evaluate tasks: the plan, the study and travel model built once, the baseline
/// evaluated once per year, the spec hash and the context the merge needs.
///
/// ```swift
/// let engine = try SweepEngine.load(path: "Fixtures/scenarios/creuse-sweep.yaml")
/// let result = try engine.evaluate(engine.plan.task(0))
/// ```
/// Complexity: loading is one study load, one travel model, and one evaluation per year; each task is two
/// scenario applications and one evaluation (coverage + indicator) of the task's supply, plus the placement of
/// a `place` option. Catchments are searched once per site place (``CareModel/CatchmentMemo``): a task
/// searches only the sites it opens.
public struct SweepEngine: Sendable {
    /// The sweep expanded into groups and numbered tasks.
    public var plan: SweepPlan
    /// The sweep file's path as given: errors in its own scenarios and options name it, and the report names data
    /// files relative to its folder.
    public var path: String
    /// The baseline study (territory, studied communes, supply, with supply gaps handled), loaded once for every task.
    public var study: Study
    /// The baseline's travel model, built once and wrapped in a ``CareModel/CatchmentMemo`` shared by the tasks.
    public var model: any TravelTimeModel
    /// What every shard carries for the merge: groups, communes, baselines, spec hash and report lines.
    public var context: SweepContext
    /// One evaluation and baseline side per entry of ``SweepContext/baselines``.
    var evaluations: [ScenarioEvaluation]
    var baselineSides: [ScenarioEvaluation.Side]

    /// Shard format and engine version: shards of another version are refused by the merge.
    public static let formatVersion: UInt32 = 1
    /// The engine's name and version, written in every shard and hashed into the spec hash: the merge refuses
    /// shards of another engine version.
    public static let engineVersion = "careaccess-sweep 1"

    /// Loads the sweep at `path`. `threads`: worker threads of the travel model (the task runner uses 1 per task
    /// when it runs several tasks at once). Checks every group's events on the data before any task runs.
    /// - Throws: ``InputError`` naming the file, line and key, ``ModelError``.
    public static func load(path: String, threads: Int? = nil, progress: any ProgressReporter = SilentProgress()) throws -> SweepEngine {
        let file = try SweepFile.load(path: path)
        let plan = SweepPlan(file: file)
        let loaded = try file.baseline.study()
        var travel = file.baseline.travel
        if let threads { travel.threads = threads }
        let (built, travelNotes) = try travel.make(for: loaded, progress: progress)
        // Tasks ask again and again for the catchments of the same sites: each site's row is searched once.
        let model = CatchmentMemo(model: built)
        let study = try file.baseline.handlingSupplyGaps(loaded, model: model)

        // Baselines: one per year the indicator is evaluated at (APL's reference year follows the horizon).
        var years: [Int?] = []
        var groupBaseline: [Int] = []
        for g in plan.groups {
            let year = evaluationYear(plan: plan, group: g)
            if let k = years.firstIndex(where: { $0 == year }) { groupBaseline.append(k) } else {
                years.append(year)
                groupBaseline.append(years.count - 1)
            }
        }
        var evaluations: [ScenarioEvaluation] = [], sides: [ScenarioEvaluation.Side] = [], baselines: [SweepContext.Baseline] = []
        for year in years {
            let evaluation = try file.baseline.evaluation(horizon: year)
            let side = try evaluation.evaluate(territory: study.territory, communes: study.demand, sites: study.supply.sites, model: model)
            let summary = evaluation.compare(territory: study.territory, communes: study.demand, before: side, after: side).summary
            evaluations.append(evaluation)
            sides.append(side)
            baselines.append(SweepContext.Baseline(
                year: year, figures: ScenarioFigure.allCases.map { $0.before(summary) ?? .nan },
                minutes: side.coverage.rows.map(\.minutes), scores: side.accessibility.rows.map(\.score),
                within: side.coverage.rows.map(\.withinThreshold)))
        }
        let hash = try specHash(file: file, study: study)
        let method = evaluations[0].accessibility.method
        let b = file.baseline
        let noted: [Diagnostic] = study.notes.filter { $0 != study.supplyGap } + travelNotes + sides[0].accessibility.notes
        let notes = noted.map(\.description)
        let context = SweepContext(
            name: file.name, specHash: hash, taskCount: plan.taskCount, seed: file.seed, draws: file.draws, horizons: file.horizons ?? [],
            groups: plan.groups.enumerated().map { k, g in
                SweepContext.Group(scenario: file.scenarios[g.scenario].scenario.name, horizon: g.horizon,
                                   option: file.options[g.option].name, draws: g.draws, firstTask: g.firstTask,
                                   baseline: groupBaseline[k])
            },
            communes: study.demand.map { i in
                let c = study.territory.communes[i]
                return SweepContext.Commune(code: c.code, name: c.name, departement: c.departement, population: c.population)
            },
            baselines: baselines, threshold: b.threshold, catchment: b.indicatorCatchment,
            underServed: evaluations[0].accessibility.underServed, indicator: method.name, unit: method.unit,
            description: ["Baseline: territory \(source(b.territoryPath, study.territorySource, spec: path)), supply \(source(b.supplyPath, study.supplySource, spec: path))"
                          + (b.territoryPath == nil ? "; " : " (from the sweep file's folder); ")
                          + "\(study.demand.count) communes studied; \(b.travel.label); threshold \(b.threshold.compactText) min, \(method.name) catchment \(b.indicatorCatchment.compactText) min"
                          + (evaluations[0].accessibility.underServed.map { ", under-served below \($0.compactText)" } ?? "")]
                + (study.supplyGap.map { ["Data gap: \($0)"] } ?? []),
            notes: notes)
        let engine = SweepEngine(plan: plan, path: path, study: study, model: model, context: context,
                                 evaluations: evaluations, baselineSides: sides)
        try engine.checkEvents()
        return engine
    }

    /// A data file as the report names it: relative to the sweep file's folder, so that shards started from
    /// other working directories (or by absolute path) carry the same context; the embedded fixture by name.
    static func source(_ path: String?, _ label: String, spec: String) -> String {
        guard let path else { return label }
        let from = components(URL(fileURLWithPath: spec).deletingLastPathComponent().path)
        let to = components(URL(fileURLWithPath: path).path)
        var common = 0
        while common < min(from.count, to.count), from[common] == to[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + to[common...]).joined(separator: "/")
    }

    /// The components of an absolute path with `.` and `dir/..` removed (lexically, as the scenario files do).
    static func components(_ absolute: String) -> [String] {
        var out: [String] = []
        for part in absolute.split(separator: "/") where part != "." {
            if part == "..", !out.isEmpty { out.removeLast() } else if part != ".." { out.append(String(part)) }
        }
        return out
    }

    /// The year the indicator of a group is evaluated at: the swept horizon, else the scenario's own `horizon`
    /// (as `careaccess scenario` does).
    static func evaluationYear(plan: SweepPlan, group g: SweepPlan.Group) -> Int? {
        plan.file.horizons?[g.horizonIndex] ?? plan.file.scenarios[g.scenario].scenario.horizon
    }

    /// Applies every group's first draw (events only; a `place` option's sites are chosen when its tasks run),
    /// so that a mistake in the events stops the sweep before any task, not hours into it.
    func checkEvents() throws {
        for g in plan.groups {
            let task = plan.task(g.firstTask)
            let scenario = plan.scenario(for: task)
            _ = try applyScenario(scenario, task: task)
            if case .events(let extra) = plan.file.options[task.option].content, !extra.isEmpty {
                _ = try applyOption(scenario, events: extra)
            }
        }
    }

    func applyScenario(_ scenario: Scenario, task: SweepTask) throws(InputError) -> Scenario.Outcome {
        do {
            return try scenario.apply(to: study.supply.sites, territory: study.territory)
        } catch {
            let file = plan.file.scenarios[task.scenario].file ?? path
            throw InputError(file: file, line: error.line, field: error.key, message: "scenario '\(scenario.name)': \(error.message)")
        }
    }

    /// The scenario's events followed by the option's (lines of the sweep file), applied to the baseline supply.
    func applyOption(_ scenario: Scenario, events: [ScenarioEvent]) throws(InputError) -> Scenario.Outcome {
        let combined = Scenario(name: scenario.name, horizon: scenario.horizon, events: scenario.events + events)
        do {
            return try combined.apply(to: study.supply.sites, territory: study.territory)
        } catch {
            throw InputError(file: path, line: error.line, field: error.key, message: error.message)
        }
    }

    /// Evaluates one task: its scenario (year and retirement seeds of the task), then its option (events, or
    /// k sites placed against the supply the scenario left), against the baseline.
    public func evaluate(_ task: SweepTask) throws -> SweepTaskResult {
        let scenario = plan.scenario(for: task)
        let alone = try applyScenario(scenario, task: task)
        let option = plan.file.options[task.option]
        var placement = ""
        let outcome: Scenario.Outcome
        switch option.content {
        case .events(let extra):
            outcome = extra.isEmpty ? alone : try applyOption(scenario, events: extra)
        case .place(let spec):
            let (events, note) = try ComparePlacement.events(for: spec, study: study, sites: alone.sites, baseline: plan.file.baseline,
                                                              model: model, file: path)
            placement = note.description
            outcome = try applyOption(scenario, events: events)
        }
        let k = context.groups[task.group].baseline
        let evaluation = evaluations[k]
        let after = try evaluation.evaluate(territory: study.territory, communes: study.demand, sites: outcome.sites, model: model)
        let comparison = evaluation.compare(territory: study.territory, communes: study.demand, before: baselineSides[k], after: after)
        let opened = outcome.sites.indices.filter { outcome.kinds[$0] != .practice }
            .map { outcome.sites[$0].communeCode ?? outcome.sites[$0].id }
        return SweepTaskResult(
            task: task.index, seed: task.seed, figures: ScenarioFigure.allCases.map { $0.after(comparison.summary) },
            minutes: comparison.rows.map(\.minutesAfter), scores: comparison.rows.map(\.scoreAfter),
            within: comparison.rows.map(\.withinAfter), opened: opened, placement: placement,
            notes: outcome.assumptions.map(\.description))
    }
}
