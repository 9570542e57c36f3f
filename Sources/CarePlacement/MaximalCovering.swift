import CareModel

/// Maximal covering location (Church & ReVelle 1974) with existing sites fixed open: choose `k` candidates
/// maximising the population newly within T.
///
/// Exact model over the reduced instance (``CoverInstance``: uncovered demand only, groups of demand points
/// with identical candidate sets, dominated candidates dropped), solved by CBC:
///
///     max Σ_g a_g y_g   s.t.   y_g ≤ Σ_{j ∈ N_g} x_j,   Σ_j x_j ≤ k,   x ∈ {0,1},  0 ≤ y ≤ 1
///
/// (`y` need not be integer: with integer `x` the optimum has y_g = min(1, Σ x_j)). CBC starts from the lazy
/// greedy solution, so a time limit always returns a feasible choice; the bound is the smaller of CBC's
/// best bound and the greedy bounds below, and the gap is proven.
///
/// Lazy greedy (Minoux 1978) reaches at least `1 − (1 − 1/k)^k > 1 − 1/e` of the optimum (Nemhauser, Wolsey &
/// Fisher 1978); its bound is the smaller of greedy / that factor and the a-posteriori bound
/// covered(S) + Σ of the k largest marginal gains given S.
///
/// ```swift
/// let r = try MaximalCovering.solve(problem, k: 5, method: .exact, timeLimit: 60)
/// ```
/// Complexity: catchments, then O(p log p) for p candidate–uncovered-demand pairs (reduction, greedy);
/// the MILP is small because only uncovered demand enters it.
enum MaximalCovering {
    static func solve(_ problem: PlacementProblem, k: Int, method: PlacementMethod, timeLimit: Double?,
                      progress: any ProgressReporter = SilentProgress()) throws -> PlacementResult {
        try PlacementSupport.validate(k: k, candidates: problem.candidates.count)
        guard method != .localSearch else { throw PlacementError.unsupported("local search is for p-median; MCLP has exact and greedy") }
        let clock = Stopwatch()
        let setup = try CoverSetup(problem)
        let inst = CoverInstance(catchments: setup.catchments, active: setup.active, weight: setup.weights)
        var notes: [PlacementResult.Note] = []
        // Lazy greedy and its bounds.
        let greedy = progress.reportingPicks(k: k) { inst.lazyGreedy(k: k, onPick: $0) }
        let greedyValue = greedy.gains.reduce(0, +)
        let total = inst.weights.reduce(0, +)
        var bound = min(total, inst.aPosterioriBound(picks: greedy.picks, k: k), inst.aPosterioriBound(picks: [], k: k))
        if greedyValue > 0 { bound = min(bound, greedyValue / PlacementSupport.greedyFactor(k)) }
        var picks = greedy.picks.map { inst.candidates[$0] }
        var value = greedyValue
        var proven = value >= bound
        var size: (candidates: Int, rows: Int, nonZeros: Int)?
        if method == .exact {
            let red = inst.removingDominated()
            if red.candidateCount <= k {
                picks = red.candidates
                value = red.coveredWeight(Array(0..<red.candidateCount))
                bound = value
                proven = true
                size = (red.candidateCount, 0, 0)
            } else {
                let start = red.lazyGreedy(k: k).picks
                let (milp, x0) = model(red, k: k, start: start)
                size = (red.candidateCount, milp.rowCount, milp.nonZeroCount)
                let s = try MILPSolver.solve(milp, timeLimit: timeLimit, start: x0)
                if s.hasSolution {
                    let chosen = (0..<red.candidateCount).filter { s.values[$0] > 0.5 }
                    let v = red.coveredWeight(chosen)
                    if v >= value {
                        value = v
                        picks = chosen.map { red.candidates[$0] }
                    }
                }
                if s.bestBound.isFinite { bound = min(bound, s.bestBound) }
                bound = max(bound, value)
                proven = s.provenOptimal || value >= bound - 1e-9 * max(1, bound)
                if !s.provenOptimal && !proven {
                    notes.append(.timeLimit(.solution))
                }
            }
        } else {
            notes.append(.greedyCover)
        }
        // Report in greedy order with marginal gains over the full instance.
        let position = Dictionary(uniqueKeysWithValues: inst.candidates.enumerated().map { ($1, $0) })
        var ordered = PlacementSupport.greedyOrder(picks) { prefix, c in
            guard let pc = position[c] else { return 0 }
            let before = inst.coveredWeight(prefix.compactMap { position[$0] })
            return inst.coveredWeight(prefix.compactMap { position[$0] } + [pc]) - before
        }
        var gains = ordered.gains
        PlacementSupport.pad(&ordered.order, gains: &gains, k: k,
                             reach: PlacementSupport.reach(setup.catchments, weights: setup.weights), notes: &notes,
                             gain: .coversAnyoneNew)
        return PlacementResult(
            objective: .mclp, method: method, chosenCandidates: ordered.order,
            chosenIDs: ordered.order.map { problem.candidates[$0].id }, stepGains: gains, value: value,
            baseline: setup.baselineCovered, bound: bound, provenOptimal: proven, seconds: clock.seconds,
            uncoverable: setup.uncoverable, modelSize: size, notes: notes)
    }

    /// The MCLP MILP over a reduced instance, with a start point from kept-candidate positions `start`.
    static func model(_ inst: CoverInstance, k: Int, start: [Int]) -> (MILP, [Double]) {
        model(inst, limitRow: [Double](repeating: 1, count: inst.candidateCount), limit: Double(k), start: start)
    }

    /// The covering MILP with one limit row `Σ_j limitRow_j x_j ≤ limit`: all ones and k for MCLP, the
    /// candidates' costs and the budget for the budgeted MCLP.
    static func model(_ inst: CoverInstance, limitRow: [Double], limit: Double, start: [Int]) -> (MILP, [Double]) {
        var m = MILP(sense: .maximize)
        let nc = inst.candidateCount
        for _ in 0..<nc { m.addColumn(objective: 0, lower: 0, upper: 1, integer: true) }
        for g in 0..<inst.groupCount { m.addColumn(objective: inst.weights[g], lower: 0, upper: 1, integer: false) }
        let byGroup = inst.candidatesByGroup()
        for g in 0..<inst.groupCount {
            var terms: [(column: Int, coefficient: Double)] = [(nc + g, 1)]
            for q in byGroup.offsets[g]..<byGroup.offsets[g + 1] { terms.append((Int(byGroup.candidates[q]), -1)) }
            m.addRow(terms, lower: -.infinity, upper: 0)
        }
        m.addRow((0..<nc).map { ($0, limitRow[$0]) }, lower: -.infinity, upper: limit)
        var x0 = [Double](repeating: 0, count: nc + inst.groupCount)
        for c in start {
            x0[c] = 1
            for p in inst.range(c) { x0[nc + Int(inst.groups[p])] = 1 }
        }
        return (m, x0)
    }
}

/// What MCLP and LSCP share: candidate catchments at T, existing coverage, and the demand left to cover.
struct CoverSetup {
    var catchments: Catchments
    var weights: [Double]
    /// Demand within T of an existing site.
    var preCovered: [Bool]
    /// Demand that counts, is not pre-covered and has positive weight.
    var active: [Bool]
    /// Counted demand neither pre-covered nor reached by any candidate.
    var uncoverable: [Int]
    var baselineCovered: Double

    init(_ problem: PlacementProblem, positiveWeightOnly: Bool = true) throws {
        let existing = try problem.existingMinutes()
        catchments = try problem.candidateCatchments(within: problem.threshold)
        weights = problem.weights
        preCovered = existing.map { $0 <= problem.threshold }
        var reached = [Bool](repeating: false, count: problem.demand.count)
        for i in catchments.demand { reached[Int(i)] = true }
        var active = [Bool](repeating: false, count: problem.demand.count)
        var uncoverable: [Int] = [], baseline = 0.0
        for i in 0..<problem.demand.count where problem.counted[i] {
            if preCovered[i] {
                baseline += weights[i]
            } else {
                active[i] = !positiveWeightOnly || weights[i] > 0
                if !reached[i] { uncoverable.append(i) }
            }
        }
        self.active = active
        self.uncoverable = uncoverable
        self.baselineCovered = baseline
    }
}
