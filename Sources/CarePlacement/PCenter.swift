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
        let radii = Radii(setup, demandCount: problem.demand.count)
        // Points that nothing reaches within the horizon are left out (reported).
        if !radii.unreachable.isEmpty { notes.append(.beyondEverySite(points: radii.unreachable.count, horizon: setup.radius)) }
        var search = Bisection(radii: radii, catchments: cat, k: k, method: method, timeLimit: timeLimit)
        let (index, best) = try search.smallestFeasibleRadius()
        var bound = search.bound
        if method == .exact, search.allProven { bound = radii.values[index] }
        if method != .exact { notes.append(.greedyBisection) }
        let worst = { (s: [Int]) -> Double in worstMinutes(s, cost: radii.cost, considered: radii.considered, catchments: cat) }
        let ordered = PlacementSupport.greedyOrder(best) { prefix, c in worst(prefix) - worst(prefix + [c]) }
        var order = ordered.order
        var gains = ordered.gains
        PlacementSupport.pad(&order, gains: &gains, k: k,
                             reach: PlacementSupport.reach(cat, weights: problem.weights), notes: &notes,
                             gain: .neededForWorstCase)
        let value = worst(order)
        bound = min(bound, value)
        return PlacementResult(
            objective: .pCenter, method: method, chosenCandidates: order, chosenIDs: order.map { problem.candidates[$0].id },
            stepGains: gains, value: value, baseline: radii.baseline, bound: bound,
            provenOptimal: method == .exact && search.allProven && value <= bound + 1e-12, seconds: clock.seconds,
            uncoverable: radii.unreachable, modelSize: nil, notes: notes)
    }

    /// What the bisection searches over: each counted point's minutes to its nearest existing site `c_i`, and
    /// the candidate radii, the sorted distinct values of {t_ij < c_i} ∪ {c_i} from the lower bound up.
    struct Radii {
        /// Per demand point: `c_i` for the considered points, `-infinity` for the others.
        var cost: [Double]
        /// Counted points that some site reaches within the horizon.
        var considered: [Int]
        /// Counted points that no site, existing or candidate, reaches within the horizon (left out).
        var unreachable: [Int]
        /// The worst minutes with no new site, and with every candidate open (the lower bound).
        var baseline: Double
        var lowerBound: Double
        /// Radii to try, ascending (the baseline alone when there is none).
        var values: [Double]

        init(_ setup: DistanceSetup, demandCount n: Int) {
            let cat = setup.catchments
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
            unreachable = setup.counted.filter { !bestCandidate[$0].isFinite }
            for i in unreachable { cost[i] = -.infinity }
            considered = setup.counted.filter { cost[$0] > -.infinity }
            baseline = considered.map { cost[$0] }.max() ?? 0
            lowerBound = considered.map { bestCandidate[$0] }.max() ?? 0
            let lowerBound = lowerBound
            values = Array(Set(values.filter { $0 >= lowerBound })).sorted()
            self.values = values.isEmpty ? [baseline] : values
            self.cost = cost
        }
    }

    /// The bisection over ``Radii/values`` (Minieka 1970): a radius is feasible when at most `k` candidates
    /// cover, within it, every considered point whose existing minutes exceed it. Feasibility results are
    /// cached by index; ``bound`` rises with every radius proven infeasible.
    struct Bisection {
        let radii: Radii
        let catchments: Catchments
        let k: Int
        let method: PlacementMethod
        let timeLimit: Double?
        /// Proven lower bound on the optimum so far.
        private(set) var bound: Double
        /// Whether every infeasibility met was proven (exact method, no time limit hit).
        private(set) var allProven = true
        private var cache: [Int: [Int]?] = [:]

        init(radii: Radii, catchments: Catchments, k: Int, method: PlacementMethod, timeLimit: Double?) {
            self.radii = radii
            self.catchments = catchments
            self.k = k
            self.method = method
            self.timeLimit = timeLimit
            bound = radii.lowerBound
        }

        /// The smallest feasible radius (its index in ``Radii/values``) and the candidates that achieve it.
        mutating func smallestFeasibleRadius() throws -> (index: Int, sites: [Int]) {
            var lo = 0, hi = radii.values.count - 1
            guard var best = try cover(at: hi) else {
                throw PlacementError.unsupported("\(k) new sites cannot bring every demand point within \(radii.values[hi].placementText) min: raise --max-radius or k")
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
            return (hi, best)
        }

        /// At most `k` candidates covering radius `values[index]`, `nil` when none is found (greedy first, then
        /// CBC with the exact method).
        mutating func cover(at index: Int) throws -> [Int]? {
            if let hit = cache[index] { return hit }
            let r = radii.values[index], n = radii.cost.count
            var active = [Bool](repeating: false, count: n)
            for i in radii.considered where radii.cost[i] > r { active[i] = true }
            let inst = CoverInstance(catchments: filtered(catchments, within: r), active: active, weight: [Double](repeating: 1, count: n))
            // Every active point must be reachable within r.
            var reached = [Bool](repeating: false, count: n)
            for m in inst.members { for i in m { reached[Int(i)] = true } }
            if radii.considered.contains(where: { active[$0] && !reached[$0] }) {
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
                    if index + 1 < radii.values.count { bound = max(bound, radii.values[index + 1]) }
                } else {
                    allProven = false
                }
            } else if result == nil {
                allProven = false
            }
            cache[index] = .some(result)
            return result
        }
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
