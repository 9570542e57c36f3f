import CareIO
import CareModel
import Foundation

/// Evaluates every option of a ``CompareFile`` against the same baseline and ranks them.
public struct CompareRun: Sendable {
    /// The comparison file as parsed.
    public var file: CompareFile
    /// The baseline study, with the supply gaps handled, that every option starts from.
    public var study: Study
    /// One result per option, in file order (``ranking`` gives the order of merit).
    public var results: [Result]
    /// Option indices, best first.
    public var ranking: [Int]

    /// What one option did to the baseline.
    public struct Result: Sendable {
        /// The option as the file states it.
        public var option: CompareFile.Option
        /// The option run as a scenario on the baseline: its outcome and the before/after comparison.
        public var run: ScenarioRun
        /// For placement options: how the sites were chosen (objective, method, optimality).
        public var placementNote: PlacementNote?
        /// What the option buys for its cost, when the file gives one.
        public var benefit: CostBenefit? = nil
    }

    /// Whether any option has a cost: the table, CSV and report then show the cost–benefit columns.
    public var hasCosts: Bool { results.contains { $0.benefit != nil } }

    /// `progress` is told of the road-network catchment searches (baseline on a road network) and of the
    /// greedy picks of placement options.
    public static func run(path: String, progress: any ProgressReporter = SilentProgress()) throws -> CompareRun {
        let file = try CompareFile.load(path: path)
        let loaded = try file.baseline.study()
        let (model, travelNotes) = try file.baseline.model(for: loaded, progress: progress)
        let study = try file.baseline.handlingSupplyGaps(loaded, model: model)
        var results: [Result] = []
        for option in file.options {
            var events: [ScenarioEvent]
            var note: PlacementNote?
            switch option.content {
            case .events(let e):
                events = e
            case .place(let spec):
                (events, note) = try ComparePlacement.events(for: spec, study: study, baseline: file.baseline, model: model, file: path,
                                                              progress: progress)
            }
            let scenarioFile = ScenarioFile(scenario: Scenario(name: option.name, horizon: nil, events: events), baseline: file.baseline)
            let run = try ScenarioRun.run(file: scenarioFile, study: study, path: path, model: model, travelNotes: travelNotes)
            results.append(Result(option: option, run: run, placementNote: note,
                                  benefit: option.cost.map { CostBenefit(cost: $0, comparison: run.comparison, territory: study.territory) }))
        }
        let key = { (r: Result) -> Double in
            let s = r.run.comparison.summary
            switch file.rankBy {
            case .populationBelow: return Double(s.populationBelowChange)
            case .newlyCovered: return -Double(s.newlyCoveredPopulation - s.newlyUncoveredPopulation)
            case .meanMinutes: return s.meanMinutesAfter
            case .meanScore: return -s.meanScoreAfter
            // A free option (no per-100 k€ figure) ranks first when it gains, last when it does not.
            case .newlyCoveredPer100k: return Self.perEuroKey(r.benefit?.newlyCoveredPer100k, gain: Double(r.benefit?.newlyCovered ?? 0))
            case .scoreGainPer100k: return Self.perEuroKey(r.benefit?.scoreGainPer100k, gain: r.benefit?.scoreGain ?? 0)
            }
        }
        let ranking = results.indices.sorted { (key(results[$0]), $0) < (key(results[$1]), $1) }
        return CompareRun(file: file, study: study, results: results, ranking: ranking)
    }

    /// The ranking key of a per-100 k€ figure (smaller first).
    static func perEuroKey(_ per100k: Double?, gain: Double) -> Double {
        if let per100k { return -per100k }
        return gain > 0 ? -.infinity : .infinity
    }
}
