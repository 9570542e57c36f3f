import CareGeo
import CareModel
import Testing
@testable import CarePlacement

@Suite("Placement errors")
struct ErrorTests {
    let t = TestInstance(seed: 9, demand: 20, existing: 1, candidates: 6)

    @Test("k < 1 and k > candidates are rejected", arguments: [0, -1, 7])
    func badK(k: Int) throws {
        let problem = try t.problem()
        for objective in [PlacementObjective.mclp, .pMedian, .pCenter] {
            #expect(throws: PlacementError.invalidK(k: k, candidates: 6)) {
                try place(problem, objective: objective, k: k, method: .exact)
            }
        }
    }

    @Test("no candidates, duplicate ids, bad threshold")
    func badProblems() throws {
        let model = try CrowFlyModel(threads: 1)
        let d = Place(point: ProjectedPoint(x: 700_000, y: 6_500_000), crs: .lambert93)
        #expect(throws: PlacementError.noCandidates) {
            try PlacementProblem(demand: [d], population: [1], existing: [], candidates: [], model: model, threshold: 10)
        }
        #expect(throws: PlacementError.duplicateCandidate(id: "a")) {
            try PlacementProblem(demand: [d], population: [1], existing: [],
                                 candidates: [PlacementCandidate(id: "a", place: d), PlacementCandidate(id: "a", place: d)],
                                 model: model, threshold: 10)
        }
        #expect(throws: PlacementError.self) {
            try PlacementProblem(demand: [d], population: [1], existing: [], candidates: [PlacementCandidate(id: "a", place: d)],
                                 model: model, threshold: 0)
        }
        #expect(throws: PlacementError.self) {
            try PlacementProblem(demand: [d], population: [-1], existing: [], candidates: [PlacementCandidate(id: "a", place: d)],
                                 model: model, threshold: 10)
        }
    }

    @Test("methods that do not apply are rejected")
    func badMethod() throws {
        let problem = try t.problem()
        #expect(throws: PlacementError.self) { try place(problem, objective: .mclp, k: 2, method: .localSearch) }
        let goal = AccessibilityGoal(method: .twoStep, underServed: 5, gpsPerSite: 1)
        #expect(throws: PlacementError.self) { try place(problem, objective: .accessibility(goal), k: 2, method: .exact) }
        let three = AccessibilityGoal(method: .threeStep(.binary), underServed: 5, gpsPerSite: 1)
        #expect(throws: PlacementError.self) { try place(problem, objective: .accessibility(three), k: 2, method: .greedy) }
        #expect(throws: PlacementError.self) { try place(problem, objective: .mclp, k: 2, method: .exact, timeLimit: 0) }
    }
}
