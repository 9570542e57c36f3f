import CareIO
import CareModel
import Foundation

/// Loads a scenario file, applies its events to the baseline supply and evaluates before/after.
public struct ScenarioRun: Sendable {
    /// The scenario file that was run, with the thread count actually used.
    public var file: ScenarioFile
    /// The baseline study the events were applied to (supply gaps already handled).
    public var study: Study
    /// The supply after the events, the log of each event and the assumptions made.
    public var outcome: Scenario.Outcome
    /// Before/after figures per commune and their summary, under the baseline's travel model and indicator.
    public var comparison: ScenarioComparison
    /// What the travel model could not reach (communes far from the roads, unreachable matrix pairs…).
    public var travelNotes: [Diagnostic] = []

    /// `progress` is told of the road-network catchment searches, when the baseline uses a road network.
    public static func run(path: String, progress: any ProgressReporter = SilentProgress()) throws -> ScenarioRun {
        try run(file: ScenarioFile.load(path: path), path: path, progress: progress)
    }

    /// Runs an already read scenario `file` (read from `path`): loads its baseline study and travel model
    /// (with `threads` worker threads when given), then applies and evaluates the scenario.
    public static func run(file: ScenarioFile, path: String, threads: Int? = nil,
                           progress: any ProgressReporter = SilentProgress()) throws -> ScenarioRun {
        var file = file
        if let threads { file.baseline.travel.threads = threads }
        let loaded = try file.baseline.study()
        let (model, notes) = try file.baseline.model(for: loaded, progress: progress)
        let study = try file.baseline.handlingSupplyGaps(loaded, model: model)
        return try run(file: file, study: study, path: path, model: model, travelNotes: notes)
    }

    /// Applies `file`'s scenario to an already loaded study and travel model (`compare` shares both across
    /// its options).
    public static func run(file: ScenarioFile, study: Study, path: String, model: any TravelTimeModel,
                           travelNotes: [Diagnostic] = []) throws -> ScenarioRun {
        let outcome: Scenario.Outcome
        do {
            outcome = try file.scenario.apply(to: study.supply.sites, territory: study.territory)
        } catch {
            throw InputError(file: path, line: error.line, field: error.key, message: error.message)
        }
        let comparison = try file.baseline.evaluation(horizon: file.scenario.horizon).run(
            territory: study.territory, communes: study.demand, before: study.supply.sites, after: outcome.sites,
            model: model)
        return ScenarioRun(file: file, study: study, outcome: outcome, comparison: comparison, travelNotes: travelNotes)
    }
}
