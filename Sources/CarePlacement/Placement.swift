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
    if let t = timeLimit, !(t.isFinite && t > 0) {
        throw PlacementError.invalidParameter(name: "time limit", value: "\(t)", reason: "must be a positive number of seconds")
    }
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

extension PlacementProblem {
    /// Same as ``place(_:objective:k:method:timeLimit:progress:)``.
    public func place(objective: PlacementObjective, k: Int, method: PlacementMethod, timeLimit: Double? = nil,
                      progress: any ProgressReporter = SilentProgress()) throws -> PlacementResult {
        try CarePlacement.place(self, objective: objective, k: k, method: method, timeLimit: timeLimit, progress: progress)
    }
}
