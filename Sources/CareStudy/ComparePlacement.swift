import CareIO
import CareModel
import CarePlacement

/// Turns a comparison's `place` option into `open_site` events: the k sites the objective chooses among the
/// studied communes, each with the option's GPs and kind. A sweep places against the supply left by a
/// scenario's events (`sites`); a comparison against the baseline's.
package enum ComparePlacement {
    package static func events(
        for spec: CompareFile.PlaceSpec, study: Study, sites: [SupplySite]? = nil, baseline: ScenarioFile.Baseline,
        model: any TravelTimeModel, file: String, progress: any ProgressReporter = SilentProgress()
    ) throws -> (events: [ScenarioEvent], note: PlacementNote) {
        // Coverage objectives use the coverage threshold; the accessibility objective the indicator's catchment.
        let minutes = spec.objective.usesCatchment ? baseline.indicatorCatchment : baseline.threshold
        // As `careaccess place`: for the accessibility objective every commune of the territory competes for
        // the sites (border communes share border GPs), only the studied ones count.
        let problem = try PlacementProblem(territory: study.territory, studied: study.demand, sites: sites ?? study.supply.sites,
                                           model: model, threshold: minutes, competingDemand: spec.objective.usesCatchment)
        var goal: AccessibilityGoal?
        if spec.objective.usesCatchment {
            let method = try baseline.evaluation(horizon: nil).accessibility.method
            goal = AccessibilityGoal(method: method, underServed: baseline.underServed ?? StudyDefaults.underServedAPL, gpsPerSite: spec.gps)
        }
        let objective = try spec.objective.objective(accessibility: goal)
        let method: PlacementMethod = objective.methods.contains(.exact) ? .exact : .greedy
        let result = try place(problem, objective: objective, k: spec.k, method: method, timeLimit: StudyDefaults.solverTimeLimit, progress: progress)
        let events = result.chosenCandidates.map { c -> ScenarioEvent in
            let cand = problem.candidates[c]
            let location: ScenarioEvent.Location = cand.communeCode.map { .commune($0) }
                ?? .lambert93(x: cand.place.point.x, y: cand.place.point.y)
            return ScenarioEvent(.openSite(.init(id: "placed-\(cand.id)", location: location, kind: spec.kind, fte: spec.gps)),
                                 line: spec.line)
        }
        let sites = result.chosenCandidates.map { c -> PlacementNote.Site in
            problem.candidates[c].communeCode.flatMap { study.territory.index(ofCode: $0) }
                .map { .commune(Diagnostic.Place(name: study.territory.communes[$0].name, code: study.territory.communes[$0].code)) }
                ?? .candidate(problem.candidates[c].id)
        }
        return (events, PlacementNote(sites: sites, objective: objective, method: method, provenOptimal: result.provenOptimal, gap: result.gap))
    }
}
