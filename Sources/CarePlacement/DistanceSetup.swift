import CareModel

/// What p-median and p-center share: every counted demand point's minutes to its nearest existing site and
/// the candidate pairs that could improve on them.
///
/// Only pairs with `t_ij < c_i` matter (`c_i`: existing minutes), so catchments are built to the largest
/// finite `c_i`: the truncation is then exact. Demand points that no existing site reaches (`c_i = ∞`, e.g. a
/// CRS zone without supply) need a horizon: ``PlacementProblem/maxRadius`` (default max(3T, 60)); p-median
/// counts them at that many minutes while no candidate reaches them (stated in the notes).
struct DistanceSetup {
    /// Per demand point (problem index): minutes to the nearest existing site, +infinity when none.
    var existing: [Double]
    /// Catchment horizon in minutes.
    var radius: Double
    var catchments: Catchments
    /// Counted demand points.
    var counted: [Int]
    var notes: [PlacementResult.Note]

    init(_ problem: PlacementProblem) throws {
        let existing = try problem.existingMinutes()
        self.existing = existing
        self.counted = problem.counted.indices.filter { problem.counted[$0] }
        (radius, notes) = Self.radius(problem, existing: existing, counted: counted)
        catchments = try problem.candidateCatchments(within: max(radius, 1e-9))
    }

    /// The catchment horizon: the largest finite existing minutes of a counted point, or the unreached
    /// points' horizon when some point has no existing site in reach (with a note saying so).
    static func radius(_ problem: PlacementProblem, existing: [Double], counted: [Int]) -> (radius: Double, notes: [PlacementResult.Note]) {
        var radius = counted.map { existing[$0] }.filter(\.isFinite).max() ?? 0
        var notes: [PlacementResult.Note] = []
        let unreached = counted.filter { !existing[$0].isFinite }
        if !unreached.isEmpty {
            let horizon = problem.maxRadius ?? max(3 * problem.threshold, 60)
            radius = max(radius, horizon)
            notes.append(.unreachedByExisting(points: unreached.count, horizon: radius))
        }
        return (radius, notes)
    }
}
