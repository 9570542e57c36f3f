import CareModel

/// `careaccess coverage` as a function of its spec: loads the study, builds the travel model, leaves out the
/// communes a supply gap distorts (unless the spec accepts them) and measures who is within the threshold
/// (``CareModel/CoverageAnalysis``: nearest GP by the model's minutes, inclusive).
///
/// ```swift
/// var spec = StudySpec()
/// spec.threshold = 20
/// let run = try CoverageRun.run(spec)
/// run.result.summary.populationBeyond
/// ```
public struct CoverageRun: Sendable {
    /// The study as run: its notes include the travel model's.
    public var study: Study
    /// Minutes to the nearest GP for each studied commune and who lies within or beyond ``StudySpec/threshold``.
    public var result: CoverageResult

    /// Runs `spec`. `loaded` is called once the data are loaded, before the travel model is built (the
    /// command line prints the import repairs there); `progress` is told of long searches.
    public static func run(_ spec: StudySpec, progress: any ProgressReporter = SilentProgress(),
                           loaded: (Study) -> Void = { _ in }) throws -> CoverageRun {
        let analysis = try CoverageAnalysis(threshold: spec.threshold)
        var study = try spec.study()
        let (model, travelNotes) = try spec.model(for: study, progress: progress)
        study.notes += travelNotes
        loaded(study)
        // Supply gaps: their communes and those whose nearest GP could lie in them are no data unless accepted.
        study = try study.handlingSupplyGaps(model: model, indicator: nil, coverage: true, accepted: spec.acceptSupplyGaps)
        let result = try analysis.run(territory: study.territory, communes: study.demand, sites: study.supply.sites, model: model)
        return CoverageRun(study: study, result: result)
    }
}
