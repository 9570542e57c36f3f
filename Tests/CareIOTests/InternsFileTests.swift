import CareIO
import CareReport
import CareStudy
import CareModel
import Foundation
import Testing

/// The interns file and `careaccess interns` on the Grand Est example (synthetic placements).
@Suite("interns file")
struct InternsFileTests {
    static let head = "faculties:\n  - {id: r, lon: 4.06, lat: 49.24}\nplacements:\n"

    @Test(arguments: [
        (head + "  - {commune: \"08081\", lon: 4.7, lat: 49.8, faculty: x}\n", "i.yaml:4: field 'faculty': unknown faculty 'x' (the file has: r)"),
        (head + "  - {commune: \"08081\", lon: 4.7, lat: 49.8, faculty: r, months: 13}\n", "i.yaml:4: field 'months': expected a number of months in 1…12"),
        (head + "  - {commune: \"08081\", lon: 400, lat: 49.8, faculty: r}\n", "i.yaml:4: field 'lon': 400.0 is not a longitude in -180…180"),
        (head + "  - {commune: \"08081\", lon: 4.7, lat: 49.8, faculty: r, type: residency}\n",
         "i.yaml:4: field 'type': unknown internship type 'residency' (expected general_practice or saspas)"),
        ("schedule:\n  - {up_to_km: 50, grant: 600}\n  - {up_to_km: 40, grant: 900}\n" + head + "  - {commune: \"1\", lon: 4, lat: 49, faculty: r}\n",
         "i.yaml:2: field 'schedule': invalid limit of band 2 40.0: must be a finite number of km above the band before (50.0)"),
        ("budget: -3\n" + head + "  - {commune: \"1\", lon: 4, lat: 49, faculty: r}\n", "i.yaml:1: field 'budget': -3.0 is not a budget in euros in 0…10,000,000,000"),
    ])
    func badFilesNameFileLineAndField(text: String, message: String) throws {
        let error = try #require(throws: InputError.self) { try InternsFile.parse(text, file: "i.yaml") }
        #expect(error.description == message)
    }

    static let example = CareAccessBinary.root.appendingPathComponent("Fixtures/interns/grand-est-interns.yaml").path

    /// The example: 46 labelled synthetic placements; every grant recomputed here from the file's schedule and
    /// the great-circle distance, and the total is their sum.
    @Test func theGrandEstExample() throws {
        let f = try InternsFile.load(path: Self.example)
        #expect(f.synthetic)
        #expect(f.placements.count == 46)
        #expect(f.faculties.map(\.id) == ["reims", "nancy", "strasbourg"])
        let g = try InternGrants(placements: f.placements, faculties: f.faculties, schedule: f.schedule, zones: nil, gpFraction: f.gpFraction)
        var total = 0.0
        for r in g.rows {
            let fac = f.faculties[r.placement.faculty]
            let km = InternGrants.greatCircleKm(lon1: fac.lon, lat1: fac.lat, lon2: r.placement.lon, lat2: r.placement.lat)
            let band = try #require(f.schedule.bands.firstIndex { $0.upToKm.map { km <= $0 } ?? true })
            #expect(r.grant == f.schedule.bands[band].grant)
            total += r.grant
        }
        #expect(g.totalGrants == total)
        #expect(g.rows.allSatisfy { (600...3_000).contains($0.grant) })
    }

    @Test(.enabled(if: CareAccessBinary.path != nil))
    func theCommandPrintsEveryGrantAndTheTotal() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(CareAccessBinary.path))
        process.arguments = ["interns", Self.example]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let rows = text.split(separator: "\n").filter { $0.hasSuffix("  yes") || $0.contains("  no: ") }
        #expect(rows.count == 46)
        let f = try InternsFile.load(path: Self.example)
        let g = try InternGrants(placements: f.placements, faculties: f.faculties, schedule: f.schedule, zones: nil, gpFraction: f.gpFraction)
        let total = Int(g.totalGrants).formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))
        #expect(text.contains("Total:      \(total) € for 46 eligible placements of 46; budget 61,400 €"), "\(text)")
        #expect(text.contains("Placements: SYNTHETIC"))
        #expect(text.contains("Distance:   straight line (great circle"))
    }
}

/// The interns' effect on access (`interns --territory --supply`): one intern post per eligible placement,
/// `gp_fraction` of a GP for its months, on the real Ardennes fixture.
@Suite("interns: effect on access")
struct InternsAccessTests {
    static let fixtures = CareAccessBinary.root.appendingPathComponent("Fixtures").path

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
