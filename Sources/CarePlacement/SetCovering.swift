import CareModel

/// Location set covering (Toregas, Swain, ReVelle & Bergman 1971) with existing sites fixed open: the fewest
/// new sites so that every counted demand point that some candidate reaches is within T. Demand points that
/// no existing site and no candidate reaches are reported in ``PlacementResult/uncoverable``.
///
///     min Σ_j x_j   s.t.   Σ_{j ∈ N_g} x_j ≥ 1 for every group g,   x ∈ {0,1}
///
/// over the reduced instance (``CoverInstance`` with unit weights, dominated candidates dropped), solved by
/// CBC from the greedy cover. Greedy: the candidate covering the most uncovered groups first, then redundant
/// sites removed (a heuristic; its bound is ⌈groups / largest set⌉).
///
/// ```swift
/// let r = try SetCovering.solve(problem, method: .exact, timeLimit: 60)   // r.value = number of new sites
/// ```
enum SetCovering {
    static func solve(_ problem: PlacementProblem, method: PlacementMethod, timeLimit: Double?) throws -> PlacementResult {
        let clock = Stopwatch()
        let setup = try CoverSetup(problem, positiveWeightOnly: false)
        let inst = CoverInstance(catchments: setup.catchments, active: setup.active,
                                 weight: [Double](repeating: 1, count: problem.demand.count))
        var notes: [PlacementResult.Note] = []
        if !setup.uncoverable.isEmpty {
            notes.append(.uncoverable(points: setup.uncoverable.count))
        }
        let solution = try cover(inst, method: method, timeLimit: timeLimit)
        notes.append(contentsOf: solution.notes)
        let position = Dictionary(uniqueKeysWithValues: inst.candidates.enumerated().map { ($1, $0) })
        let unitWeights = setup.weights   // population per demand point, for reporting gains
        let ordered = PlacementSupport.greedyOrder(solution.picks) { prefix, c in
            newlyCovered(inst, prefix: prefix.compactMap { position[$0] }, add: position[c], population: unitWeights)
        }
        return PlacementResult(
            objective: .lscp, method: method, chosenCandidates: ordered.order,
            chosenIDs: ordered.order.map { problem.candidates[$0].id }, stepGains: ordered.gains,
            value: Double(solution.picks.count), baseline: 0, bound: solution.bound, provenOptimal: solution.proven,
            seconds: clock.seconds, uncoverable: setup.uncoverable, modelSize: solution.size, notes: notes)
    }

    /// A cover of every group of `inst`, as original candidate indices, with a lower bound on its size.
    static func cover(_ inst: CoverInstance, method: PlacementMethod, timeLimit: Double?) throws
        -> (picks: [Int], bound: Double, proven: Bool, size: (candidates: Int, rows: Int, nonZeros: Int)?, notes: [PlacementResult.Note])
    {
        guard inst.groupCount > 0 else { return ([], 0, true, nil, []) }
        let greedy = greedyCover(inst)
        let largestSet = (0..<inst.candidateCount).map { inst.range($0).count }.max() ?? 1
        var bound = Double((inst.groupCount + largestSet - 1) / largestSet)
        var picks = greedy.map { inst.candidates[$0] }
        if method != .exact {
            return (picks, bound, Double(picks.count) <= bound, nil, [.greedySetCover])
        }
        let red = inst.removingDominated()
        let start = greedyCover(red)
        var m = MILP(sense: .minimize)
        for _ in 0..<red.candidateCount { m.addColumn(objective: 1, lower: 0, upper: 1, integer: true) }
        let byGroup = red.candidatesByGroup()
        for g in 0..<red.groupCount {
            m.addRow((byGroup.offsets[g]..<byGroup.offsets[g + 1]).map { (Int(byGroup.candidates[$0]), 1) },
                     lower: 1, upper: .infinity)
        }
        var x0 = [Double](repeating: 0, count: red.candidateCount)
        for c in start { x0[c] = 1 }
        let s = try MILPSolver.solve(m, timeLimit: timeLimit, start: x0)
        var notes: [PlacementResult.Note] = []
        if s.hasSolution {
            let chosen = (0..<red.candidateCount).filter { s.values[$0] > 0.5 }
            if chosen.count <= picks.count { picks = chosen.map { red.candidates[$0] } }
        }
        // The optimum is an integer: round CBC's bound up (with a tolerance for its arithmetic).
        if s.bestBound.isFinite { bound = max(bound, (s.bestBound - 1e-6).rounded(.up)) }
        bound = min(bound, Double(picks.count))
        let proven = s.provenOptimal && Double(picks.count) <= s.objective + 1e-9 || Double(picks.count) <= bound
        if !s.provenOptimal && !proven { notes.append(.timeLimit(.cover)) }
        return (picks, bound, proven, (red.candidateCount, m.rowCount, m.nonZeroCount), notes)
    }

    /// Greedy cover (kept-candidate positions): most uncovered groups first (ties: lowest index, lazily
    /// re-evaluated), then sites whose groups are all covered by others are removed, last picked first.
    static func greedyCover(_ inst: CoverInstance) -> [Int] {
        var unit = inst
        unit.weights = [Double](repeating: 1, count: inst.groupCount)
        var picks = unit.lazyGreedy(k: inst.candidateCount).picks
        var count = [Int](repeating: 0, count: inst.groupCount)
        for c in picks { for p in inst.range(c) { count[Int(inst.groups[p])] += 1 } }
        for c in picks.reversed() where inst.range(c).allSatisfy({ count[Int(inst.groups[$0])] > 1 }) {
            for p in inst.range(c) { count[Int(inst.groups[p])] -= 1 }
            picks.removeAll { $0 == c }
        }
        return picks
    }

    /// Population newly within T when `add` joins `prefix` (kept-candidate positions).
    static func newlyCovered(_ inst: CoverInstance, prefix: [Int], add: Int?, population: [Double]) -> Double {
        guard let add else { return 0 }
        var covered = Set<Int32>()
        for c in prefix { for p in inst.range(c) { covered.insert(inst.groups[p]) } }
        var gain = 0.0
        for p in inst.range(add) where !covered.contains(inst.groups[p]) {
            gain += inst.members[Int(inst.groups[p])].reduce(0.0) { $0 + population[Int($1)] }
        }
        return gain
    }
}
