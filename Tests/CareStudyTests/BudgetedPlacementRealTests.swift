import CareGeo
import CareModel
import CarePlacement
import CareStudy
import CareTestSupport
import Foundation
import Testing

/// Budgeted MCLP on a real département (issue 16, item 2): the Ardennes fixture (real communes, populations
/// and BPE GPs), 14 candidates, synthetic costs. The exact optimum must equal brute force over all 2^14
/// subsets, with the minutes computed here from the Lambert-93 points (not through the placement code).
@Suite("budgeted MCLP on the Ardennes")
struct BudgetedPlacementRealTests {
    static let fixture = PackageRoot.fixture("ardennes")
    static let threshold = 10.0

    struct Instance {
        var problem: PlacementProblem
        /// Per candidate, the (beyond-T) studied communes it brings within T.
        var reaches: [Set<Int>]
        var population: [Int: Double]
        var costs: [Double]
    }

    static func instance() throws -> Instance {
        let study = try Study.load(territoryPath: fixture + "/communes.csv", supplyPath: fixture + "/gp.csv", departements: ["08"])
        let model = try CrowFlyModel(speedKmh: 60, circuity: 1.3, threads: 1)
        let communes = study.territory.communes
        func minutes(_ a: ProjectedPoint, _ b: ProjectedPoint) -> Double {
            model.minutes(forMetres: ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot())
        }
        let sites = study.supply.sites.filter { $0.gps > 0 }
        // Studied communes beyond T of every existing GP.
        let beyond = study.demand.filter { i in !sites.contains { minutes(communes[i].point, $0.point) <= threshold } }
        // Candidates: the 14 most populous of those communes (ties by code), each at its point.
        let picked = beyond.sorted { (communes[$0].population, communes[$1].code) > (communes[$1].population, communes[$0].code) }.prefix(14)
        // Synthetic costs (labelled: not real prices): 80,000 € to 360,000 € by the commune's position.
        let costs = picked.indices.map { Double(80_000 + 40_000 * (($0 * 5) % 8)) }
        var candidates = picked.map { PlacementCandidate(id: communes[$0].code, place: communes[$0].place, communeCode: communes[$0].code) }
        for j in candidates.indices { candidates[j].cost = costs[j] }
        let reaches = picked.map { j in Set(beyond.filter { minutes(communes[$0].point, communes[j].point) <= threshold }) }
        let problem = try PlacementProblem(territory: study.territory, studied: study.demand, sites: study.supply.sites,
                                           candidates: candidates, model: model, threshold: threshold)
        return Instance(problem: problem, reaches: reaches,
                        population: Dictionary(uniqueKeysWithValues: beyond.map { ($0, Double(communes[$0].population)) }),
                        costs: costs)
    }

    @Test func exactEqualsBruteForceAndGreedyStaysWithinItsBound() throws {
        let inst = try Self.instance()
        #expect(inst.reaches.count == 14)
        for budget in [250_000.0, 600_000, 1_000_000] {
            var best = 0.0
            for mask in 0..<(1 << 14) {
                let chosen = (0..<14).filter { mask & (1 << $0) != 0 }
                guard chosen.reduce(0.0, { $0 + inst.costs[$1] }) <= budget else { continue }
                let covered = chosen.reduce(into: Set<Int>()) { $0.formUnion(inst.reaches[$1]) }
                best = max(best, covered.reduce(0.0) { $0 + (inst.population[$1] ?? 0) })
            }
            #expect(best > 0)
            let e = try place(inst.problem, objective: .mclp, budget: budget, method: .exact)
            #expect(e.provenOptimal)
            #expect(e.value == best, "budget \(budget): exact \(e.value), brute force \(best)")
            #expect((e.cost ?? .infinity) <= budget)
            let g = try place(inst.problem, objective: .mclp, budget: budget, method: .greedy)
            #expect(g.value <= best)
            #expect(try #require(g.bound) >= best)
        }
    }
}
