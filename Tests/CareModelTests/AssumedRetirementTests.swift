import CareKernel
import CareGeo
import Testing

@testable import CareModel

/// `retire` with an assumed share on a site of absurdly many GPs (a supply file summing rows, a scenario summing
/// `add_gps` events) used to allocate one element per GP: 3 × 10⁸ GPs asked for 2.4 GB (issue 14, resource limits).
@Suite("hostile input: retirement draws bounded")
struct AssumedRetirementTests {
    @Test func hugeSiteDrawsItsLeaversAtOnce() throws {
        var rng = SplitMix64(seed: 5)
        var twoDraws = SplitMix64(seed: 5)
        _ = twoDraws.next(); _ = twoDraws.next()
        let leaving = Scenario.assumedLeavers(of: 3e8, share: 0.5, rng: &rng)
        #expect(rng.state == twoDraws.state)   // O(1): two values of the generator, not one per GP
        let sd = (3e8 * 0.25).squareRoot()
        #expect(abs(leaving - 1.5e8) < 8 * sd, "\(leaving)")
        #expect(leaving == leaving.rounded())
        var edge = SplitMix64(seed: 9)
        #expect(Scenario.assumedLeavers(of: 3e8, share: 0, rng: &edge) == 0)
        #expect(Scenario.assumedLeavers(of: 3e8, share: 1, rng: &edge) == 3e8)
    }

    @Test func ordinarySitesKeepOneDrawPerGP() {
        var rng = SplitMix64(seed: 3), reference = SplitMix64(seed: 3)
        let leaving = Scenario.assumedLeavers(of: 1_000, share: 0.2, rng: &rng)
        let expected = (0..<1_000).filter { _ in reference.unit() < 0.2 }.count
        #expect(leaving == Double(expected) && rng.state == reference.state)
    }

    @Test func scenarioOnASiteOfThreeHundredMillionGPs() throws {
        let t = try Territory(communes: [CoverageTests.commune("07001", 0, 0, 1_000)])
        let s = Scenario(name: "s", horizon: 2030, events: [ScenarioEvent(.retire(.init(age: 67, share: 0.2, seed: 3)))])
        let out = try s.apply(to: [CoverageTests.site("A", 0, 0, 3e8 + 0.5)], territory: t)
        let left = 3e8 + 0.5 - out.sites[0].gps
        #expect(abs(left - 6e7) < 8 * (3e8 * 0.16).squareRoot(), "\(left)")
        #expect(out.log.count == 1)
    }
}
