import CareGeo
import Foundation
import CareKernel
import Testing

@testable import CareModel

/// Hand-computed floating-catchment cases (synthetic coordinates). Crow-fly 60 km/h, circuity 1.3:
/// minutes = metres × 1.3 / 1000.
///
///     A (0, 0) pop 100        S1 (0, 0) 2 GPs      A–S1 0 min, B–S1 13 min
///     B (10 km, 0) pop 300    S2 (20 km, 0) 1 GP   B–S2 13 min, A–S2 26 min (outside 20)
struct AccessibilityTests {
    let territory: Territory
    let sites: [SupplySite]
    let model: CrowFlyModel

    init() throws {
        territory = try Territory(communes: [CoverageTests.commune("07001", 0, 0, 100), CoverageTests.commune("07002", 10_000, 0, 300)])
        sites = [CoverageTests.site("S1", 0, 0, 2), CoverageTests.site("S2", 20_000, 0, 1)]
        model = try CrowFlyModel(speedKmh: 60, circuity: 1.3, threads: 1)
    }

    func problem(_ supply: [Double]? = nil) throws -> AccessibilityProblem {
        let c = try model.catchments(from: sites.map(\.place), to: territory.communes.map(\.place), within: 20)
        return try AccessibilityProblem(demand: [100, 300], supply: supply ?? sites.map(\.gps), catchments: c)
    }

    @Test func catchmentsAreInclusiveAndExact() throws {
        let c = try model.catchments(from: sites.map(\.place), to: territory.communes.map(\.place), within: 20)
        #expect(c.offsets == [0, 2, 3])
        #expect(Array(c.demand) == [0, 1, 1])
        #expect(c.minutes.map { ($0 * 1e9).rounded() / 1e9 } == [0, 13, 13])
        #expect(c.checkInvariants(demandCount: 2))
        // A threshold of exactly 13 minutes keeps the 13-minute pairs.
        let c13 = try model.catchments(from: sites.map(\.place), to: territory.communes.map(\.place), within: 13)
        #expect(c13.pairCount == 3)
        let c12 = try model.catchments(from: sites.map(\.place), to: territory.communes.map(\.place), within: 12.9)
        #expect(c12.pairCount == 1)
    }

    @Test func twoStepByHand() throws {
        let r = try problem().twoStep(decay: .binary)
        #expect(abs(r.siteRatios[0] - 2.0 / 400) < 1e-15)
        #expect(abs(r.siteRatios[1] - 1.0 / 300) < 1e-15)
        #expect(abs(r.scores[0] - 0.005) < 1e-15)
        #expect(abs(r.scores[1] - (0.005 + 1.0 / 300)) < 1e-15)
    }

    @Test func enhancedTwoStepWithDreesWeightsByHand() throws {
        let r = try problem().twoStep(decay: .step(.drees))
        #expect(abs(r.scores[0] - 2.0 / 300) < 1e-15)
        #expect(abs(r.scores[1] - (2.0 / 3 * 2.0 / 300 + 2.0 / 3 * 1.0 / 200)) < 1e-15)
    }

    @Test func threeStepByHand() throws {
        let r = try problem().threeStep(decay: .binary)
        #expect(abs(r.siteRatios[0] - 0.008) < 1e-15)
        #expect(abs(r.siteRatios[1] - 1.0 / 150) < 1e-15)
        #expect(abs(r.scores[0] - 0.008) < 1e-15)
        #expect(abs(r.scores[1] - (0.004 + 0.5 / 150)) < 1e-15)
    }

    @Test(arguments: [DistanceDecay.binary, .step(.drees), .step(.luoQi(threshold: 20)), .gaussian(sigma: 10),
                      .power(beta: 1.5, minimumMinutes: 1), .exponential(beta: 0.1)])
    func everyIndicatorConservesSupply(decay: DistanceDecay) throws {
        let p = try problem()
        for r in [p.twoStep(decay: decay), p.threeStep(decay: decay)] {
            let total = zip(p.demand, r.scores).reduce(0.0) { $0 + $1.0 * $1.1 }
            #expect(abs(total - 3) < 1e-12)
        }
    }

    @Test func decayWeights() throws {
        #expect(StepWeights.drees.weight(0) == 1)
        #expect(StepWeights.drees.weight(9.999) == 1)
        #expect(StepWeights.drees.weight(10) == 2.0 / 3)
        #expect(StepWeights.drees.weight(15) == 1.0 / 3)
        #expect(StepWeights.drees.weight(20) == 0)
        let lq = StepWeights.luoQi(threshold: 30)
        #expect(lq.weight(10) == 1)
        #expect(lq.weight(20) == 0.68)
        #expect(lq.weight(30) == 0.22)
        #expect(lq.weight(30.0001) == 0)
        #expect(DistanceDecay.gaussian(sigma: 10).weight(10) == exp(-0.5))
        #expect(DistanceDecay.power(beta: 2, minimumMinutes: 1).weight(0) == 1)
        #expect(DistanceDecay.power(beta: 2, minimumMinutes: 1).weight(4) == 1.0 / 16)
        #expect(throws: ModelError.self) { try StepWeights(bands: [.init(upper: 10, weight: 1), .init(upper: 5, weight: 1)], upperInclusive: false) }
        #expect(throws: ModelError.self) { try StepWeights(bands: [], upperInclusive: false) }
        #expect(throws: ModelError.self) { try DistanceDecay.gaussian(sigma: 0).validated() }
        #expect(throws: ModelError.self) { try DistanceDecay.power(beta: 1, minimumMinutes: 0).validated() }
    }

    @Test func aplCapsAndSupply() {
        #expect(APLOptions.cappedActivity(100) == 0)
        #expect(APLOptions.cappedActivity(250) == 0)
        #expect(APLOptions.cappedActivity(251) == 3_600)
        #expect(APLOptions.cappedActivity(3_600) == 3_600)
        #expect(APLOptions.cappedActivity(4_500) == 4_500)
        #expect(APLOptions.cappedActivity(9_000) == 6_000)
        var o = APLOptions(referenceYear: 2026)
        o.excludeAgeAtLeast = 65
        var site = CoverageTests.site("S", 0, 0, 3)
        #expect(o.supply(of: site).activity == 3 * APLActivityLevel.consultationsPerGP)
        o.activityPerGP = 5_400
        #expect(o.supply(of: site).activity == 3 * 5_400)
        site.practitioners = [Practitioner(fte: 1, birthYear: 1955, activity: 5_000),  // 71: excluded
                              Practitioner(fte: 1, birthYear: 1980, activity: 8_000),  // capped 6,000
                              Practitioner(fte: 0.5, birthYear: nil, activity: nil)]   // imputed 2,700
        let s = o.supply(of: site)
        #expect(s.activity == 6_000 + 2_700)
        #expect(s.excluded == 1)
        #expect(s.imputed == 1)
    }

    @Test func ageStandardisationKeepsTotals() throws {
        let std = try AgeStandardisation.standardise(
            populations: ["a": ["0-59": 100, "60+": 0], "b": ["0-59": 50, "60+": 50]],
            consumption: ["0-59": 1, "60+": 3])
        // Mean consumption (100 + 50 + 150) / 200 = 1.5.
        #expect(abs((std["a"] ?? 0) - 100 / 1.5) < 1e-12)
        #expect(abs((std["b"] ?? 0) - 200 / 1.5) < 1e-12)
        #expect(abs(std.values.reduce(0, +) - 200) < 1e-9)
        #expect(throws: ModelError.self) { try AgeStandardisation.standardise(populations: ["a": ["x": 1]], consumption: ["y": 1]) }
    }
}

/// Invariants on random synthetic territories (seeded).
struct AccessibilityInvariantTests {
    struct RNG: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func randomCase(seed: UInt64) throws -> (Territory, [SupplySite]) {
        var rng = RNG(state: seed)
        let communes = (0..<300).map { k in
            CoverageTests.commune(String(format: "07%03d", k), Double.random(in: 0...80_000, using: &rng),
                                  Double.random(in: 0...80_000, using: &rng), Int.random(in: 0...5_000, using: &rng))
        }
        let sites = (0..<60).map { k in
            CoverageTests.site("S\(k)", Double.random(in: 0...80_000, using: &rng), Double.random(in: 0...80_000, using: &rng),
                               Double(Int.random(in: 1...12, using: &rng)))
        }
        return (try Territory(communes: communes), sites)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func conservationMonotonicityAndOrderIndependence(seed: UInt64) throws {
        let (t, sites) = try Self.randomCase(seed: seed)
        let model = try CrowFlyModel(threads: 2)
        let c = try model.catchments(from: sites.map(\.place), to: t.communes.map(\.place), within: 20)
        #expect(c.checkInvariants(demandCount: t.count))
        let demand = t.communes.map { Double($0.population) }
        let p = try AccessibilityProblem(demand: demand, supply: sites.map(\.gps), catchments: c)
        let base = p.twoStep(decay: .binary)
        // Conservation over the sites that reach some demand.
        let reached = (0..<sites.count).filter { base.siteWeightedDemand[$0] > 0 }.reduce(0.0) { $0 + sites[$1].gps }
        let total = zip(demand, base.scores).reduce(0.0) { $0 + $1.0 * $1.1 }
        #expect(abs(total - reached) < 1e-9 * reached)
        // Adding a GP at any site never lowers any commune's 2SFCA score.
        for j in [0, 17, 59] {
            var supply = sites.map(\.gps)
            supply[j] += 1
            let more = try AccessibilityProblem(demand: demand, supply: supply, catchments: c).twoStep(decay: .binary)
            #expect(zip(more.scores, base.scores).allSatisfy { $0 >= $1 })
        }
        // Catchments against brute force.
        for j in [0, 30, 59] {
            let s = sites[j].point
            let expected = t.communes.indices.filter { i in
                let dx = t.communes[i].point.x - s.x, dy = t.communes[i].point.y - s.y
                return model.minutes(forMetres: (dx * dx + dy * dy).squareRoot()) <= 20
            }
            #expect(c.range(of: j).map { Int(c.demand[$0]) }.sorted() == expected)
        }
        // Reversing the order of communes and sites gives the same scores, reversed.
        let rt = try Territory(communes: t.communes.reversed())
        let rs = Array(sites.reversed())
        let rc = try model.catchments(from: rs.map(\.place), to: rt.communes.map(\.place), within: 20)
        let rp = try AccessibilityProblem(demand: rt.communes.map { Double($0.population) }, supply: rs.map(\.gps), catchments: rc)
        for (a, b) in zip(rp.twoStep(decay: .step(.drees)).scores.reversed(), p.twoStep(decay: .step(.drees)).scores) {
            #expect(abs(a - b) <= 1e-12 * max(abs(b), 1e-300))
        }
    }

    @Test func analysisReportsUnderServedAndLostSupply() throws {
        let (t, sites) = try Self.randomCase(seed: 9)
        var s = sites
        s.append(CoverageTests.site("far", 5_000_000, 5_000_000, 4))  // reaches nobody
        let r = try AccessibilityAnalysis(threshold: 20, method: .apl(APLOptions(referenceYear: 2026)), underServed: 2.5)
            .run(territory: t, communes: Array(t.communes.indices), sites: s, model: try CrowFlyModel())
        #expect(r.summary.communesBelow == r.rows.filter { $0.score < 2.5 }.count)
        #expect(r.notes.contains(.sitesReachNoDemand(sites: 1, minutes: 20)))
        #expect(r.notes.contains(.rawDemand))
        #expect(r.summary.deciles.count == 9)
        #expect(r.summary.deciles == r.summary.deciles.sorted())
        #expect(throws: ModelError.self) {
            try AccessibilityAnalysis(method: .twoStep).run(territory: t, communes: [0], sites: [], model: try CrowFlyModel())
        }
    }
}
