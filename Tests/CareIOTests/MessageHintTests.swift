import CareFixtures
import CareModel
import CareStudy
import CareTestSupport
import Foundation
import Testing

@testable import CareIO

/// Messages name file, line and field, stay on one line whatever the file holds, and hint at the common
/// spreadsheet slip of a dropped leading zero (issue 14, item 4).
@Suite("error messages: one line, located, with hints")
struct MessageHintTests {
    @Test func aCodeWithoutItsLeadingZeroGetsAHint() throws {
        let territory = try TestTerritory.make()
        #expect(territory.likelyCode(for: "7001") == "07001")
        #expect(territory.likelyCode(for: "7001.0") == "07001")
        #expect(territory.likelyCode(for: "07001") == nil)    // known as is: no hint
        #expect(territory.likelyCode(for: "7003") == nil)     // 07003 is not in the territory
        #expect(territory.likelyCode(for: "x001") == nil)
        #expect(throws: InputError(file: "od.csv", line: 2, field: "origin",
                                   message: "unknown commune code '7001' — did you mean 07001? (a spreadsheet may have dropped the leading zero)")) {
            _ = try ODMatrixReader.parse(bytes: Array("origin,destination,minutes\n7001,07002,12\n".utf8), file: "od.csv", territory: territory)
        }
        #expect(throws: InputError(file: "cand.csv", line: 3, field: "commune",
                                   message: "unknown commune code 7002 — did you mean 07002? (a spreadsheet may have dropped the leading zero)")) {
            _ = try CandidatesFile.parse(Array("id,commune\na,07001\nb,7002\n".utf8), file: "cand.csv", territory: territory)
        }
    }

    @Test func supplyCodesWithoutLeadingZeroAreNamedInTheNotes() throws {
        let territory = try TestTerritory.make()
        let supply = try BPEImporter().importBytes(Array("CODGEO,NB_D201\n7001,2\n07002,1\n".utf8), file: "gp.csv", territory: territory)
        #expect(supply.unknownCodes.map(\.code) == ["7001"])
    }

    @Test func aDepartementWithoutItsLeadingZeroGetsAHint() {
        #expect(ModelError.unknownDepartements(["7"]).description
            == "no commune in département(s) 7 — did you mean 07? (département codes have two digits, 2A/2B or three for overseas)")
        #expect(ModelError.unknownDepartements(["2a", "99"]).description.contains("did you mean 2A?"))
        #expect(ModelError.unknownDepartements(["99"]).description == "no commune in département(s) 99")
    }

    @Test func fieldValuesWithLineBreaksOrBinaryBytesStayOnOneLine() throws {
        let territory = try TestTerritory.make()
        // A quoted field with CR/LF, and a raw 0xFF byte: escaped, located by line and field.
        #expect(throws: InputError(file: "od.csv", line: 2, field: "minutes", message: "'1\\r\\n2' is not a number")) {
            _ = try ODMatrixReader.parse(bytes: Array("origin,destination,minutes\n07001,07002,\"1\r\n2\"\n".utf8), file: "od.csv", territory: territory)
        }
        let binary: [UInt8] = Array("origin,destination,minutes\n07001,07002,1".utf8) + [0xFF, 0x00] + Array("\n".utf8)
        let error = #expect(throws: InputError.self) {
            _ = try ODMatrixReader.parse(bytes: binary, file: "od.csv", territory: territory)
        }
        #expect(error?.description == "od.csv:2: field 'minutes': '1\\xff\\u{0}' is not a number")
    }

    @Test func aFileNameWithALineBreakIsEscapedInEveryErrorType() {
        #expect(InputError(file: "a\nb.csv", line: 1, message: "x").description == "a\\nb.csv:1: x")
        #expect(OutputError(file: "out\r.csv", message: "cannot write").description == "out\\r.csv: cannot write")
    }
}

/// A supply that gives no GP at all is named as such, with the reason (issue 14: "no demand: no commune
/// selected" said nothing of why).
@Suite("empty supply: why it is empty")
struct EmptySupplyMessageTests {
    static func run(_ csv: String) throws -> InputError? {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("careaccess-supply-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(csv.utf8)))
        let fixture = try EmbeddedFixture.ardeche()
        do {
            _ = try Study.load(territoryPath: fixture.territoryPath, supplyPath: path, departements: ["07"])
            return nil
        } catch let e as InputError {
            return InputError(file: "gp.csv", line: e.line, field: e.field, message: e.message)
        }
    }

    @Test func everyCountZeroUnknownOrMangled() throws {
        #expect(try Self.run("CODGEO,NB_D201\n07005,0\n07010,0\n") == InputError(file: "gp.csv", message: "no GP supply: every one of the 2 sites has 0 GPs"))
        #expect(try Self.run("CODGEO,NB_D201\n99005,3\n99010,2\n")
            == InputError(file: "gp.csv", line: 2, message: "no GP supply: none of the file's 2 codes is a commune of the territory (first: 99005)"))
        let mangled = try Self.run("CODGEO,NB_D201\n7005,3\n7010,2\n")
        #expect(mangled?.line == 2)
        #expect(mangled?.message.hasSuffix("2 of them are territory codes without their leading zero (e.g. 7005 — did you mean 07005? (a spreadsheet may have dropped the leading zero))") == true)
        #expect(try Self.run("CODGEO,NB_D201\n07005,1\n") == nil)
        #expect(ModelError.invalidParameter(name: "supply", value: "", reason: "every capacity must be finite and ≥ 0").description
            == "invalid supply: every capacity must be finite and ≥ 0")
    }
}
