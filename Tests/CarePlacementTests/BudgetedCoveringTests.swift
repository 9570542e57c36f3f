import CareKernel
import CareGeo
import CareModel
import Testing
@testable import CarePlacement

/// Budgeted MCLP (issue 16, item 2) against brute force over every subset within the budget.
@Suite("budgeted MCLP")
struct BudgetedCoveringTests {
    /// Candidate costs (synthetic, like the instance): 50,000 to 300,000 € in steps of 10,000.
    static func costed(_ t: TestInstance, seed: UInt64) throws -> PlacementProblem {
        var problem = try t.problem()
        var rng = SplitMix64(seed: seed &* 7919)
        for j in problem.candidates.indices { problem.candidates[j].cost = Double(Int.random(in: 5...30, using: &rng) * 10_000) }
        return problem
    }

    /// The best covered population over every subset of candidates whose costs sum to at most `budget`.
    static func bruteForce(_ t: TestInstance, costs: [Double], budget: Double) -> Double {
        var best = 0.0
        for mask in 0..<(1 << costs.count) {
            let chosen = costs.indices.filter { mask & (1 << $0) != 0 }
            guard chosen.reduce(0.0, { $0 + costs[$1] }) <= budget else { continue }
            best = max(best, t.mclpValue(chosen))
        }
        return best
    }

    @Test("exact equals brute force; greedy within 1 − 1/√e of it, its bound above it", arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func exactMatchesBruteForce(seed: UInt64) throws {
        let t = TestInstance(seed: seed, demand: 60, existing: 3, candidates: 10, threshold: 8)
        let problem = try Self.costed(t, seed: seed)
        let costs = problem.candidates.compactMap(\.cost)
        for budget in [40_000.0, 150_000, 300_000, 500_000] {
            let best = Self.bruteForce(t, costs: costs, budget: budget)
            let e = try place(problem, objective: .mclp, budget: budget, method: .exact)
            #expect(e.provenOptimal)
            #expect(abs(e.value - best) < 1e-6, "seed \(seed) budget \(budget): \(e.value) vs brute force \(best)")
            #expect(abs(t.mclpValue(e.chosenCandidates) - e.value) < 1e-6)
            let cost = e.chosenCandidates.reduce(0.0) { $0 + costs[$1] }
            #expect(cost <= budget)
            #expect(e.cost == cost)
            #expect(e.budget == budget)
            #expect(abs(e.stepGains.reduce(0, +) - e.value) < 1e-6)
            let g = try place(problem, objective: .mclp, budget: budget, method: .greedy)
            #expect(g.value <= best + 1e-6)
            #expect(g.value >= BudgetedCovering.greedyFactor * best - 1e-6)
            #expect(abs(t.mclpValue(g.chosenCandidates) - g.value) < 1e-6)
            #expect(g.chosenCandidates.reduce(0.0) { $0 + costs[$1] } <= budget)
            let bound = try #require(g.bound)
            #expect(bound >= best - 1e-6, "seed \(seed) budget \(budget): bound \(bound) below the optimum \(best)")
        }
    }

    /// Greedy by gain per euro alone can be arbitrarily bad: a cheap site covering a little beats, per euro,
    /// the one site covering everyone that the budget allows. The best single site rescues it.
    @Test func theBestSingleSiteRuleRescuesGreedy() throws {
        // A (10 inhabitants) at 0 km, B (1,000) at 10 km; c0 at A reaches only A within 10 min (B is 13 min away
        // at 60 km/h × 1.3), c1 at 5 km reaches both (6.5 min).
        func at(_ km: Double) -> Place { TestInstance.place(ProjectedPoint(x: 700_000 + km * 1000, y: 6_400_000)) }
        var problem = try PlacementProblem(
            demand: [at(0), at(10)], population: [10, 1_000], existing: [],
            candidates: [PlacementCandidate(id: "c0", place: at(0), cost: 0.5), PlacementCandidate(id: "c1", place: at(5), cost: 100)],
            model: CrowFlyModel(speedKmh: 60, circuity: 1.3, threads: 1), threshold: 10)
        let g = try place(problem, objective: .mclp, budget: 100, method: .greedy)
        #expect(g.chosenIDs == ["c1"])
        #expect(g.value == 1_010)
        #expect(g.notes.contains(.budgetedGreedy(bestSingleSite: true)))
        // With room for both, gain per euro takes the cheap one first and then the other.
        let both = try place(problem, objective: .mclp, budget: 100.5, method: .greedy)
        #expect(Set(both.chosenIDs) == ["c0", "c1"])
        #expect(both.value == 1_010)
        // A free site that covers anyone is always taken.
        problem.candidates[0].cost = 0
        let free = try place(problem, objective: .mclp, budget: 50, method: .exact)
        #expect(free.chosenIDs == ["c0"])
        #expect(free.cost == 0)
        #expect(free.value == 10)
    }

    @Test func nothingAffordableChoosesNothing() throws {
        let t = TestInstance(seed: 3, demand: 30, existing: 1, candidates: 5)
        let problem = try Self.costed(t, seed: 3)
        for m in [PlacementMethod.greedy, .exact] {
            let r = try place(problem, objective: .mclp, budget: 1_000, method: m)
            #expect(r.chosenCandidates.isEmpty)
            #expect(r.value == 0)
            #expect(r.bound == 0)
            #expect(r.notes.contains(.nothingAffordable(.coversAnyoneNew)))
        }
    }

    @Test(arguments: [0, -5, Double.nan, Double.infinity])
    func badBudgetsAreRefused(budget: Double) throws {
        let problem = try Self.costed(TestInstance(seed: 1, demand: 10, existing: 1, candidates: 3), seed: 1)
        #expect(throws: PlacementError.invalidParameter(name: "budget", value: "\(budget)", reason: "must be a finite number of euros > 0")) {
            try place(problem, objective: .mclp, budget: budget, method: .greedy)
        }
    }

    @Test func missingAndNegativeCostsAreRefused() throws {
        var problem = try Self.costed(TestInstance(seed: 1, demand: 10, existing: 1, candidates: 3), seed: 1)
        problem.candidates[1].cost = nil
        #expect(throws: PlacementError.invalidParameter(name: "cost of candidate", value: "c1", reason: "a budgeted placement needs a cost for every candidate")) {
            try place(problem, objective: .mclp, budget: 100_000, method: .exact)
        }
        problem.candidates[1].cost = -1
        #expect(throws: PlacementError.invalidParameter(name: "cost of candidate c1", value: "-1.0", reason: "must be finite and ≥ 0")) {
            try place(problem, objective: .mclp, budget: 100_000, method: .exact)
        }
        #expect(throws: PlacementError.self) { try place(problem, objective: .pMedian, budget: 100_000, method: .exact) }
    }
}

/// The accessibility objective within a budget: greedy by lifted population per euro.
@Suite("budgeted accessibility placement")
struct BudgetedAccessibilityTests {
    @Test("the choice fits the budget and its value is a full recomputation's", arguments: [1, 2, 3] as [UInt64])
    func fitsAndMatchesRecomputation(seed: UInt64) throws {
        let t = TestInstance(seed: seed, demand: 80, existing: 4, candidates: 15, sideKm: 50, threshold: 20)
        let problem = try BudgetedCoveringTests.costed(t, seed: seed)
        let costs = problem.candidates.compactMap(\.cost)
        let method = AccessibilityMethod.enhanced(.step(.drees))
        let goal = AccessibilityGoal(method: method, underServed: 5, gpsPerSite: 2)
        for budget in [100_000.0, 400_000] {
            let r = try place(problem, objective: .accessibility(goal), budget: budget, method: .greedy)
            let cost = r.chosenCandidates.reduce(0.0) { $0 + costs[$1] }
            #expect(cost <= budget)
            #expect(r.cost == cost)
            func lifted(_ p: PlacementProblem, _ m: AccessibilityMethod, _ added: [Int], _ gps: Double, _ mark: Double) -> Double {
                AccessibilityPlacementTests().lifted(p, method: m, added: added, gps: gps, mark: mark)
            }
            let before = lifted(problem, method, [], 2, 5)
            let after = lifted(problem, method, r.chosenCandidates, 2, 5)
            #expect(abs(r.value - (after - before)) < 1e-6)
            // Nothing left out still fits and would lift anyone more: greedy stops only when no site helps or fits.
            let left = (0..<15).filter { !r.chosenCandidates.contains($0) && costs[$0] <= budget - cost }
            for j in left {
                #expect(lifted(problem, method, r.chosenCandidates + [j], 2, 5) <= after + 1e-6)
            }
        }
    }

    /// With equal costs, gain per euro is gain: the budget of k sites chooses what k = 3 chooses.
    @Test func equalCostsChooseLikeK() throws {
        let t = TestInstance(seed: 7, demand: 80, existing: 4, candidates: 15, sideKm: 50, threshold: 20)
        var problem = try t.problem()
        for j in problem.candidates.indices { problem.candidates[j].cost = 100_000 }
        let goal = AccessibilityGoal(method: .twoStep, underServed: 5, gpsPerSite: 2)
        let byK = try place(problem, objective: .accessibility(goal), k: 3, method: .greedy)
        let byBudget = try place(problem, objective: .accessibility(goal), budget: 300_000, method: .greedy)
        let useful = byK.stepGains.filter { $0 > 0 }.count
        #expect(Array(byBudget.chosenCandidates.prefix(useful)) == Array(byK.chosenCandidates.prefix(useful)))
        #expect(byBudget.chosenCandidates.count <= 3)
        #expect(byBudget.value == byK.value)
    }
}
