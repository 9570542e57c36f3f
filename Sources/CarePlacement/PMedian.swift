import CareModel

/// p-median (Hakimi 1964; ReVelle & Swain 1970) with existing sites fixed open: choose `k` candidates
/// minimising Σ_i w_i · min(c_i, min_{j ∈ S} t_ij), the population-weighted minutes to the nearest site
/// (`c_i`: minutes to the nearest existing site).
///
/// Equivalently, maximise the savings Σ_i w_i (c_i − min(c_i, min_{j ∈ S} t_ij)), a submodular function of S.
/// Only pairs with `t_ij < c_i` enter (``DistanceSetup``).
///
/// - exact: CBC on `max Σ s_ij z_ij  s.t.  Σ_j z_ij ≤ 1,  z_ij ≤ x_j,  Σ x_j ≤ k` (strong ReVelle–Swain form
///   over useful pairs only), started from the local-search solution; a time limit returns the best
///   solution with its proven gap.
/// - greedy: lazy greedy on the savings (Minoux 1978).
/// - local search: greedy start, then vertex substitution (Teitz & Bart 1968) taking the best swap each pass;
///   swaps are evaluated for all (in, out) pairs at once in O(pairs + n·k) with the gain/loss/extra
///   decomposition (Whitaker 1983; Resende & Werneck 2007).
/// Heuristics get the a-posteriori bound of submodular maximisation: savings(S) + the k largest marginal
/// savings given S (Nemhauser, Wolsey & Fisher 1978), turned into a lower bound on the weighted minutes.
///
/// ```swift
/// let r = try PMedian.solve(problem, k: 5, method: .localSearch, timeLimit: nil)
/// ```
enum PMedian {
    static func solve(_ problem: PlacementProblem, k: Int, method: PlacementMethod, timeLimit: Double?,
                      progress: any ProgressReporter = SilentProgress()) throws -> PlacementResult {
        try PlacementSupport.validate(k: k, candidates: problem.candidates.count)
        let clock = Stopwatch()
        let setup = try DistanceSetup(problem)
        let inst = MedianInstance(setup, weights: problem.weights)
        var notes = setup.notes
        let greedy = progress.reportingPicks(k: k) { inst.lazyGreedy(k: k, onPick: $0) }
        var picks = greedy.picks
        var size: (candidates: Int, rows: Int, nonZeros: Int)?
        var savingsBound = min(inst.aPosterioriBound(picks: [], k: k), inst.aPosterioriBound(picks: greedy.picks, k: k))
        var proven = false
        if method != .greedy {
            picks = inst.localSearch(start: picks)
            savingsBound = min(savingsBound, inst.aPosterioriBound(picks: picks, k: k))
        }
        var savings = inst.savings(picks)
        if method == .exact {
            if inst.pairCount > MedianInstance.exactPairLimit {
                notes.append(.exactTooLarge(variables: inst.pairCount, limit: MedianInstance.exactPairLimit))
            } else if inst.candidateCount <= k {
                picks = Array(0..<inst.candidateCount)
                savings = inst.savings(picks)
                savingsBound = savings
            } else {
                let (milp, x0) = inst.model(k: k, start: picks)
                size = (inst.candidateCount, milp.rowCount, milp.nonZeroCount)
                let s = try MILPSolver.solve(milp, timeLimit: timeLimit, start: x0)
                if s.hasSolution {
                    let chosen = (0..<inst.candidateCount).filter { s.values[$0] > 0.5 }
                    let v = inst.savings(chosen)
                    if v >= savings { savings = v; picks = chosen }
                }
                if s.bestBound.isFinite { savingsBound = min(savingsBound, s.bestBound) }
                if !s.provenOptimal && savings < savingsBound - 1e-9 * max(1, savingsBound) {
                    notes.append(.timeLimit(.solution))
                }
                proven = s.provenOptimal
            }
        } else {
            notes.append(method == .greedy ? .greedyMedian : .vertexSubstitution)
        }
        savingsBound = max(savingsBound, savings)
        proven = proven || savings >= savingsBound - 1e-9 * max(1, savingsBound)
        let ordered = PlacementSupport.greedyOrder(picks) { prefix, c in inst.savings(prefix + [c]) - inst.savings(prefix) }
        var order = ordered.order.map { inst.candidates[$0] }
        var gains = ordered.gains
        PlacementSupport.pad(&order, gains: &gains, k: k,
                             reach: PlacementSupport.reach(setup.catchments, weights: problem.weights), notes: &notes,
                             gain: .bringsAnyoneCloser)
        return PlacementResult(
            objective: .pMedian, method: method, chosenCandidates: order, chosenIDs: order.map { problem.candidates[$0].id },
            stepGains: gains, value: inst.baseline - savings, baseline: inst.baseline, bound: inst.baseline - savingsBound,
            provenOptimal: proven, seconds: clock.seconds, uncoverable: [], modelSize: size, notes: notes)
    }
}

/// The p-median instance over useful pairs: kept candidates (those improving some demand point), demand
/// points that can improve, and per candidate the (demand, minutes) pairs with `t < c`.
struct MedianInstance {
    /// Per local demand point: current minutes `c` (existing nearest, or the horizon) and weight.
    var cost: [Double]
    var weight: [Double]
    var candidates: [Int]
    /// CSR kept candidate → (local demand, minutes).
    var offsets: [Int]
    var demand: [Int32]
    var minutes: [Double]
    /// CSR local demand → (kept candidate, minutes), the transpose.
    var byDemandOffsets: [Int]
    var byDemandCandidate: [Int32]
    var byDemandMinutes: [Double]
    /// Σ w·c over every counted demand point: the weighted minutes with no new site.
    var baseline: Double

    var candidateCount: Int { candidates.count }
    var pairCount: Int { demand.count }
    /// Largest number of useful pairs (assignment variables) given to CBC.
    static let exactPairLimit = 2_000_000
    func range(_ c: Int) -> Range<Int> { offsets[c]..<offsets[c + 1] }

    init(_ setup: DistanceSetup, weights: [Double]) {
        var local = [Int32](repeating: -1, count: setup.existing.count)
        var cost: [Double] = [], weight: [Double] = []
        var baseline = 0.0
        for i in setup.counted {
            let c = min(setup.existing[i], setup.radius)
            baseline += weights[i] * c
            if weights[i] > 0, c > 0 {
                local[i] = Int32(cost.count)
                cost.append(c)
                weight.append(weights[i])
            }
        }
        var kept: [Int] = [], offsets = [0], demand: [Int32] = [], minutes: [Double] = []
        let cat = setup.catchments
        for j in 0..<cat.siteCount {
            for p in cat.range(of: j) {
                let l = local[Int(cat.demand[p])]
                if l >= 0, cat.minutes[p] < cost[Int(l)] {
                    demand.append(l)
                    minutes.append(cat.minutes[p])
                }
            }
            if demand.count > offsets[offsets.count - 1] {
                kept.append(j)
                offsets.append(demand.count)
            }
        }
        var start = [Int](repeating: 0, count: cost.count + 1)
        for l in demand { start[Int(l) + 1] += 1 }
        for i in 0..<cost.count { start[i + 1] += start[i] }
        var fill = start
        var bc = [Int32](repeating: 0, count: demand.count), bm = [Double](repeating: 0, count: demand.count)
        for c in 0..<kept.count {
            for p in offsets[c]..<offsets[c + 1] {
                let i = Int(demand[p])
                bc[fill[i]] = Int32(c)
                bm[fill[i]] = minutes[p]
                fill[i] += 1
            }
        }
        self.cost = cost
        self.weight = weight
        self.candidates = kept
        self.offsets = offsets
        self.demand = demand
        self.minutes = minutes
        self.byDemandOffsets = start
        self.byDemandCandidate = bc
        self.byDemandMinutes = bm
        self.baseline = baseline
    }

    /// Weighted minutes saved by opening the kept candidates `picks`. O(pairs of picks).
    func savings(_ picks: [Int]) -> Double {
        var best: [Int32: Double] = [:]
        for c in picks {
            for p in range(c) {
                let i = demand[p]
                if minutes[p] < best[i] ?? cost[Int(i)] { best[i] = minutes[p] }
            }
        }
        // Sums in demand-index order, not the Dictionary's (which changes from run to run and would change
        // the last digits of the gains).
        return best.keys.sorted().reduce(0.0) { acc, i in acc + weight[Int(i)] * (cost[Int(i)] - (best[i] ?? cost[Int(i)])) }
    }

    /// Lazy greedy on the savings (submodular, so stale heap values are upper bounds).
    func lazyGreedy(k: Int, onPick: (Int) -> Void = { _ in }) -> (picks: [Int], gains: [Double]) {
        var d = cost
        var heap = GainHeap((0..<candidateCount).map { c in (range(c).reduce(0.0) { $0 + weight[Int(demand[$1])] * (cost[Int(demand[$1])] - minutes[$1]) }, c) })
        var fresh = [Int](repeating: 0, count: candidateCount)
        var picks: [Int] = [], gains: [Double] = [], round = 0
        while picks.count < k, let top = heap.pop() {
            if fresh[top.item] == round {
                guard top.gain > 0 else { break }
                picks.append(top.item)
                gains.append(top.gain)
                for p in range(top.item) where minutes[p] < d[Int(demand[p])] { d[Int(demand[p])] = minutes[p] }
                round += 1
                onPick(picks.count)
                continue
            }
            var g = 0.0
            for p in range(top.item) where minutes[p] < d[Int(demand[p])] { g += weight[Int(demand[p])] * (d[Int(demand[p])] - minutes[p]) }
            fresh[top.item] = round
            heap.push((g, top.item))
        }
        return (picks, gains)
    }

    /// savings(picks) + the k largest marginal savings given picks: an upper bound on the best savings.
    func aPosterioriBound(picks: [Int], k: Int) -> Double {
        var d = cost
        for c in picks { for p in range(c) where minutes[p] < d[Int(demand[p])] { d[Int(demand[p])] = minutes[p] } }
        let base = zip(zip(cost, d), weight).reduce(0.0) { $0 + $1.1 * ($1.0.0 - $1.0.1) }
        var marginal: [Double] = []
        marginal.reserveCapacity(candidateCount)
        for c in 0..<candidateCount {
            var g = 0.0
            for p in range(c) where minutes[p] < d[Int(demand[p])] { g += weight[Int(demand[p])] * (d[Int(demand[p])] - minutes[p]) }
            marginal.append(g)
        }
        return base + largest(marginal, k).reduce(0, +)
    }

    /// Vertex substitution from `start` (kept positions): repeatedly applies the best improving swap.
    /// Never returns a worse solution than `start`.
    func localSearch(start: [Int], maxPasses: Int = 10_000) -> [Int] {
        var chosen = start
        let n = candidateCount, m = cost.count
        guard !chosen.isEmpty, chosen.count < n else { return chosen }
        var isChosen = [Bool](repeating: false, count: n)
        var extra = [Double]()
        for _ in 0..<maxPasses {
            let k = chosen.count
            for c in 0..<n { isChosen[c] = false }
            var slot = [Int](repeating: -1, count: n)
            for (s, c) in chosen.enumerated() { isChosen[c] = true; slot[c] = s }
            // Nearest and second-nearest open site per demand point (-1: the existing sites / horizon).
            var d1 = cost, d2 = cost
            var f1 = [Int32](repeating: -1, count: m)
            for c in chosen {
                for p in range(c) {
                    let i = Int(demand[p]), t = minutes[p]
                    if t < d1[i] {
                        d2[i] = d1[i]
                        d1[i] = t
                        f1[i] = Int32(c)
                    } else if t < d2[i] {
                        d2[i] = t
                    }
                }
            }
            // A point served by the existing sites keeps them whatever closes: d2 is irrelevant there.
            var gain = [Double](repeating: 0, count: n), loss = [Double](repeating: 0, count: k)
            extra = [Double](repeating: 0, count: n * k)
            for i in 0..<m {
                let w = weight[i]
                let served = Int(f1[i])
                if served >= 0 { loss[slot[served]] += w * (d2[i] - d1[i]) }
                for q in byDemandOffsets[i]..<byDemandOffsets[i + 1] {
                    let c = Int(byDemandCandidate[q]), t = byDemandMinutes[q]
                    if isChosen[c] { continue }
                    if t < d1[i] { gain[c] += w * (d1[i] - t) }
                    if served >= 0, t < d2[i] { extra[c * k + slot[served]] += w * (d2[i] - max(t, d1[i])) }
                }
            }
            var bestDelta = 0.0, bestIn = -1, bestOut = -1
            for c in 0..<n where !isChosen[c] {
                for s in 0..<k {
                    let delta = -gain[c] + loss[s] - extra[c * k + s]
                    if delta < bestDelta { bestDelta = delta; bestIn = c; bestOut = s }
                }
            }
            // Stop when no swap improves by more than rounding noise.
            guard bestIn >= 0, -bestDelta > 1e-9 * max(1, baseline) else { break }
            chosen[bestOut] = bestIn
        }
        return chosen
    }

    /// The MILP (savings form) and a start point from kept positions `start`.
    func model(k: Int, start: [Int]) -> (MILP, [Double]) {
        var m = MILP(sense: .maximize)
        let n = candidateCount
        for _ in 0..<n { m.addColumn(objective: 0, lower: 0, upper: 1, integer: true) }
        // z columns in demand-major order (the transpose), so each demand row is contiguous.
        for i in 0..<cost.count {
            for q in byDemandOffsets[i]..<byDemandOffsets[i + 1] {
                m.addColumn(objective: weight[i] * (cost[i] - byDemandMinutes[q]), lower: 0, upper: 1, integer: false)
            }
        }
        for i in 0..<cost.count {
            m.addRow((byDemandOffsets[i]..<byDemandOffsets[i + 1]).map { (n + $0, 1) }, lower: -.infinity, upper: 1)
        }
        for q in 0..<byDemandCandidate.count {
            m.addRow([(n + q, 1), (Int(byDemandCandidate[q]), -1)], lower: -.infinity, upper: 0)
        }
        m.addRow((0..<n).map { ($0, 1) }, lower: -.infinity, upper: Double(k))
        var x0 = [Double](repeating: 0, count: m.columnCount)
        var open = [Bool](repeating: false, count: n)
        for c in start { x0[c] = 1; open[c] = true }
        for i in 0..<cost.count {
            var best = -1, bestT = cost[i]
            for q in byDemandOffsets[i]..<byDemandOffsets[i + 1] where open[Int(byDemandCandidate[q])] && byDemandMinutes[q] < bestT {
                best = q
                bestT = byDemandMinutes[q]
            }
            if best >= 0 { x0[n + best] = 1 }
        }
        return (m, x0)
    }
}
