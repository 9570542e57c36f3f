import CareModel

extension AccessibilityPlacement {
    /// The greedy's state: the scores so far, each open candidate's gain, and the picks. A pick adds its
    /// candidate's scores and re-evaluates only the candidates that share a demand point with it.
    struct Greedy {
        /// The candidates' catchments (candidate → demand pairs).
        let catchments: Catchments
        /// The score each pair of ``catchments`` adds, in reporting units.
        let delta: [Double]
        /// Demand → candidates (the transpose of ``catchments``): the candidates reaching point i are
        /// `byDemand[start[i]..<start[i + 1]]`.
        let start: [Int], byDemand: [Int32]
        /// Whether each demand point counts in the objective, and its inhabitants.
        let counted: [Bool], population: [Double]
        /// The under-served mark, in reporting units.
        let mark: Double
        /// Each candidate's cost in euros with a budget, else `nil`.
        let costs: [Double]?
        /// Every demand point's score with the existing and the chosen sites.
        private(set) var scores: [Double]
        /// Each candidate's gain now: population lifted to the mark, and progress toward it.
        private var gains: [(lifted: Double, progress: Double)] = []
        private var isChosen: [Bool]
        /// The chosen candidates in pick order, and the population each pick lifted.
        private(set) var chosen: [Int] = [], stepGains: [Double] = []
        /// The budget left, in euros (0 without one).
        private var remaining: Double

        init(catchments: Catchments, delta: [Double], demandCount: Int, counted: [Bool], population: [Double],
             mark: Double, scores: [Double], costs: [Double]?, budget: Double?) {
            self.catchments = catchments
            self.delta = delta
            var start = [Int](repeating: 0, count: demandCount + 1)
            for i in catchments.demand { start[Int(i) + 1] += 1 }
            for i in 0..<demandCount { start[i + 1] += start[i] }
            var fill = start
            var byDemand = [Int32](repeating: 0, count: catchments.pairCount)
            for j in 0..<catchments.siteCount {
                for p in catchments.range(of: j) {
                    byDemand[fill[Int(catchments.demand[p])]] = Int32(j)
                    fill[Int(catchments.demand[p])] += 1
                }
            }
            self.start = start
            self.byDemand = byDemand
            self.counted = counted
            self.population = population
            self.mark = mark
            self.scores = scores
            self.costs = costs
            self.remaining = budget ?? 0
            self.isChosen = [Bool](repeating: false, count: catchments.siteCount)
            self.gains = (0..<catchments.siteCount).map(evaluate)
        }

        /// Candidate j's gain with the current scores: the counted population it lifts to the mark, and
        /// Σ P_i · min(Δ_i, mark − A_i) over the counted points still below it.
        func evaluate(_ j: Int) -> (lifted: Double, progress: Double) {
            var lifted = 0.0, progress = 0.0
            for p in catchments.range(of: j) {
                let i = Int(catchments.demand[p])
                guard counted[i], scores[i] < mark else { continue }
                if scores[i] + delta[p] >= mark { lifted += population[i] }
                progress += population[i] * min(delta[p], mark - scores[i])
            }
            return (lifted, progress)
        }

        /// The ranking key: the gains, or with a budget the gains per euro (a free site that helps first).
        private func key(_ j: Int) -> (lifted: Double, progress: Double) {
            guard let costs else { return gains[j] }
            func perEuro(_ v: Double) -> Double { costs[j] > 0 ? v / costs[j] : (v > 0 ? .infinity : 0) }
            return (perEuro(gains[j].lifted), perEuro(gains[j].progress))
        }

        /// Picks the best open candidate that fits the budget and helps (lifts or makes progress); `false` when
        /// none does.
        mutating func pick() -> Bool {
            var best = -1
            for j in 0..<catchments.siteCount where !isChosen[j] && (costs.map { $0[j] <= remaining } ?? true) {
                let a = key(j)
                guard best >= 0 else { best = j; continue }
                let b = key(best)
                if a.lifted > b.lifted || (a.lifted == b.lifted && a.progress > b.progress) { best = j }
            }
            guard best >= 0, gains[best].lifted > 0 || gains[best].progress > 0 else { return false }
            chosen.append(best)
            stepGains.append(gains[best].lifted)
            isChosen[best] = true
            if let costs { remaining -= costs[best] }
            var affected = Set<Int>()
            for p in catchments.range(of: best) {
                let i = Int(catchments.demand[p])
                scores[i] += delta[p]
                for q in start[i]..<start[i + 1] { affected.insert(Int(byDemand[q])) }
            }
            for j in affected where !isChosen[j] { gains[j] = evaluate(j) }
            return true
        }
    }
}
