import CareModel

/// A reduced covering instance: the demand that still needs covering, merged into groups of demand points
/// reached by exactly the same candidates, and for each useful candidate the groups it reaches.
///
/// Reductions (each keeps the optimum of MCLP and LSCP): demand already covered or reached by no candidate is
/// dropped; demand points with identical candidate sets become one group (weights add up); candidates that
/// reach no group are dropped; optionally (``removingDominated()``), a candidate whose groups are a subset of
/// another's is dropped (any solution using it can use the other instead; identical sets keep the lowest index).
///
/// Complexity: O(p log p) for p candidate–demand pairs.
struct CoverInstance: Sendable {
    /// Weight of each group (population, or 1 for LSCP).
    var weights: [Double]
    /// Demand points in each group.
    var members: [[Int32]]
    /// Original candidate index of each kept candidate, ascending.
    var candidates: [Int]
    /// CSR: kept candidate `c` reaches groups `groups[offsets[c]..<offsets[c+1]]` (ascending).
    var offsets: [Int]
    var groups: [Int32]

    var groupCount: Int { weights.count }
    var candidateCount: Int { candidates.count }
    var pairCount: Int { groups.count }
    func range(_ c: Int) -> Range<Int> { offsets[c]..<offsets[c + 1] }

    /// Builds the instance from candidate catchments, keeping demand points with `active[i]`.
    init(catchments: Catchments, active: [Bool], weight: [Double]) {
        let n = catchments.siteCount
        // Per candidate, its active demand points (sorted).
        var lists = [[Int32]](repeating: [], count: n)
        var degree = [Int32](repeating: 0, count: active.count)
        for j in 0..<n {
            var l: [Int32] = []
            for p in catchments.range(of: j) where active[Int(catchments.demand[p])] { l.append(catchments.demand[p]) }
            l.sort()
            for i in l { degree[Int(i)] += 1 }
            lists[j] = l
        }
        // Transpose: demand point → candidates (ascending, since j ascends).
        var start = [Int](repeating: 0, count: active.count + 1)
        for i in 0..<active.count { start[i + 1] = start[i] + Int(degree[i]) }
        var fill = start
        var byDemand = [Int32](repeating: 0, count: start[active.count])
        for j in 0..<n {
            for i in lists[j] {
                byDemand[fill[Int(i)]] = Int32(j)
                fill[Int(i)] += 1
            }
        }
        // Group demand points by identical candidate set.
        var groupOf = [Int32](repeating: -1, count: active.count)
        var groupByKey: [ArraySlice<Int32>: Int32] = [:]
        var weights: [Double] = [], members: [[Int32]] = []
        for i in 0..<active.count where start[i + 1] > start[i] {
            let key = byDemand[start[i]..<start[i + 1]]
            if let g = groupByKey[key] {
                groupOf[i] = g
                weights[Int(g)] += weight[i]
                members[Int(g)].append(Int32(i))
            } else {
                let g = Int32(weights.count)
                groupByKey[key] = g
                groupOf[i] = g
                weights.append(weight[i])
                members.append([Int32(i)])
            }
        }
        // Candidate → groups, dropping candidates that reach none.
        var kept: [Int] = [], offsets = [0], groups: [Int32] = []
        for j in 0..<n where !lists[j].isEmpty {
            var gs = lists[j].map { groupOf[Int($0)] }
            gs.sort()
            var last: Int32 = -1
            for g in gs where g != last {
                groups.append(g)
                last = g
            }
            kept.append(j)
            offsets.append(groups.count)
        }
        self.weights = weights
        self.members = members
        self.candidates = kept
        self.offsets = offsets
        self.groups = groups
    }

    private init(weights: [Double], members: [[Int32]], candidates: [Int], offsets: [Int], groups: [Int32]) {
        self.weights = weights
        self.members = members
        self.candidates = candidates
        self.offsets = offsets
        self.groups = groups
    }

    /// Group → kept candidates (CSR), the transpose of the candidate table.
    func candidatesByGroup() -> (offsets: [Int], candidates: [Int32]) {
        var start = [Int](repeating: 0, count: groupCount + 1)
        for g in groups { start[Int(g) + 1] += 1 }
        for g in 0..<groupCount { start[g + 1] += start[g] }
        var fill = start
        var out = [Int32](repeating: 0, count: groups.count)
        for c in 0..<candidateCount {
            for p in range(c) {
                let g = Int(groups[p])
                out[fill[g]] = Int32(c)
                fill[g] += 1
            }
        }
        return (start, out)
    }

    /// The instance without dominated candidates (a candidate whose groups are a subset of another kept
    /// candidate's; for identical sets the lowest index stays). O(Σ_c deg(g_c) · |G_c|) where g_c is the
    /// group of c reached by the fewest candidates.
    func removingDominated() -> CoverInstance {
        let byGroup = candidatesByGroup()
        var dominated = [Bool](repeating: false, count: candidateCount)
        for a in 0..<candidateCount {
            let ra = range(a)
            guard !ra.isEmpty else { continue }
            // The group of a reached by the fewest candidates: any dominator must reach it.
            var pivot = Int(groups[ra.lowerBound])
            for p in ra {
                let g = Int(groups[p])
                if byGroup.offsets[g + 1] - byGroup.offsets[g] < byGroup.offsets[pivot + 1] - byGroup.offsets[pivot] { pivot = g }
            }
            for q in byGroup.offsets[pivot]..<byGroup.offsets[pivot + 1] {
                let b = Int(byGroup.candidates[q])
                let rb = range(b)
                guard b != a, rb.count >= ra.count, rb.count > ra.count || b < a else { continue }
                if isSubset(ra, of: rb) {
                    dominated[a] = true
                    break
                }
            }
        }
        guard dominated.contains(true) else { return self }
        var kept: [Int] = [], offsets = [0], groups: [Int32] = []
        for c in 0..<candidateCount where !dominated[c] {
            kept.append(candidates[c])
            groups.append(contentsOf: self.groups[range(c)])
            offsets.append(groups.count)
        }
        return CoverInstance(weights: weights, members: members, candidates: kept, offsets: offsets, groups: groups)
    }

    /// Whether the sorted groups at `a` are all in the sorted groups at `b`.
    private func isSubset(_ a: Range<Int>, of b: Range<Int>) -> Bool {
        var q = b.lowerBound
        for p in a {
            let g = groups[p]
            while q < b.upperBound, groups[q] < g { q += 1 }
            if q == b.upperBound || groups[q] != g { return false }
            q += 1
        }
        return true
    }

    /// Lazy greedy weighted coverage (Minoux 1978): repeatedly the kept candidate with the largest uncovered
    /// weight (ties: lowest index), re-evaluating only the heap's top. Stops after `k` picks or when nothing
    /// more can be covered. Returns kept-candidate positions and their gains.
    func lazyGreedy(k: Int, onPick: (Int) -> Void = { _ in }) -> (picks: [Int], gains: [Double]) {
        var covered = [Bool](repeating: false, count: groupCount)
        var heap = GainHeap((0..<candidateCount).map { c in (range(c).reduce(0.0) { $0 + weights[Int(groups[$1])] }, c) })
        var fresh = [Int](repeating: 0, count: candidateCount)  // round in which the heap value was computed
        var picks: [Int] = [], gains: [Double] = []
        var round = 0
        while picks.count < k, let top = heap.pop() {
            if fresh[top.item] == round {
                guard top.gain > 0 else { break }
                picks.append(top.item)
                gains.append(top.gain)
                for p in range(top.item) { covered[Int(groups[p])] = true }
                round += 1
                onPick(picks.count)
                continue
            }
            var g = 0.0
            for p in range(top.item) where !covered[Int(groups[p])] { g += weights[Int(groups[p])] }
            fresh[top.item] = round
            heap.push((g, top.item))
        }
        return (picks, gains)
    }

    /// Weight covered by a set of kept candidates.
    func coveredWeight(_ picks: [Int]) -> Double {
        var covered = [Bool](repeating: false, count: groupCount)
        var total = 0.0
        for c in picks {
            for p in range(c) where !covered[Int(groups[p])] {
                covered[Int(groups[p])] = true
                total += weights[Int(groups[p])]
            }
        }
        return total
    }

    /// Upper bound on the best weight coverable by `k` candidates given `picks` (Nemhauser, Wolsey & Fisher
    /// 1978): covered(picks) + the sum of the k largest marginal gains with respect to `picks`. O(p + n log k).
    func aPosterioriBound(picks: [Int], k: Int) -> Double {
        let m = marginalGains(given: picks)
        return m.base + largest(m.marginal, k).reduce(0, +)
    }

    /// The weight `picks` cover, and each kept candidate's marginal gain given them. O(p).
    func marginalGains(given picks: [Int]) -> (base: Double, marginal: [Double]) {
        var covered = [Bool](repeating: false, count: groupCount)
        var base = 0.0
        for c in picks {
            for p in range(c) where !covered[Int(groups[p])] {
                covered[Int(groups[p])] = true
                base += weights[Int(groups[p])]
            }
        }
        var marginal: [Double] = []
        marginal.reserveCapacity(candidateCount)
        for c in 0..<candidateCount {
            var g = 0.0
            for p in range(c) where !covered[Int(groups[p])] { g += weights[Int(groups[p])] }
            marginal.append(g)
        }
        return (base, marginal)
    }
}

/// The `k` largest values. O(n log n).
func largest(_ values: [Double], _ k: Int) -> [Double] {
    guard k > 0 else { return [] }
    if values.count <= k { return values }
    return Array(values.sorted(by: >).prefix(k))
}
