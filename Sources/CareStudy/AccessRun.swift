import CareModel

/// `careaccess access` as a function of its spec: loads the study, builds the travel model and the indicator
/// (``IndicatorSpec/accessibilityMethod(territory:)``), leaves out the communes a supply gap distorts (unless the
/// spec accepts them) and scores every studied commune (``CareModel/AccessibilityAnalysis``).
///
/// ```swift
/// var spec = StudySpec()
/// spec.indicator = IndicatorSpec(method: .apl)
/// let run = try AccessRun.run(spec)
/// run.result.summary.populationBelow
/// ```
public struct AccessRun: Sendable {
    /// The study as run: its notes include the travel model's; ``Study/supplyGap`` names the gap handled.
    public var study: Study
    /// Each studied commune's score and the population summary (below the under-served mark, zones when one is set).
    public var result: AccessibilityResult
    /// The model's travel times, for what the caller derives from the same run (zones, reports).
    public var model: any TravelTimeModel
    /// The indicator as built from the spec.
    public var method: AccessibilityMethod

    /// The loaded data, travel model and indicator of `spec`, before any gap is handled or score computed (the
    /// APL activity-level derivation starts from there). `loaded` is called once the data are loaded.
    public static func prepare(_ spec: StudySpec, progress: any ProgressReporter = SilentProgress(),
                               loaded: (Study) -> Void = { _ in })
        throws -> (study: Study, model: any TravelTimeModel, method: AccessibilityMethod)
    {
        try spec.indicator.validate()   // a bad indicator is refused before the data are loaded
        var study = try spec.study()
        let (model, travelNotes) = try spec.model(for: study, progress: progress)
        study.notes += travelNotes
        loaded(study)
        let method = try spec.indicator.accessibilityMethod(territory: study.territory)
        return (study, model, method)
    }

    /// Runs `spec` (see ``prepare(_:progress:loaded:)``).
    public static func run(_ spec: StudySpec, progress: any ProgressReporter = SilentProgress(),
                           loaded: (Study) -> Void = { _ in }) throws -> AccessRun {
        let (study, model, method) = try prepare(spec, progress: progress, loaded: loaded)
        return try run(spec, study: study, model: model, method: method)
    }

    /// Scores a prepared study.
    public static func run(_ spec: StudySpec, study loaded: Study, model: any TravelTimeModel,
                           method: AccessibilityMethod) throws -> AccessRun {
        let analysis = try AccessibilityAnalysis(threshold: spec.indicatorCatchment, method: method,
                                                 underServed: spec.underServed ?? spec.indicator.defaultUnderServed)
        // Supply gaps: their communes and those whose catchment reaches them get no score unless accepted.
        let (study, _) = try loaded.handlingSupplyGaps(model: model, catchment: spec.indicatorCatchment, method: method,
                                                       accepted: spec.acceptSupplyGaps)
        let result = try analysis.run(territory: study.territory, communes: study.demand, sites: study.supply.sites, model: model)
        return AccessRun(study: study, result: result, model: model, method: method)
    }
}
