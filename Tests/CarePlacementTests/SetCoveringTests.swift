import CareGeo
import CareModel
import Testing
@testable import CarePlacement

@Suite("LSCP")
struct SetCoveringTests {
    @Test("exact finds the fewest sites (brute force) and covers every reachable point", arguments: [1, 2, 3, 4, 5] as [UInt64])
    func fewestSites(seed: UInt64) throws {
        let t = TestInstance(seed: seed, demand: 40, existing: 1, candidates: 10, sideKm: 30, threshold: 9)
        let r = try place(try t.problem(), objective: .lscp, k: 1, method: .exact)
        let fewest = (0...10).first { k in subsets(10, k).contains(where: t.covers) } ?? -1
        #expect(r.provenOptimal)
        #expect(Int(r.value) == fewest)
        #expect(r.chosenCandidates.count == fewest)
        #expect(t.covers(r.chosenCandidates))
        let greedy = try place(try t.problem(), objective: .lscp, k: 1, method: .greedy)
        #expect(t.covers(greedy.chosenCandidates))
        #expect(greedy.value >= r.value)
    }

    @Test("reports the demand no candidate and no existing site can reach")
    func uncoverable() throws {
        let model = try CrowFlyModel(threads: 1)
        let p = { (x: Double) in Place(point: ProjectedPoint(x: 700_000 + x, y: 6_500_000), crs: .lambert93) }
        // Demand at 0, 5 km and 100 km; candidates at 0 and 5 km; T = 10 min ≈ 7.7 km.
        let problem = try PlacementProblem(
            demand: [p(0), p(5_000), p(100_000)], population: [100, 200, 300], existing: [],
            candidates: [PlacementCandidate(id: "a", place: p(0)), PlacementCandidate(id: "b", place: p(5_000))],
            model: model, threshold: 10)
        let r = try place(problem, objective: .lscp, k: 1, method: .exact)
        #expect(r.uncoverable == [2])
        #expect(r.value == 1)
        #expect(r.chosenIDs == ["a"])
        let m = try place(problem, objective: .mclp, k: 1, method: .exact)
        #expect(m.uncoverable == [2])
        #expect(m.value == 300)
    }
}
