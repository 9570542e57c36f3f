import CareGeo
import Testing

@testable import CareModel

/// `add_gps` and `remove_gps` change what the APL reads, by exactly the FTE added or removed: for a site that
/// lists practitioners the practitioners are the truth and `gps` follows them; a site given as a GP count
/// changes `gps` only, as before.
struct ScenarioCapacityTests {
    let territory: Territory
    let options = APLOptions(referenceYear: 2026)

    init() throws {
        territory = try Territory(communes: [
            Commune(code: "07001", name: "A", population: 100, departement: "07", location: LonLat(lon: 4, lat: 45),
                    point: ProjectedPoint(x: 800_000, y: 6_400_000), crs: .lambert93, pointSource: .townHall),
        ])
    }

    func site(gps: Double, practitioners: [Practitioner] = [], kind: SiteKind = .practice) -> SupplySite {
        SupplySite(id: "S", communeCode: "07001", departement: "07", point: ProjectedPoint(x: 800_000, y: 6_400_000),
                   crs: .lambert93, gps: gps, practitioners: practitioners, kind: kind)
    }

    func after(_ action: ScenarioEvent.Action, on s: SupplySite) throws -> SupplySite {
        let out = try Scenario(name: "t", events: [ScenarioEvent(action, line: 3)]).apply(to: [s], territory: territory)
        return try #require(out.sites.first)
    }

    /// Two practitioners of 1 FTE without a recorded activity: 2 × 5,400 imputed.
    var twoImputed: SupplySite { site(gps: 2, practitioners: [Practitioner(fte: 1), Practitioner(fte: 1)]) }

    @Test func addingGPsToListedPractitionersRaisesAPLActivityByTheImputedActivityPerFTE() throws {
        let before = options.supply(of: twoImputed).activity
        #expect(before == 10_800)
        let added = try after(.addGPs(.site("S"), 3), on: twoImputed)
        #expect(added.gps == 5)
        #expect(added.practitioners.reduce(0) { $0 + $1.fte } == 5)
        #expect(options.supply(of: added).activity == before + 3 * options.imputedActivity)
        let half = try after(.addGPs(.site("S"), 0.5), on: twoImputed)
        #expect(options.supply(of: half).activity == before + 0.5 * options.imputedActivity)
    }

    @Test func removingGPsFromListedPractitionersRemovesThatFTE() throws {
        let removed = try after(.removeGPs(.site("S"), 0.5), on: twoImputed)
        #expect(removed.gps == 1.5)
        #expect(removed.practitioners.map(\.fte) == [1, 0.5])
        #expect(options.supply(of: removed).activity == 10_800 - 0.5 * 5_400)  // half a practitioner less
        let whole = try after(.removeGPs(.site("S"), 1.5), on: twoImputed)
        #expect(whole.practitioners.map(\.fte) == [0.5])
        #expect(options.supply(of: whole).activity == 0.5 * 5_400)
    }

    @Test func aPractitionerLeavingInPartKeepsTheShareOfTheirRecordedActivity() throws {
        // A health centre: no caps, so the recorded activity counts as it is.
        let centre = site(gps: 2, practitioners: [Practitioner(fte: 1, activity: 4_000), Practitioner(fte: 1, activity: 5_000)],
                          kind: .healthCentre)
        #expect(options.supply(of: centre).activity == 9_000)
        let removed = try after(.removeGPs(.site("S"), 0.5), on: centre)
        #expect(options.supply(of: removed).activity == 4_000 + 2_500)
        #expect(removed.gps == 1.5)
    }

    @Test func aSiteGivenAsAGPCountChangesItsCountOnly() throws {
        let counted = site(gps: 2)
        let added = try after(.addGPs(.site("S"), 3), on: counted)
        #expect(added.gps == 5)
        #expect(added.practitioners.isEmpty)
        #expect(options.supply(of: added).activity == 5 * options.activityPerGP)
        let removed = try after(.removeGPs(.site("S"), 0.5), on: counted)
        #expect(removed.gps == 1.5)
        #expect(removed.practitioners.isEmpty)
        #expect(options.supply(of: removed).activity == 1.5 * options.activityPerGP)
    }

    @Test func removingMoreThanTheSiteHasIsAnErrorOnTheLineAndKey() {
        #expect(throws: ScenarioError(line: 3, key: "gps", message: "cannot remove 2.5 GPs from site S: it has 2")) {
            try after(.removeGPs(.site("S"), 2.5), on: twoImputed)
        }
    }
}
