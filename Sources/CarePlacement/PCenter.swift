import CareModel

/// p-center (Hakimi 1965) with existing sites fixed open: choose `k` candidates minimising the largest
/// minutes from a counted demand point to its nearest site, max_i min(c_i, min_{j ∈ S} t_ij).
///
/// Solved exactly by bisection over radii (Minieka 1970): the optimum is one of the sorted distinct values
/// {t_ij < c_i} ∪ {c_i}; radius r is feasible when the points with c_i > r can all be covered within r by at
/// most k candidates, an LSCP (``SetCovering``) solved by CBC (greedy first: a greedy cover of ≤ k sites
/// already proves feasibility). Feasibility is monotone in r, so O(log V) LSCP solves. The search starts at
/// the lower bound max_i min(c_i, min_j t_ij) (every candidate open). With `.greedy`, feasibility uses the
/// greedy cover only: a heuristic upper bound.
///
/// ```swift
/// let r = try PCenter.solve(problem, k: 3, method: .exact, timeLimit: 30)   // r.value: worst minutes
/// ```
enum PCenter {
    static func solve(_ problem: PlacementProblem, k: Int, method: PlacementMethod, timeLimit: Double?) throws -> PlacementResult {
        try PlacementSupport.validate(k: k, candidates: problem.candidates.count)
        let clock = Stopwatch()
        let setup = try DistanceSetup(problem)
        var notes = setup.notes
        let cat = setup.catchments
        let n = problem.demand.count
        // c_i for counted points; pairs that improve on it.
        var cost = [Double](repeating: -.infinity, count: n)
        for i in setup.counted { cost[i] = setup.existing[i] }
        var bestCandidate = cost
        var values: [Double] = setup.counted.map { cost[$0] }.filter(\.isFinite)
        for p in 0..<cat.pairCount {
            let i = Int(cat.demand[p]), t = cat.minutes[p]
            if t < cost[i] {
                values.append(t)
                bestCandidate[i] = min(bestCandidate[i], t)
            }
        }
        // Points that nothing reaches within the horizon are left out (reported).
        let unreachable = setup.counted.filter { !bestCandidate[$0].isFinite }
        if !unreachable.isEmpty {
            notes.append("\(unreachable.count) demand points have no site within \(setup.radius.placementText) min, existing or candidate: left out of the worst-minutes objective.")
            for i in unreachable { cost[i] = -.infinity }
        }
        let considered = setup.counted.filter { cost[$0] > -.infinity }
        let baseline = considered.map { cost[$0] }.max() ?? 0
        let lowerBound = considered.map { bestCandidate[$0] }.max() ?? 0
        values = Array(Set(values.filter { $0 >= lowerBound })).sorted()
        if values.isEmpty { values = [baseline] }

        var bound = lowerBound
        var allProven = true
        var cache: [Int: [Int]?] = [:]
        func cover(at index: Int) throws -> [Int]? {
            if let hit = cache[index] { return hit }
            let r = values[index]
            var active = [Bool](repeating: false, count: n)
            for i in considered where cost[i] > r { active[i] = true }
            let inst = CoverInstance(catchments: filtered(cat, within: r), active: active, weight: [Double](repeating: 1, count: n))
            // Every active point must be reachable within r.
            var reached = [Bool](repeating: false, count: n)
            for m in inst.members { for i in m { reached[Int(i)] = true } }
            if considered.contains(where: { active[$0] && !reached[$0] }) {
                cache[index] = .some(nil)
                return nil
            }
            let greedy = SetCovering.greedyCover(inst).map { inst.candidates[$0] }
            var result: [Int]? = greedy.count <= k ? greedy : nil
            if result == nil, method == .exact {
                let s = try SetCovering.cover(inst, method: .exact, timeLimit: timeLimit)
                if s.picks.count <= k {
                    result = s.picks
                } else if s.bound > Double(k) || s.proven {
                    if index + 1 < values.count { bound = max(bound, values[index + 1]) }
                } else {
                    allProven = false
                }
            } else if result == nil {
                allProven = false
            }
            cache[index] = .some(result)
            return result
        }
        var lo = 0, hi = values.count - 1
        guard var best = try cover(at: hi) else {
            throw PlacementError.unsupported("\(k) new sites cannot bring every demand point within \(values[hi].placementText) min: raise --max-radius or k")
        }
        while lo < hi {
            let mid = (lo + hi) / 2
            if let c = try cover(at: mid) {
                hi = mid
                best = c
            } else {
                lo = mid + 1
            }
        }
        if let c = try cover(at: hi) { best = c }
        if method == .exact, allProven { bound = values[hi] }
        if method != .exact { notes.append("Greedy covering inside the bisection is a heuristic; the bound is the all-candidates lower bound.") }
        var order = best
        var gains: [Double] = []
        let worst = { (s: [Int]) -> Double in worstMinutes(s, cost: cost, considered: considered, catchments: cat) }
        let ordered = PlacementSupport.greedyOrder(order) { prefix, c in worst(prefix) - worst(prefix + [c]) }
        order = ordered.order
        gains = ordered.gains
        PlacementSupport.pad(&order, gains: &gains, k: k,
                             reach: PlacementSupport.reach(cat, weights: problem.weights), notes: &notes,
                             what: ("is needed for the best worst case", "are needed for the best worst case"))
        let value = worst(order)
        bound = min(bound, value)
        return PlacementResult(
            objective: .pCenter, method: method, chosenCandidates: order, chosenIDs: order.map { problem.candidates[$0].id },
            stepGains: gains, value: value, baseline: baseline, bound: bound,
            provenOptimal: method == .exact && allProven && value <= bound + 1e-12, seconds: clock.seconds,
            uncoverable: unreachable, modelSize: nil, notes: notes)
    }

    /// The catchments restricted to pairs within `r` minutes.
    static func filtered(_ c: Catchments, within r: Double) -> Catchments {
        var offsets = [0], demand: [Int32] = [], minutes: [Double] = []
        for j in 0..<c.siteCount {
            for p in c.range(of: j) where c.minutes[p] <= r {
                demand.append(c.demand[p])
                minutes.append(c.minutes[p])
            }
            offsets.append(demand.count)
        }
        return Catchments(threshold: r, offsets: offsets, demand: demand, minutes: minutes)
    }

    /// Largest minutes over the considered points with candidates `open` added to the existing sites.
    static func worstMinutes(_ open: [Int], cost: [Double], considered: [Int], catchments: Catchments) -> Double {
        var d = cost
        for j in open {
            for p in catchments.range(of: j) where catchments.minutes[p] < d[Int(catchments.demand[p])] {
                d[Int(catchments.demand[p])] = catchments.minutes[p]
            }
        }
        return considered.map { d[$0] }.max() ?? 0
    }
}
