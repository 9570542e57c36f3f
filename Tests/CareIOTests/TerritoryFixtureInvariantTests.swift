import CareStudy
import CareTestSupport
import Testing

@testable import CareIO

/// The real territories keep ``CareModel/Territory/_checkInvariants()``: the embedded Ardèche fixture (with its
/// boundaries), the small test territory, and both read back from the territory file.
struct TerritoryFixtureInvariantTests {
    @Test func realFixturesKeepTheirInvariants() throws {
        let ardeche = try Study.load(territoryPath: nil, supplyPath: nil, departements: []).territory
        let small = try TestTerritory.make()
        for (label, t) in [("Ardèche fixture", ardeche), ("test territory", small)] {
            #expect(t.invariantViolation() == nil, "\(label)")
            t._checkInvariants()
            let back = try TerritoryBinary.decode(TerritoryBinary.encode(t), file: "t.catr")
            #expect(back.invariantViolation() == nil, "\(label), read back")
        }
        #expect(ardeche.count > 300)
    }
}
