/// The budgeted maximum coverage problem on a reduced covering instance: each kept candidate has a cost,
/// the chosen set must cost at most the budget.
extension CoverInstance {
    /// Greedy by gain per euro (Khuller, Moss & Naor 1999, "The budgeted maximum coverage problem"): repeatedly
    /// the affordable candidate with the largest uncovered weight per unit cost (a free candidate with a positive
    /// gain first; ties: lowest index), a candidate that no longer fits being dropped for good, evaluated lazily
    /// (gains only fall, so ratios do too). Then the better of that and the best single affordable candidate,
    /// which is within `1 − 1/√e` (≈ 0.393) of the optimum. Returns kept-candidate positions.
    func budgetedGreedy(costs: [Double], budget: Double) -> (picks: [Int], usedSingle: Bool) {
        func ratio(_ gain: Double, _ c: Int) -> Double { costs[c] > 0 ? gain / costs[c] : (gain > 0 ? .infinity : 0) }
        let reach = (0..<candidateCount).map { c in range(c).reduce(0.0) { $0 + weights[Int(groups[$1])] } }
        var covered = [Bool](repeating: false, count: groupCount)
        var heap = GainHeap((0..<candidateCount).filter { costs[$0] <= budget }.map { (ratio(reach[$0], $0), $0) })
        var fresh = [Int](repeating: 0, count: candidateCount)
        var picks: [Int] = [], value = 0.0, remaining = budget, round = 0
        while let top = heap.pop() {
            guard costs[top.item] <= remaining else { continue }
            if fresh[top.item] == round {
                guard top.gain > 0 else { break }
                picks.append(top.item)
                remaining -= costs[top.item]
                for p in range(top.item) where !covered[Int(groups[p])] {
                    covered[Int(groups[p])] = true
                    value += weights[Int(groups[p])]
                }
                round += 1
                continue
            }
            var g = 0.0
            for p in range(top.item) where !covered[Int(groups[p])] { g += weights[Int(groups[p])] }
            fresh[top.item] = round
            heap.push((ratio(g, top.item), top.item))
        }
        var single = -1
        for c in 0..<candidateCount where costs[c] <= budget && (single < 0 || reach[c] > reach[single]) { single = c }
        if single >= 0, reach[single] > value { return ([single], true) }
        return (picks, false)
    }

    /// Upper bound on the best weight coverable within `budget` given `picks` (the online bound of Leskovec et
    /// al. 2007, "Cost-effective outbreak detection in networks", from submodularity): covered(picks) plus the
    /// fractional knapsack of the marginal gains with respect to `picks` (by gain per euro, the last item
    /// taken in part). O(p + n log n).
    func budgetedBound(picks: [Int], costs: [Double], budget: Double) -> Double {
        let (base, marginal) = marginalGains(given: picks)
        var items: [(gain: Double, cost: Double)] = []
        for c in 0..<candidateCount where costs[c] <= budget && marginal[c] > 0 { items.append((marginal[c], costs[c])) }
        // Free items first (all taken whole), then by gain per euro.
        func key(_ item: (gain: Double, cost: Double)) -> Double { item.cost > 0 ? item.gain / item.cost : .infinity }
        items.sort { key($0) > key($1) }
        var room = budget, extra = 0.0
        for item in items {
            if item.cost <= room {
                extra += item.gain
                room -= item.cost
            } else {
                extra += item.gain * room / item.cost
                break
            }
        }
        return base + extra
    }
}
