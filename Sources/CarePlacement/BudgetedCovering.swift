import CareModel

/// Budgeted maximal covering: maximal covering (Church & ReVelle 1974) with a knapsack budget instead of a
/// number of sites — choose candidates of total cost at most the budget, maximising the population newly
/// within T (existing sites fixed open). Each candidate needs a ``PlacementCandidate/cost``.
///
/// Exact model over the reduced instance (``CoverInstance``, without the dominance reduction, which ignores
/// costs), solved by CBC:
///
///     max Σ_g a_g y_g   s.t.   y_g ≤ Σ_{j ∈ N_g} x_j,   Σ_j c_j x_j ≤ B,   x ∈ {0,1},  0 ≤ y ≤ 1
///
/// started from the greedy choice below. Greedy is the modified greedy of Khuller, Moss & Naor (1999, "The
/// budgeted maximum coverage problem"): gain per euro, then the better of that and the best single affordable
/// site, within `1 − 1/√e` ≈ 39.3 % of the optimum; its proven bound is the smaller of value / (1 − 1/√e) and
/// the fractional-knapsack bound on the marginal gains (Leskovec et al. 2007).
///
/// ```swift
/// let r = try place(problem, objective: .mclp, budget: 664_000, method: .exact)
/// print(r.chosenIDs, r.cost ?? 0, r.value)
/// ```
/// Complexity: as ``MaximalCovering``, plus O(n log n) for the bound.
enum BudgetedCovering {
    /// `1 − 1/√e`, the guarantee of the modified greedy.
    static let greedyFactor = 1 - 1 / 1.6487212707001282

    static func solve(_ problem: PlacementProblem, budget: Double, method: PlacementMethod, timeLimit: Double?) throws -> PlacementResult {
        guard method == .exact || method == .greedy else {
            throw PlacementError.unsupported("a budgeted MCLP has exact and greedy methods")
        }
        let allCosts = try costs(of: problem.candidates)
        let clock = Stopwatch()
        let setup = try CoverSetup(problem)
        let inst = CoverInstance(catchments: setup.catchments, active: setup.active, weight: setup.weights)
        let costs = inst.candidates.map { allCosts[$0] }
        var notes: [PlacementResult.Note] = []
        let greedy = inst.budgetedGreedy(costs: costs, budget: budget)
        var value = inst.coveredWeight(greedy.picks)
        var picks = greedy.picks
        let total = inst.weights.reduce(0, +)
        var bound = min(total, inst.budgetedBound(picks: picks, costs: costs, budget: budget),
                        inst.budgetedBound(picks: [], costs: costs, budget: budget))
        if value > 0 { bound = min(bound, value / greedyFactor) }
        if bound < value { bound = value }
        var proven = value >= bound
        var size: (candidates: Int, rows: Int, nonZeros: Int)?
        if method == .exact, !proven {
            let (milp, x0) = MaximalCovering.model(inst, limitRow: costs, limit: budget, start: picks)
            size = (inst.candidateCount, milp.rowCount, milp.nonZeroCount)
            let s = try MILPSolver.solve(milp, timeLimit: timeLimit, start: x0)
            if s.hasSolution {
                let chosen = (0..<inst.candidateCount).filter { s.values[$0] > 0.5 }
                let v = inst.coveredWeight(chosen)
                // CBC's row tolerance could admit a set a hair over budget: keep only sets that fit exactly.
                if v > value, chosen.reduce(0.0, { $0 + costs[$1] }) <= budget {
                    value = v
                    picks = chosen
                }
            }
            if s.bestBound.isFinite { bound = min(bound, s.bestBound) }
            bound = max(bound, value)
            proven = s.provenOptimal || value >= bound - 1e-9 * max(1, bound)
            if !s.provenOptimal && !proven {
                notes.append(.timeLimit(.solution))
            }
        } else if method == .exact {
            size = (inst.candidateCount, 0, 0)
        }
        if method == .greedy {
            notes.append(.budgetedGreedy(bestSingleSite: greedy.usedSingle))
        }
        if picks.isEmpty { notes.append(.nothingAffordable(.coversAnyoneNew)) }
        // Report in greedy order (largest marginal gain first) over the full candidate list.
        let ordered = PlacementSupport.greedyOrder(picks.map { inst.candidates[$0] }) { prefix, c in
            guard let pc = inst.candidates.firstIndex(of: c) else { return 0 }
            let before = prefix.compactMap { inst.candidates.firstIndex(of: $0) }
            return inst.coveredWeight(before + [pc]) - inst.coveredWeight(before)
        }
        var r = PlacementResult(
            objective: .mclp, method: method, chosenCandidates: ordered.order,
            chosenIDs: ordered.order.map { problem.candidates[$0].id }, stepGains: ordered.gains, value: value,
            baseline: setup.baselineCovered, bound: bound, provenOptimal: proven, seconds: clock.seconds,
            uncoverable: setup.uncoverable, modelSize: size, notes: notes)
        r.budget = budget
        r.cost = ordered.order.reduce(0.0) { $0 + allCosts[$1] }
        return r
    }

    /// Every candidate's cost, or a located refusal: a missing cost, or one not finite and ≥ 0.
    static func costs(of candidates: [PlacementCandidate]) throws(PlacementError) -> [Double] {
        try candidates.map { c throws(PlacementError) -> Double in
            guard let cost = c.cost else {
                throw .invalidParameter(name: "cost of candidate", value: c.id, reason: "a budgeted placement needs a cost for every candidate")
            }
            guard cost.isFinite, cost >= 0 else {
                throw .invalidParameter(name: "cost of candidate \(c.id)", value: "\(cost)", reason: "must be finite and ≥ 0")
            }
            return cost
        }
    }
}
