import CareGeo
import CareModel
import Testing
@testable import CarePlacement

@Suite("Accessibility placement")
struct AccessibilityPlacementTests {
    @Test("lifted population equals a full recomputation with the chosen sites added", arguments: [1, 2, 3] as [UInt64])
    func matchesRecomputation(seed: UInt64) throws {
        let t = TestInstance(seed: seed, demand: 80, existing: 4, candidates: 15, sideKm: 50, threshold: 20)
        let problem = try t.problem()
        for method in [AccessibilityMethod.twoStep, .enhanced(.step(.drees)), .apl(APLOptions(referenceYear: 2026))] {
            let mark = method.name == "APL" ? 2.5 : 5.0
            let goal = AccessibilityGoal(method: method, underServed: mark, gpsPerSite: 2)
            let r = try place(problem, objective: .accessibility(goal), k: 3, method: .greedy)
            #expect(r.chosenCandidates.count == 3)
            #expect(r.bound == nil && !r.provenOptimal)
            let before = lifted(problem, method: method, added: [], gps: 2, mark: mark)
            let after = lifted(problem, method: method, added: r.chosenCandidates, gps: 2, mark: mark)
            #expect(abs(r.baseline - before) < 1e-6)
            #expect(abs(r.value - (after - before)) < 1e-6, "\(method.name): \(r.value) vs \(after - before)")
            #expect(abs(r.stepGains.reduce(0, +) - r.value) < 1e-6)
            // Greedy's first pick is the single best site.
            let singles = (0..<t.candidates.count).map { lifted(problem, method: method, added: [$0], gps: 2, mark: mark) - before }
            #expect(abs(r.stepGains[0] - (singles.max() ?? 0)) < 1e-6)
        }
    }

    @Test("age-standardised APL demand: the catchments use it, the lifted population counts inhabitants", arguments: [4, 5] as [UInt64])
    func standardisedDemandMatchesRecomputation(seed: UInt64) throws {
        let t = TestInstance(seed: seed, demand: 80, existing: 4, candidates: 15, sideKm: 50, threshold: 20)
        var problem = try t.problem()
        var o = APLOptions(referenceYear: 2026)
        // SYNTHETIC standardisation factors 0.7…1.4 by demand point.
        let codes = problem.demand.indices.map { "c\($0)" }
        let factors = problem.demand.indices.map { 0.7 + 0.7 * Double(($0 * 37) % 11) / 10 }
        o.demand = .communes(Dictionary(uniqueKeysWithValues: codes.indices.map { (codes[$0], problem.population[$0] * factors[$0]) }),
                             source: "synthetic")
        let goal = AccessibilityGoal(method: .apl(o), underServed: 2.5, gpsPerSite: 2)
        #expect(throws: PlacementError.self) { try place(problem, objective: .accessibility(goal), k: 3, method: .greedy) }
        problem.codes = codes
        let r = try place(problem, objective: .accessibility(goal), k: 3, method: .greedy)
        let before = lifted(problem, method: .apl(o), added: [], gps: 2, mark: 2.5, factors: factors)
        let after = lifted(problem, method: .apl(o), added: r.chosenCandidates, gps: 2, mark: 2.5, factors: factors)
        #expect(abs(r.baseline - before) < 1e-6)
        #expect(abs(r.value - (after - before)) < 1e-6)
        #expect(r.notes.starts(with: [.greedyAccessibility(budgeted: false),
                                     .aplDemand(o.demand, activityPerGP: o.activityPerGP, activitySource: o.activitySource)]))
    }

    /// Population at or above the mark, recomputed from scratch with CareModel's indicator (demand in the
    /// catchments: population × `factors` when given).
    func lifted(_ p: PlacementProblem, method: AccessibilityMethod, added: [Int], gps: Double, mark: Double,
                factors: [Double]? = nil) -> Double {
        var sites = p.existing
        for c in added {
            let place = p.candidates[c].place
            sites.append(SupplySite(id: "new\(c)", communeCode: nil, departement: nil, point: place.point, crs: place.crs, gps: gps))
        }
        let decay: DistanceDecay, supply: [Double]
        switch method {
        case .apl(let o):
            decay = .step(o.weights)
            supply = sites.map { o.supply(of: $0).activity }
        case .enhanced(let d):
            decay = d
            supply = sites.map(\.gps)
        default:
            decay = .binary
            supply = sites.map(\.gps)
        }
        guard let c = try? p.model.catchments(from: sites.map(\.place), to: p.demand, within: p.threshold),
              let fca = try? AccessibilityProblem(demand: factors.map { zip(p.population, $0).map { $0 * $1 } } ?? p.population,
                                                  supply: supply, catchments: c).twoStep(decay: decay)
        else { return .nan }
        return p.demand.indices.reduce(0) { $0 + (fca.scores[$1] * method.reportingScale >= mark ? p.population[$1] : 0) }
    }
}
