import CareModel

/// Chooses new sites for `problem`: the one entry point for every objective and method.
///
/// ```swift
/// let problem = try PlacementProblem(territory: t, studied: ardeche, sites: sites, model: CrowFlyModel(), threshold: 10)
/// let exact = try place(problem, objective: .mclp, k: 5, method: .exact, timeLimit: 60)
/// let greedy = try place(problem, objective: .mclp, k: 5, method: .greedy)
/// print(exact.chosenIDs, exact.value, greedy.value / exact.value)
/// ```
/// - Parameters:
///   - k: number of new sites (ignored by LSCP, which finds the fewest); 1 ≤ k ≤ candidates.
///   - method: see ``PlacementObjective/methods`` for what applies.
///   - timeLimit: seconds for the exact solver (CBC) per MILP; on expiry the best solution found is returned
///     with its proven gap.
///   - progress: told of the greedy picks (total `k`) of MCLP, p-median and accessibility; silent by default.
/// - Throws: ``PlacementError`` for an invalid `k` or method, and the travel-time model's errors.
public func place(
    _ problem: PlacementProblem, objective: PlacementObjective, k: Int, method: PlacementMethod,
    timeLimit: Double? = nil, progress: any ProgressReporter = SilentProgress()
) throws -> PlacementResult {
    try PlacementSupport.validate(timeLimit: timeLimit)
    guard objective.methods.contains(method) else {
        throw PlacementError.unsupported("\(objective.name) has no \(method.rawValue) method (use \(objective.methods.map(\.rawValue).joined(separator: " or ")))")
    }
    switch objective {
    case .mclp:
        return try MaximalCovering.solve(problem, k: k, method: method, timeLimit: timeLimit, progress: progress)
    case .lscp:
        return try SetCovering.solve(problem, method: method, timeLimit: timeLimit)
    case .pMedian:
        return try PMedian.solve(problem, k: k, method: method, timeLimit: timeLimit, progress: progress)
    case .pCenter:
        return try PCenter.solve(problem, k: k, method: method, timeLimit: timeLimit)
    case .accessibility(let goal):
        return try AccessibilityPlacement.solve(problem, goal: goal, k: k, progress: progress)
    }
}

/// Chooses new sites for `problem` within a budget in euros instead of a number of sites: every candidate needs
/// a ``PlacementCandidate/cost``. MCLP has exact (CBC, the budget as a knapsack row) and greedy (gain per
/// euro, Khuller, Moss & Naor 1999, with a proven bound) methods; see ``BudgetedCovering``. The accessibility
/// objective has a greedy by lifted population per euro (no bound).
///
/// ```swift
/// let r = try place(problem, objective: .mclp, budget: 664_000, method: .exact)
/// print(r.chosenIDs, r.cost ?? 0, r.gap ?? 0)
/// ```
/// - Throws: ``PlacementError`` for a budget that is not finite and > 0, a candidate without a cost or with a
///   negative one, an objective without a budgeted form, and the travel-time model's errors.
public func place(
    _ problem: PlacementProblem, objective: PlacementObjective, budget: Double, method: PlacementMethod,
    timeLimit: Double? = nil, progress: any ProgressReporter = SilentProgress()
) throws -> PlacementResult {
    try PlacementSupport.validate(timeLimit: timeLimit)
    guard budget.isFinite, budget > 0 else {
        throw PlacementError.invalidParameter(name: "budget", value: "\(budget)", reason: "must be a finite number of euros > 0")
    }
    switch objective {
    case .mclp:
        return try BudgetedCovering.solve(problem, budget: budget, method: method, timeLimit: timeLimit)
    case .accessibility(let goal):
        guard method == .greedy else { throw PlacementError.unsupported("the accessibility objective has a greedy method only") }
        return try AccessibilityPlacement.solve(problem, goal: goal, k: 1, budget: budget, progress: progress)
    case .lscp, .pMedian, .pCenter:
        throw PlacementError.unsupported("\(objective.name) within a budget (budgeted placement is for MCLP and the accessibility objective)")
    }
}

extension PlacementProblem {
    /// Same as ``place(_:objective:k:method:timeLimit:progress:)``.
    public func place(objective: PlacementObjective, k: Int, method: PlacementMethod, timeLimit: Double? = nil,
                      progress: any ProgressReporter = SilentProgress()) throws -> PlacementResult {
        try CarePlacement.place(self, objective: objective, k: k, method: method, timeLimit: timeLimit, progress: progress)
    }
}
