import CareIO
import CareModel
import CareTestSupport
import Testing

@testable import CareStudy

/// The interns' effect on access (`interns --territory --supply`): one intern post per eligible placement,
/// `gp_fraction` of a GP for its months, on the real Ardennes fixture.
@Suite("interns: effect on access")
struct InternsAccessTests {
    static let fixtures = PackageRoot.path + "/Fixtures"

    @Test func internPostsAddTheirGPYearsAndOnlyRaiseAccess() throws {
        let text = """
            gp_fraction: 0.5
            faculties:
              - {id: reims, lon: 4.0620, lat: 49.2410}
            placements:
              - {id: a, commune: "08081", name: Bogny-sur-Meuse, lon: 4.76614, lat: 49.85567, faculty: reims, months: 6}
              - {id: b, commune: "08302", name: Monthermé, lon: 4.7336, lat: 49.8842, faculty: reims, type: saspas, months: 12}
            """
        let file = try InternsFile.parse(text, file: "i.yaml")
        let grants = try InternGrants(placements: file.placements, faculties: file.faculties, schedule: file.schedule,
                                      zones: nil, gpFraction: file.gpFraction)
        let run = try InternsAccess.run(grants, name: "test", territoryPath: Self.fixtures + "/ardennes/communes.csv",
                                        supplyPath: Self.fixtures + "/ardennes/gp.csv", path: "i.yaml")
        let s = run.comparison.summary
        // 0.5 × 6/12 + 0.5 × 12/12 = 0.75 GP-years, the grants' own count.
        #expect(abs(s.gpsAfter - s.gpsBefore - 0.75) < 1e-9)
        #expect(abs(grants.totalGPYears - 0.75) < 1e-9)
        #expect(run.study.demand.allSatisfy { run.study.territory.communes[$0].departement == "08" })
        #expect(run.comparison.rows.allSatisfy { $0.scoreAfter >= $0.scoreBefore - 1e-12 })
        #expect(run.comparison.rows.contains { $0.scoreAfter > $0.scoreBefore })
        #expect(s.populationBelowAfter <= s.populationBelowBefore)
    }

    @Test func noEligiblePlacementIsAnError() throws {
        let text = "faculties:\n  - {id: r, lon: 4.06, lat: 49.24}\nplacements:\n  - {commune: \"08081\", lon: 4.7, lat: 49.8, faculty: r}\n"
        let file = try InternsFile.parse(text, file: "i.yaml")
        let grants = try InternGrants(placements: file.placements, faculties: file.faculties, schedule: file.schedule,
                                      zones: ["08081": .other], gpFraction: file.gpFraction)
        #expect(throws: InputError(file: "i.yaml", message: "no eligible placement: no intern post to add to the supply")) {
            _ = try InternsAccess.run(grants, name: "t", territoryPath: Self.fixtures + "/ardennes/communes.csv",
                                      supplyPath: Self.fixtures + "/ardennes/gp.csv", path: "i.yaml")
        }
    }
}
