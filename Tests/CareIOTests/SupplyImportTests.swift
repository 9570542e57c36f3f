import CareModel
import CareTestSupport
import Testing

@testable import CareIO

struct BPEImporterTests {
    let territory: Territory
    init() throws { territory = try TestTerritory.make() }

    func load(_ text: String) throws -> SupplyImport {
        try BPEImporter().importBytes(Array(text.utf8), file: "gp.csv", territory: territory)
    }

    @Test func countsAliasesAndUnknownCodes() throws {
        let s = try load("\"CODGEO\",\"NB_D201\",\"id_noeud\",\"POPULATION\"\n\"07001\",3,\"1\",10\n\"07099\",2,\"2\",5\n\"07002\",1,\"3\",5\n\"14513\",4,\"4\",9\n")
        #expect(s.sites.map(\.id) == ["07001", "07002"])
        #expect(s.sites.map(\.gps) == [3, 3])  // 07099 is a commune déléguée of 07002
        #expect(s.sites[0].point == territory.communes[0].point)
        #expect(s.unknownCodes.map(\.code) == ["14513"])
        #expect(s.unknownCodes.map(\.line) == [5])
        #expect(s.unknownGPs == 4)
        #expect(s.report.entries(of: .codeMappedToParent).map(\.code) == ["07099"])
    }

    @Test func exactRepeatIsCountedOnce() throws {
        let s = try load("CODGEO,NB_D201\n07001,3\n07001,3\n")
        #expect(s.sites.map(\.gps) == [3])
        #expect(s.report.entries(of: .duplicateRow).map(\.code) == ["07001"])
    }

    @Test func badInputsAreLocated() {
        #expect(throws: InputError(file: "gp.csv", line: 3, field: "CODGEO", message: "duplicate commune code 07001 with different values (first on line 2)")) {
            _ = try load("CODGEO,NB_D201\n07001,1\n07001,2\n")
        }
        #expect(throws: InputError(file: "gp.csv", line: 2, field: "NB_D201", message: "-1 is negative")) {
            _ = try load("CODGEO,NB_D201\n07001,-1\n")
        }
        #expect(throws: InputError(file: "gp.csv", line: 2, field: "NB_D201", message: "'x' is not an integer")) {
            _ = try load("CODGEO,NB_D201\n07001,x\n")
        }
        #expect(throws: InputError(file: "gp.csv", line: 2, message: "expected 2 fields (CODGEO,NB_D201), found 3")) {
            _ = try load("CODGEO,NB_D201\n07001,1,9\n")
        }
        #expect(throws: InputError(file: "gp.csv", line: 2, message: "no data rows")) { _ = try load("CODGEO,NB_D201\n") }
        #expect(throws: InputError(file: "gp.csv", line: 1, message: "empty file: expected a header row")) { _ = try load("") }
    }
}

struct PractitionersImporterTests {
    let territory: Territory
    init() throws { territory = try TestTerritory.make() }

    func load(_ text: String) throws -> SupplyImport {
        try PractitionersImporter().importBytes(Array(text.utf8), file: "p.csv", territory: territory)
    }

    @Test func byCommuneWithDefaultsAndAliases() throws {
        let s = try load("id,commune,fte,birth_year,activity\na,07001,,1960,4200\nb,07001,0.5,,\nc,07099,1,1990,\n")
        #expect(s.sites.count == 2)
        #expect(s.sites[0].gps == 1.5)
        #expect(s.sites[0].practitioners == [Practitioner(fte: 1, birthYear: 1960, activity: 4200), Practitioner(fte: 0.5)])
        #expect(s.sites[1].communeCode == "07002")
        #expect(s.sites[1].departement == "07")
    }

    @Test func byLambert93AndLonLat() throws {
        let s = try load("x,y\n800100,6400000\n800100,6400000\n")
        #expect(s.sites.count == 1)
        #expect(s.sites[0].gps == 2)
        #expect(s.sites[0].departement == "07")  // nearest commune
        let ll = try load("lon,lat\n4.5986,44.7356\n55.45,-20.88\n")
        #expect(ll.sites.map(\.crs) == [.lambert93, .rgr92UTM40S])
    }

    @Test func badInputsAreLocated() {
        #expect(throws: InputError(file: "p.csv", line: 2, field: "commune", message: "unknown commune code 99999")) {
            _ = try load("commune\n99999\n")
        }
        #expect(throws: InputError(file: "p.csv", line: 2, field: "x", message: "'NaN' is not a finite number")) {
            _ = try load("x,y\nNaN,6400000\n")
        }
        #expect(throws: InputError.self) { _ = try load("x,y\n5000000,6400000\n") }  // out of area
        #expect(throws: InputError.self) { _ = try load("lon,lat\n-100,40\n") }      // not in France
        #expect(throws: InputError(file: "p.csv", line: 3, field: "id", message: "duplicate id a")) {
            _ = try load("id,commune\na,07001\na,07002\n")
        }
        #expect(throws: InputError(file: "p.csv", line: 2, field: "fte", message: "-1.0 is negative")) {
            _ = try load("commune,fte\n07001,-1\n")
        }
        #expect(throws: InputError.self) { _ = try load("commune,birth_year\n07001,1492\n") }
        #expect(throws: InputError(file: "p.csv", line: 2, field: "activity", message: "-3.0 is negative")) {
            _ = try load("commune,activity\n07001,-3\n")
        }
        #expect(throws: InputError.self) { _ = try load("name\nfoo\n") }  // no location columns
    }
}

/// The practitioners file's APL columns: activity parts, GPs new to practice, site kinds.
extension PractitionersImporterTests {
    @Test func partsKindsAndNewGPs() throws {
        let s = try load("""
            id,site,commune,consultations,visits,teleconsultations,new_to_practice,kind
            a,cds,07001,7000,500,1000,,health_centre
            b,cds,07001,100,,,no,
            c,cab,07002,3000,200,,yes,practice
            d,cab,07002,,,,0,
            """ + "\n")
        #expect(s.sites.map(\.kind) == [.healthCentre, .practice])
        #expect(s.sites[0].practitioners.map(\.activity) == [8_500, 100])
        #expect(s.sites[1].practitioners.map(\.activity) == [3_200, nil])
        #expect(s.sites[1].practitioners.map(\.newToPractice) == [true, false])
        let o = APLOptions(referenceYear: 2026)
        // Health centre: 8,500 + 100 as recorded; practice: new GP 5,400, no record 5,400.
        #expect(o.supply(of: s.sites[0]).activity == 8_600)
        #expect(o.supply(of: s.sites[1]).activity == 10_800)
    }

    @Test func badAPLColumnsAreLocated() {
        let cases: [(String, Int, String, String)] = [
            ("commune,activity,visits\n07001,1,2\n", 1, "visits", "give 'activity' or its parts (consultations, visits, teleconsultations), not both"),
            ("commune,new_to_practice\n07001,maybe\n", 2, "new_to_practice", "'maybe' is not 1/0, true/false or yes/no"),
            ("site,commune,kind\ns,07001,health_centre\ns,07001,msp\n", 3, "kind", "site s is health_centre on an earlier row, msp here"),
            ("commune,kind\n07001,hospital\n", 2, "kind",
             "unknown kind 'hospital' (expected msp, health_centre, salaried_centre, rotating_post, intern_post, practice)"),
            ("commune,consultations,teleconsultations\n07001,1,-3\n", 2, "teleconsultations", "-3.0 is negative"),
        ]
        for (text, line, field, message) in cases {
            #expect(throws: InputError(file: "p.csv", line: line, field: field, message: message)) { _ = try load(text) }
        }
    }
}
