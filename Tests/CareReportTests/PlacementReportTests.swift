import CareModel
import CarePlacement
import CareStudy
import Testing

@testable import CareReport

/// `careaccess place --k 5 --objective mclp --threshold 10` on the embedded Ardèche fixture, end to end below
/// the argument parser: the study, both methods, the report text and CSV.
struct PlacementReportTests {
    static let threshold = 10.0

    /// Population of the studied communes within `threshold` of any of `places` (brute force, crow-fly).
    static func covered(_ study: Study, by places: [Place], model: CrowFlyModel) -> Double {
        var total = 0.0
        for i in study.demand {
            let c = study.territory.communes[i]
            let reached = places.contains { p in
                let dx = c.point.x - p.point.x, dy = c.point.y - p.point.y
                return p.crs == c.crs && model.minutes(forMetres: (dx * dx + dy * dy).squareRoot()) <= threshold
            }
            if reached { total += Double(c.population) }
        }
        return total
    }

    @Test func ardecheMCLPReportsTheProvenOptimumAndTheGreedyGap() throws {
        let study = try Study.load(territoryPath: nil, supplyPath: nil, departements: [])
        let model = try CrowFlyModel()
        let problem = try PlacementProblem(territory: study.territory, studied: study.demand, sites: study.supply.sites,
                                           model: model, threshold: Self.threshold)
        let greedy = try place(problem, objective: .mclp, k: 5, method: .greedy)
        let exact = try place(problem, objective: .mclp, k: 5, method: .exact, timeLimit: 60)
        #expect(exact.provenOptimal)
        #expect(exact.chosenCandidates.count == 5)
        #expect(greedy.value <= exact.value + 1e-9)

        // The reported values are what the chosen sites really cover (brute force over every commune and site).
        let existing = problem.existing.map(\.place)
        let before = Self.covered(study, by: existing, model: model)
        #expect(abs(exact.baseline - before) < 1e-6)
        let chosen = exact.chosenCandidates.map { problem.candidates[$0].place }
        #expect(abs(Self.covered(study, by: existing + chosen, model: model) - before - exact.value) < 1e-6)
        let greedyPlaces = greedy.chosenCandidates.map { problem.candidates[$0].place }
        #expect(abs(Self.covered(study, by: existing + greedyPlaces, model: model) - before - greedy.value) < 1e-6)
        // Same optimum as spopt's CBC on the national instance (07, T = 10, k = 5: README parity table): the
        // fixture keeps every GP within 35 km of Ardèche, so the baseline and the optimum are the national ones.
        #expect(exact.value == 3_875)

        // An optimum cannot be improved by swapping one chosen site for any other candidate.
        var best = exact.chosenCandidates
        for slot in best.indices {
            for c in problem.candidates.indices where !best.contains(c) {
                let saved = best[slot]
                best[slot] = c
                let v = Self.covered(study, by: existing + best.map { problem.candidates[$0].place }, model: model) - before
                #expect(v <= exact.value + 1e-9, "swap \(saved) → \(c) improves the proven optimum")
                best[slot] = saved
            }
        }

        let report = PlacementReport(problem: problem, study: study, results: [greedy, exact], k: 5,
                                     candidatesSource: nil, modelSummary: model.summary)
        let text = report.text()
        #expect(text.contains("Exact (CBC MILP): proven optimum"))
        #expect(text.contains("Greedy (lazy, Minoux 1978)"))
        #expect(text.contains("Newly within 10 min: 3,875 inhabitants"))
        let gapLine = try #require(text.split(separator: "\n").first { $0.contains("Gap to the proven optimum") })
        let expectedGap = (exact.value - greedy.value) / exact.value * 100
        #expect(gapLine.hasSuffix(String(format: "%.2f %%", expectedGap)))
        // The exact picks are listed before the greedy ones, each with its commune.
        let firstExact = try #require(exact.chosenCandidates.first.map { problem.candidates[$0].id })
        #expect(text.contains(firstExact))
        let rows = report.csv().split(separator: "\n")
        #expect(rows.first == "rank,method,id,commune,name,gain")
        #expect(rows.count == 1 + greedy.chosenCandidates.count + exact.chosenCandidates.count)
        #expect(rows.filter { $0.contains(",exact,") }.count == 5)
    }

    /// Travel times computed once (`prepared(for:)`) change nothing: same picks, values and bounds for every
    /// objective and method, including objectives that need a narrower catchment than the one prepared.
    @Test(arguments: [PlacementObjective.mclp, .lscp, .pMedian, .pCenter])
    func preparedTravelTimesGiveTheSameAnswers(objective: PlacementObjective) throws {
        let study = try Study.load(territoryPath: nil, supplyPath: nil, departements: [])
        let problem = try PlacementProblem(territory: study.territory, studied: study.demand, sites: study.supply.sites,
                                           model: try CrowFlyModel(), threshold: 8)
        let ready = try problem.prepared(for: objective)
        let wider = try problem.prepared(for: .pMedian)   // p-median looks farther than T: filtered for the others
        for method in objective.methods {
            let plain = try place(problem, objective: objective, k: 4, method: method)
            for p in [ready, wider] {
                let r = try place(p, objective: objective, k: 4, method: method)
                // Same sites; values equal up to summation order (a filtered table lists a site's pairs in the
                // wider search's order, and p-median sums minutes in that order).
                #expect(Set(r.chosenCandidates) == Set(plain.chosenCandidates), "\(objective.name) \(method)")
                func close(_ a: Double?, _ b: Double?) -> Bool {
                    guard let a, let b else { return a == nil && b == nil }
                    return abs(a - b) <= 1e-9 * max(1, abs(b))
                }
                #expect(close(r.value, plain.value) && close(r.baseline, plain.baseline) && close(r.bound, plain.bound),
                        "\(objective.name) \(method): \(r.value) vs \(plain.value), bound \(String(describing: r.bound)) vs \(String(describing: plain.bound))")
            }
        }
    }

    @Test func everyoneCoveredSaysThereIsNothingToGain() throws {
        let study = try Study.load(territoryPath: nil, supplyPath: nil, departements: [])
        let model = try CrowFlyModel()
        // Crow-fly at 20 minutes puts every Ardèche commune within reach of a GP (README).
        let problem = try PlacementProblem(territory: study.territory, studied: study.demand, sites: study.supply.sites,
                                           model: model, threshold: 20)
        let r = try place(problem, objective: .mclp, k: 2, method: .greedy)
        #expect(r.value == 0)
        let text = PlacementReport(problem: problem, study: study, results: [r], k: 2, candidatesSource: nil,
                                   modelSummary: model.summary).text()
        #expect(text.contains("nothing to gain"))
    }
}
