import CareModel
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
