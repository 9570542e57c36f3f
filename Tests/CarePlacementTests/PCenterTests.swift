import CareModel
import Testing
@testable import CarePlacement

@Suite("p-center")
struct PCenterTests {
    @Test("bisection with exact LSCP equals brute force", arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func exactMatchesBruteForce(seed: UInt64) throws {
        let t = TestInstance(seed: seed, demand: 40, existing: 2, candidates: 10, sideKm: 40)
        let problem = try t.problem()
        for k in [1, 2, 3] {
            let best = subsets(10, k).map(t.pCenterValue).min() ?? 0
            let r = try place(problem, objective: .pCenter, k: k, method: .exact)
            #expect(r.provenOptimal)
            #expect(abs(r.value - best) < 1e-9, "seed \(seed) k \(k): \(r.value) vs \(best)")
            #expect(abs(t.pCenterValue(r.chosenCandidates) - r.value) < 1e-9)
            #expect(r.chosenCandidates.count == k)
            let greedy = try place(problem, objective: .pCenter, k: k, method: .greedy)
            #expect(greedy.value >= best - 1e-9)
            #expect(try #require(greedy.bound) <= best + 1e-9)
        }
    }
}
