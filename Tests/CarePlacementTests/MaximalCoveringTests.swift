import CareModel
import Testing
@testable import CarePlacement

@Suite("MCLP")
struct MaximalCoveringTests {
    @Test("exact equals brute force over all k-subsets", arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func exactMatchesBruteForce(seed: UInt64) throws {
        let t = TestInstance(seed: seed, demand: 60, existing: 3, candidates: 10)
        let problem = try t.problem()
        for k in [1, 2, 3, 4] {
            let best = subsets(10, k).map(t.mclpValue).max() ?? 0
            let r = try place(problem, objective: .mclp, k: k, method: .exact)
            #expect(r.provenOptimal)
            #expect(abs(r.value - best) < 1e-6, "seed \(seed) k \(k): \(r.value) vs brute force \(best)")
            #expect(abs(t.mclpValue(r.chosenCandidates) - r.value) < 1e-6)
            #expect(r.chosenCandidates.count == k)
            #expect(abs(r.stepGains.reduce(0, +) - r.value) < 1e-6)
            #expect((r.gap ?? 1) < 1e-9)
        }
    }

    @Test("greedy: never above the optimum, at least (1 − 1/e) of it, bound above the optimum", arguments: [11, 12, 13, 14, 15] as [UInt64])
    func greedyBounds(seed: UInt64) throws {
        let t = TestInstance(seed: seed, demand: 80, existing: 2, candidates: 10, threshold: 8)
        let problem = try t.problem()
        for k in [2, 3, 5] {
            let best = subsets(10, k).map(t.mclpValue).max() ?? 0
            let g = try place(problem, objective: .mclp, k: k, method: .greedy)
            #expect(g.value <= best + 1e-6)
            #expect(g.value >= (1 - 1 / 2.718281828459045) * best - 1e-6)
            #expect(abs(t.mclpValue(g.chosenCandidates) - g.value) < 1e-6)
            let bound = try #require(g.bound)
            #expect(bound >= best - 1e-6)
            #expect(g.gap ?? -1 >= 0)
        }
    }

    @Test("greedy picks the largest gain first, like the reference harness's greedy (ties: lowest index)")
    func greedyOrder() throws {
        let t = TestInstance(seed: 21, demand: 100, existing: 2, candidates: 10, threshold: 8)
        let g = try place(try t.problem(), objective: .mclp, k: 4, method: .greedy)
        var chosen: [Int] = []
        for _ in 0..<4 {
            let base = t.mclpValue(chosen)
            let gains = (0..<10).map { chosen.contains($0) ? -1 : t.mclpValue(chosen + [$0]) - base }
            let best = gains.indices.max { gains[$0] < gains[$1] || (gains[$0] == gains[$1] && $0 > $1) } ?? 0
            if gains[best] <= 0 { break }
            chosen.append(best)
        }
        #expect(Array(g.chosenCandidates.prefix(chosen.count)) == chosen)
    }

    @Test("a tight time limit returns k distinct sites, a proven bound and a non-negative gap")
    func timeLimit() throws {
        // 1,000 candidates with heavily overlapping catchments: CBC does not prove this in 0.2 s.
        let t = TestInstance(seed: 31, demand: 4_000, existing: 0, candidates: 1_000, sideKm: 100, threshold: 10)
        let r = try place(try t.problem(), objective: .mclp, k: 25, method: .exact, timeLimit: 0.2)
        #expect(r.chosenCandidates.count == 25)
        #expect(Set(r.chosenCandidates).count == 25)
        #expect(abs(t.mclpValue(r.chosenCandidates) - r.value) < 1e-6)
        let gap = try #require(r.gap)
        #expect(gap >= 0)
        #expect(try #require(r.bound) >= r.value)
        #expect(r.provenOptimal || r.notes.contains(.timeLimit(.solution)))
        let greedy = try place(try t.problem(), objective: .mclp, k: 25, method: .greedy)
        #expect(r.value >= greedy.value, "the exact path starts from the greedy solution")
    }

    @Test("k larger than needed: every reachable uncovered point is covered, extra sites have gain 0")
    func padding() throws {
        let t = TestInstance(seed: 41, demand: 5, existing: 0, candidates: 10, sideKm: 5, threshold: 10)
        let r = try place(try t.problem(), objective: .mclp, k: 3, method: .exact)
        #expect(r.value == t.population.reduce(0, +))
        #expect(r.stepGains.dropFirst() == [0, 0])
        #expect(r.chosenCandidates.count == 3)
    }
}
