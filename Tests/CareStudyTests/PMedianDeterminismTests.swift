import CareModel
import CarePlacement
import Testing

@testable import CareStudy

/// `careaccess place --objective pmedian` on the embedded Ardèche fixture gives bit-identical gains, value
/// and bound whatever the thread count and from one run to the next (issue 14): no sum follows a
/// Dictionary's iteration order.
@Suite("p-median determinism")
struct PMedianDeterminismTests {
    /// Every number of a result, as Double bit patterns.
    static func bits(_ r: PlacementResult) -> [UInt64] {
        r.stepGains.map(\.bitPattern) + [r.value.bitPattern, r.baseline.bitPattern, (r.bound ?? .nan).bitPattern]
    }

    static func run(threads: Int, method: PlacementMethod) throws -> PlacementResult {
        let study = try Study.load(territoryPath: nil, supplyPath: nil, departements: [])
        let problem = try PlacementProblem(territory: study.territory, studied: study.demand, sites: study.supply.sites,
                                           model: try CrowFlyModel(threads: threads), threshold: 10)
        return try place(problem, objective: .pMedian, k: 5, method: method)
    }

    @Test("threads 1 and 2, each twice: bit-identical gains, value and bound",
          arguments: [PlacementMethod.greedy, .localSearch])
    func bitIdenticalAcrossThreadsAndRuns(method: PlacementMethod) throws {
        let reference = try Self.run(threads: 1, method: method)
        #expect(reference.stepGains.count == 5)
        #expect(reference.stepGains.allSatisfy { $0 > 0 })
        for threads in [1, 2, 2, 1] {
            let again = try Self.run(threads: threads, method: method)
            #expect(again.chosenIDs == reference.chosenIDs, "threads \(threads)")
            #expect(Self.bits(again) == Self.bits(reference), "threads \(threads)")
        }
    }
}
