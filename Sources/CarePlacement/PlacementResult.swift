/// The sites a placement chose and how good they are.
///
/// ``value`` is in the objective's unit: MCLP and accessibility, population (newly covered, lifted);
/// LSCP, number of new sites; p-median, population-weighted minutes summed over the demand; p-center,
/// minutes. ``bound`` is a proven bound on the optimum (upper for maximisation, lower for minimisation), so
/// the optimum lies between ``value`` and ``bound``.
public struct PlacementResult: Sendable {
    /// The objective the sites were chosen for.
    public var objective: PlacementObjective
    /// The method that chose them (greedy, local search or exact MILP).
    public var method: PlacementMethod
    /// Indices into ``PlacementProblem/candidates``, in order of decreasing marginal gain (greedy order).
    public var chosenCandidates: [Int]
    /// ``PlacementCandidate/id`` of each chosen candidate, in the order of ``chosenCandidates``.
    public var chosenIDs: [String]
    /// Marginal gain of each chosen site given the ones before it (same order as ``chosenCandidates``):
    /// population newly covered or lifted, or minutes saved (weighted for p-median).
    public var stepGains: [Double]
    /// Objective value of the chosen sites (recomputed exactly from the travel times, not the solver's).
    public var value: Double
    /// Objective with no new site (baseline).
    public var baseline: Double
    /// Proven bound on the optimum, when the method gives one.
    public var bound: Double?
    /// Proven optimality.
    public var provenOptimal: Bool
    /// Wall time in seconds, catchments included.
    public var seconds: Double
    /// Demand points (indices into ``PlacementProblem/demand``) beyond the threshold of every existing site
    /// and every candidate: no choice of sites can cover them (MCLP, LSCP).
    public var uncoverable: [Int]
    /// Size of the model after reduction (exact methods): kept candidates, demand rows, non-zeros.
    public var modelSize: (candidates: Int, rows: Int, nonZeros: Int)?
    /// Assumptions, heuristics, time limits (``Note``; renderers give the words).
    public var notes: [Note]
    /// Budgeted placements: the budget in euros (`nil` for a placement of `k` sites).
    public var budget: Double? = nil
    /// Budgeted placements: what the chosen sites cost, in euros.
    public var cost: Double? = nil

    /// Relative gap `|bound − value| / max(|bound|, |value|)`, 0 when both are 0; `nil` without a bound.
    public var gap: Double? {
        guard let bound else { return nil }
        if !bound.isFinite { return nil }
        let scale = max(abs(bound), abs(value))
        return scale == 0 ? 0 : max(0, objective.maximises ? bound - value : value - bound) / scale
    }
}
