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
        let decay: DistanceDecay, newCapacity: Double, existingCapacity: [Double]
        let population = problem.population
        // Demand in the catchments (the APL's may be age-standardised); the lifted population counts inhabitants.
        var load = population
        var notes: [PlacementResult.Note] = [.greedyAccessibility(budgeted: budget != nil)]
        switch goal.method {
        case .twoStep:
            decay = .binary
            newCapacity = goal.gpsPerSite
            existingCapacity = problem.existing.map(\.gps)
        case .enhanced(let d), .gravity(let d):
            decay = d
            newCapacity = goal.gpsPerSite
            existingCapacity = problem.existing.map(\.gps)
        case .apl(let o):
            decay = .step(o.weights)
            newCapacity = goal.gpsPerSite * o.activityPerGP
            existingCapacity = problem.existing.map { o.supply(of: $0).activity }
            if o.demand.isStandardised {
                guard let codes = problem.codes else {
                    throw PlacementError.unsupported("age-standardised APL demand needs demand points with commune codes (build the problem from a territory)")
                }
                load = try o.demand.weights(codes: codes, populations: population).values
            }
            notes.append(.aplDemand(o.demand, activityPerGP: o.activityPerGP, activitySource: o.activitySource))
        case .threeStep:
            throw PlacementError.unsupported("3SFCA in placement (its selection weights make every site's ratio depend on the others): use 2sfca, e2sfca or apl")
        }
        let scale = goal.method.reportingScale
        let mark = goal.underServed
        // Baseline scores with the existing sites, over every demand point (counted or not).
        var scores = [Double](repeating: 0, count: problem.demand.count)
        if !problem.existing.isEmpty {
            let existingCatchments = try problem.model.catchments(from: problem.existing.map(\.place), to: problem.demand, within: problem.threshold)
            let fca = try AccessibilityProblem(demand: load, supply: existingCapacity, catchments: existingCatchments)
                .twoStep(decay: decay)
            scores = fca.scores.map { $0 * scale }
        }
        let counted = problem.counted
        let baseline = scores.indices.reduce(0.0) { $0 + (counted[$1] && scores[$1] >= mark ? population[$1] : 0) }
        // Candidate catchments, weights and the score each candidate would add (reported units).
        let cat = try problem.candidateCatchments(within: problem.threshold)
        let w = decay.weights(cat.minutes)
        var delta = [Double](repeating: 0, count: cat.pairCount)
        for j in 0..<cat.siteCount {
            let r = cat.range(of: j)
            let weighted = r.reduce(0.0) { $0 + w[$1] * load[Int(cat.demand[$1])] }
            guard weighted > 0 else { continue }
            let ratio = newCapacity / weighted
            for p in r { delta[p] = w[p] * ratio * scale }
        }
        // Transpose: demand → candidates, to find whose gain a pick changes.
        var start = [Int](repeating: 0, count: problem.demand.count + 1)
        for i in cat.demand { start[Int(i) + 1] += 1 }
        for i in 0..<problem.demand.count { start[i + 1] += start[i] }
        var fill = start
        var byDemand = [Int32](repeating: 0, count: cat.pairCount)
        for j in 0..<cat.siteCount {
            for p in cat.range(of: j) {
                byDemand[fill[Int(cat.demand[p])]] = Int32(j)
                fill[Int(cat.demand[p])] += 1
            }
        }
        func evaluate(_ j: Int) -> (lifted: Double, progress: Double) {
            var lifted = 0.0, progress = 0.0
            for p in cat.range(of: j) {
                let i = Int(cat.demand[p])
                guard counted[i], scores[i] < mark else { continue }
                if scores[i] + delta[p] >= mark { lifted += population[i] }
                progress += population[i] * min(delta[p], mark - scores[i])
            }
            return (lifted, progress)
        }
        var gains = (0..<cat.siteCount).map(evaluate)
        var isChosen = [Bool](repeating: false, count: cat.siteCount)
        var chosen: [Int] = [], stepGains: [Double] = []
        var remaining = budget ?? 0
        // The ranking key: the gains, or with a budget the gains per euro (a free site that helps first).
        func key(_ j: Int) -> (lifted: Double, progress: Double) {
            guard let costs else { return gains[j] }
            func perEuro(_ v: Double) -> Double { costs[j] > 0 ? v / costs[j] : (v > 0 ? .infinity : 0) }
            return (perEuro(gains[j].lifted), perEuro(gains[j].progress))
        }
        progress.begin(total: k, label: "placement picks")
        defer { progress.end() }
        while chosen.count < k {
            var best = -1
            for j in 0..<cat.siteCount where !isChosen[j] && (costs.map { $0[j] <= remaining } ?? true) {
                let a = key(j)
                guard best >= 0 else { best = j; continue }
                let b = key(best)
                if a.lifted > b.lifted || (a.lifted == b.lifted && a.progress > b.progress) { best = j }
            }
            guard best >= 0, gains[best].lifted > 0 || gains[best].progress > 0 else { break }
            chosen.append(best)
            stepGains.append(gains[best].lifted)
            isChosen[best] = true
            if let costs { remaining -= costs[best] }
            var affected = Set<Int>()
            for p in cat.range(of: best) {
                let i = Int(cat.demand[p])
                scores[i] += delta[p]
                for q in start[i]..<start[i + 1] { affected.insert(Int(byDemand[q])) }
            }
            for j in affected where !isChosen[j] { gains[j] = evaluate(j) }
            progress.advance(by: 1)
        }
        // Stopped early (no candidate helps): the remaining picks are padding, done at once.
        if chosen.count < k { progress.advance(by: k - chosen.count) }
        if budget == nil {
            PlacementSupport.pad(&chosen, gains: &stepGains, k: k, reach: PlacementSupport.reach(cat, weights: problem.weights),
                                 notes: &notes, gain: .bringsCloserToMark)
        } else if chosen.isEmpty {
            notes.append(.nothingAffordable(.bringsCloserToMark))
        }
        let after = scores.indices.reduce(0.0) { $0 + (counted[$1] && scores[$1] >= mark ? population[$1] : 0) }
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
}
