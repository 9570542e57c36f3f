import CareIO
import CareModel
import CareTestSupport
import Foundation
import Testing

/// The interns file on the Grand Est example (synthetic placements); the command: InternsCommandTests.
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

    static let example = PackageRoot.fixture("interns/grand-est-interns.yaml")

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
}
