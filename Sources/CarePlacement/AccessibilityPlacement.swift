import CareModel

/// Greedy placement for a floating-catchment target: open `k` sites of ``AccessibilityGoal/gpsPerSite`` GPs
/// each, maximising the counted population whose indicator reaches ``AccessibilityGoal/underServed``
/// (e.g. APL ≥ 2.5 consultations per inhabitant per year).
///
/// For the two-step family (2SFCA, E2SFCA, G2SFCA, APL), a new site j does not change the other sites' ratios:
/// it adds `w(t_ij) · R_j` to the score of each demand point in its catchment, with
/// `R_j = S_j / Σ_i w(t_ij) P_i`. So a candidate's gain is computed from its catchment only, and after each
/// pick only the candidates sharing demand with it are re-evaluated. Ties and zero gains are broken by the
/// progress toward the mark, Σ P_i · min(Δ_i, mark − A_i) over points still below it.
///
/// This is a heuristic: the lifted population is not submodular (a site can bring a point close to the mark
/// and make another site's gain larger), so greedy has no approximation guarantee and no bound is reported.
/// 3SFCA is not supported (its selection weights make every site's ratio depend on the others).
///
/// ```swift
/// let goal = AccessibilityGoal(method: .apl(APLOptions(referenceYear: 2026)), underServed: 2.5, gpsPerSite: 2)
/// let r = try place(problem, objective: .accessibility(goal), k: 3, method: .greedy)
/// ```
/// With a `budget` (euros, every candidate costed), the sites are chosen by lifted population per euro (then
/// progress per euro) among those that still fit, as Khuller, Moss & Naor (1999) do for budgeted coverage,
/// until none fits or helps; without submodularity this carries no guarantee either.
///
/// Complexity: O(p) for the first gains (p candidate–demand pairs), then per pick the pairs of the
/// affected candidates.
enum AccessibilityPlacement {
    static func solve(_ problem: PlacementProblem, goal: AccessibilityGoal, k: Int, budget: Double? = nil,
                      progress: any ProgressReporter = SilentProgress()) throws -> PlacementResult {
        let k = budget == nil ? k : problem.candidates.count
        let costs = try budget.map { _ in try BudgetedCovering.costs(of: problem.candidates) }
        try PlacementSupport.validate(k: k, candidates: problem.candidates.count)
        guard goal.gpsPerSite.isFinite, goal.gpsPerSite > 0 else {
            throw PlacementError.invalidParameter(name: "GPs per site", value: "\(goal.gpsPerSite)", reason: "must be > 0")
        }
        guard goal.underServed.isFinite, goal.underServed >= 0 else {
            throw PlacementError.invalidParameter(name: "under-served mark", value: "\(goal.underServed)", reason: "must be ≥ 0")
        }
        let clock = Stopwatch()
        let weighting = try Weighting(problem, goal: goal)
        var notes: [PlacementResult.Note] = [.greedyAccessibility(budgeted: budget != nil)]
        if let note = weighting.note { notes.append(note) }
        let scale = goal.method.reportingScale
        let mark = goal.underServed
        // Baseline scores with the existing sites, over every demand point (counted or not).
        let scores = try weighting.baselineScores(problem, scale: scale)
        let baseline = lifted(scores, problem, mark: mark)
        let cat = try problem.candidateCatchments(within: problem.threshold)
        var greedy = Greedy(catchments: cat, delta: weighting.added(cat, scale: scale), demandCount: problem.demand.count,
                            counted: problem.counted, population: problem.population, mark: mark, scores: scores,
                            costs: costs, budget: budget)
        progress.begin(total: k, label: "placement picks")
        defer { progress.end() }
        while greedy.chosen.count < k, greedy.pick() { progress.advance(by: 1) }
        var chosen = greedy.chosen, stepGains = greedy.stepGains
        // Stopped early (no candidate helps): the remaining picks are padding, done at once.
        if chosen.count < k { progress.advance(by: k - chosen.count) }
        if budget == nil {
            PlacementSupport.pad(&chosen, gains: &stepGains, k: k, reach: PlacementSupport.reach(cat, weights: problem.weights),
                                 notes: &notes, gain: .bringsCloserToMark)
        } else if chosen.isEmpty {
            notes.append(.nothingAffordable(.bringsCloserToMark))
        }
        let after = lifted(greedy.scores, problem, mark: mark)
        var result = PlacementResult(
            objective: .accessibility(goal), method: .greedy, chosenCandidates: chosen,
            chosenIDs: chosen.map { problem.candidates[$0].id }, stepGains: stepGains, value: after - baseline,
            baseline: baseline, bound: nil, provenOptimal: false, seconds: clock.seconds, uncoverable: [],
            modelSize: nil, notes: notes)
        if let budget, let costs {
            result.budget = budget
            result.cost = chosen.reduce(0.0) { $0 + costs[$1] }
        }
        return result
    }

    /// The counted population whose score reaches `mark`.
    static func lifted(_ scores: [Double], _ problem: PlacementProblem, mark: Double) -> Double {
        scores.indices.reduce(0.0) { $0 + (problem.counted[$1] && scores[$1] >= mark ? problem.population[$1] : 0) }
    }
}
