import CareKernel
import CareModel

extension AccessRun {
    /// `access --derive-activity-level`: the APL activity per GP, for GP counts, that reproduces a target mean
    /// APL on the studied communes outside `excluded` (a département whose GPs the supply lacks) and their
    /// reach (``CareModel/APLLevelDerivation``). The spec's indicator must be the APL with no activity given.
    ///
    /// - Parameters:
    ///   - target: the mean APL to reproduce, e.g. 3.74 (DREES 2023); finite and > 0.
    ///   - excluded: départements left out of the mean; `nil`: ``CareModel/StudyDefaults/departementsWithoutGPs`` (Paris, absent
    ///     from the BPE).
    /// - Returns: the derivation as run, its result, the study and the travel model's summary.
    public static func deriveActivityLevel(_ spec: StudySpec, target: Double, excluded: Set<String>?,
                                           progress: any ProgressReporter = SilentProgress(),
                                           loaded: (Study) -> Void = { _ in })
        throws -> (derivation: APLLevelDerivation, result: APLLevelDerivation.Result, study: Study, modelSummary: String)
    {
        guard spec.indicator.method == .apl else { throw StudyError("--derive-activity-level goes with --method apl") }
        guard spec.indicator.activityPerGP == nil else {
            throw StudyError("--derive-activity-level derives the activity per GP: drop --activity-per-gp")
        }
        let derivation = try APLLevelDerivation(target: target, holes: excluded ?? StudyDefaults.departementsWithoutGPs,
                                                threshold: spec.indicatorCatchment,
                                                underServed: spec.underServed ?? StudyDefaults.underServedAPL)
        let (study, model, method) = try prepare(spec, progress: progress, loaded: loaded)
        guard case .apl(let options) = method else { throw StudyError("--derive-activity-level goes with --method apl") }
        let result = try derivation.run(territory: study.territory, communes: study.demand, sites: study.supply.sites,
                                        model: model, options: options)
        return (derivation, result, study, model.summary)
    }
}
