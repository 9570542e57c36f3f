import CareModel
import Testing
@testable import CarePlacement

@Suite("p-median")
struct PMedianTests {
    @Test("exact equals brute force; local search never worse than greedy and never below the optimum",
          arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func exactAndHeuristics(seed: UInt64) throws {
        let t = TestInstance(seed: seed, demand: 50, existing: 2, candidates: 10, sideKm: 40)
        let problem = try t.problem()
        for k in [1, 2, 3, 4] {
            let best = subsets(10, k).map(t.pMedianValue).min() ?? 0
            let exact = try place(problem, objective: .pMedian, k: k, method: .exact)
            #expect(exact.provenOptimal)
            #expect(abs(exact.value - best) <= 1e-6 * best, "seed \(seed) k \(k): \(exact.value) vs \(best)")
            #expect(abs(t.pMedianValue(exact.chosenCandidates) - exact.value) <= 1e-6 * best)
            let greedy = try place(problem, objective: .pMedian, k: k, method: .greedy)
            let local = try place(problem, objective: .pMedian, k: k, method: .localSearch)
            #expect(local.value <= greedy.value + 1e-6 * best)
            #expect(local.value >= best - 1e-6 * best)
            #expect(abs(t.pMedianValue(local.chosenCandidates) - local.value) <= 1e-6 * best)
            #expect(abs(t.pMedianValue(greedy.chosenCandidates) - greedy.value) <= 1e-6 * best)
            for r in [greedy, local] {
                let bound = try #require(r.bound)
                #expect(bound <= best + 1e-6 * best, "the bound is a lower bound on the weighted minutes")
                #expect(r.gap ?? -1 >= 0)
                #expect(abs(r.baseline - r.stepGains.reduce(0, +) - r.value) <= 1e-6 * best)
            }
        }
    }

    @Test("local search improves on a poor start and reaches a swap-local optimum")
    func localSearchFromPoorStart() throws {
        let t = TestInstance(seed: 77, demand: 120, existing: 1, candidates: 12, sideKm: 60)
        let problem = try t.problem()
        let setup = try DistanceSetup(problem)
        let inst = MedianInstance(setup, weights: problem.weights)
        let start = Array(0..<min(3, inst.candidateCount))
        let improved = inst.localSearch(start: start)
        #expect(inst.savings(improved) >= inst.savings(start))
        // No single swap improves the result.
        for out in improved.indices {
            for c in 0..<inst.candidateCount where !improved.contains(c) {
                var s = improved
                s[out] = c
                #expect(inst.savings(s) <= inst.savings(improved) + 1e-6)
            }
        }
    }

    @Test("no existing site: demand counts at the horizon until a candidate serves it")
    func noExisting() throws {
        var t = TestInstance(seed: 5, demand: 30, existing: 0, candidates: 8, sideKm: 20)
        t.threshold = 10
        let problem = try t.problem(maxRadius: 200)
        let r = try place(problem, objective: .pMedian, k: 2, method: .exact)
        let best = subsets(8, 2).map { s in
            t.demand.indices.reduce(0.0) { acc, i in
                acc + t.population[i] * min(200, s.map { t.minutes(t.demand[i], t.candidates[$0]) }.min() ?? 200)
            }
        }.min() ?? 0
        #expect(abs(r.value - best) <= 1e-6 * best)
        #expect(r.notes.contains(.unreachedByExisting(points: 30, horizon: 200)))
    }
}
