import CareModel

extension PlacementResult {
    /// A note on a placement (an assumption, a heuristic, a time limit, a padding), as a case with its figures
    /// rather than as a sentence: renderers give the words (English on the terminal, French or English in
    /// reports), and tests assert on the case.
    ///
    /// ```swift
    /// let r = try Placement.solve(problem, objective: .mclp, k: 2, method: .greedy)
    /// r.notes.contains(.greedyCover)   // true
    /// ```
    public enum Note: Sendable, Hashable {
        /// What a new site does for the objective, in ``padded(useful:padding:gain:)`` and
        /// ``nothingAffordable(_:)``.
        public enum Gain: String, Sendable, Hashable {
            /// MCLP: covers people not covered yet.
            case coversAnyoneNew
            /// p-median: brings people closer to a site.
            case bringsAnyoneCloser
            /// Accessibility: brings people closer to the under-served mark.
            case bringsCloserToMark
            /// p-center: lowers the worst minutes.
            case neededForWorstCase
        }

        /// What CBC had found when the time limit stopped it.
        public enum Incumbent: String, Sendable, Hashable { case solution, cover }

        /// CBC stopped at the time limit before proving optimality: the best `Incumbent` so far, with its gap.
        case timeLimit(Incumbent)
        /// LSCP: `points` demand points beyond the threshold of every existing site and every candidate.
        case uncoverable(points: Int)
        /// p-median and p-center: `points` demand points that no existing site reaches; candidates are
        /// considered up to `horizon` minutes for them, and p-median counts them at `horizon` while unserved.
        case unreachedByExisting(points: Int, horizon: Double)
        /// p-center: `points` demand points with no site at all within `horizon` minutes, left out.
        case beyondEverySite(points: Int, horizon: Double)
        /// Only `useful` new sites improve the objective; the other `padding` are placed where they reach the
        /// most people (gain 0).
        case padded(useful: Int, padding: Int, gain: Gain)
        /// Budgeted placements: no affordable new site improves the objective.
        case nothingAffordable(Gain)
        /// LSCP greedy covering: a heuristic.
        case greedySetCover
        /// MCLP greedy: a heuristic within 1 − (1 − 1/k)^k of the optimum (Nemhauser, Wolsey & Fisher 1978).
        case greedyCover
        /// Budgeted MCLP greedy by gain per euro (Khuller, Moss & Naor 1999); `bestSingleSite` when the best
        /// single affordable site beat it.
        case budgetedGreedy(bestSingleSite: Bool)
        /// p-median lazy greedy: a heuristic with a proven bound.
        case greedyMedian
        /// p-median vertex substitution (Teitz & Bart 1968): a local optimum with a proven bound.
        case vertexSubstitution
        /// p-median: the exact model would need `variables` assignment variables, over `limit`: local search
        /// instead.
        case exactTooLarge(variables: Int, limit: Int)
        /// p-center greedy: greedy covering inside the bisection, bounded by the all-candidates lower bound.
        case greedyBisection
        /// Accessibility placement: greedy with re-evaluation (per euro when `budgeted`), no bound.
        case greedyAccessibility(budgeted: Bool)
        /// Accessibility placement with the APL: its demand, and the yearly consultations a new GP counts
        /// (`activityPerGP`, from `activitySource`).
        case aplDemand(APLDemand, activityPerGP: Double, activitySource: String)
    }
}
