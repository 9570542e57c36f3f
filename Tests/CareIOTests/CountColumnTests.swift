import CareTestSupport
import Foundation
import Testing

@testable import CareIO

/// `--count-column`: another BPE equipment than D201 counted as the supply, named by what it counts.
@Suite struct CountColumnTests {
    @Test func labelsOnlyTheCheckedEquipmentCodes() {
        #expect(BPECountColumn("NB_D201").units(1868) == "1868 GPs")
        #expect(BPECountColumn("NB_D107").units(12) == "12 maternity units (BPE D107, column NB_D107)")
        #expect(BPECountColumn("NB_D113").units(3) == "3 units of NB_D113")
        #expect(BPECountColumn("NB_D107").provenance == "BPE column NB_D107 (maternity units)")
        #expect(BPECountColumn("beds").equipmentCode == nil)
    }

    @Test func anotherColumnIsCountedAndNamed() throws {
        let territory = try TestTerritory.make()
        let s = try SupplyFile.load(bytes: Array("CODGEO;NB_D107\n07001;1\n07099;2\n".utf8), file: "m.csv",
                                    territory: territory, countColumn: "NB_D107")
        #expect(s.sites.map(\.gps) == [1, 2])
        #expect(s.countColumn == BPECountColumn("NB_D107"))
        #expect(!s.countsGPs)
        #expect(s.totalText == "3 maternity units (BPE D107, column NB_D107)")
        #expect(s.unitsNoun == "units of NB_D107")
    }

    @Test func aMissingColumnNamesFileLineOneAndTheColumnsPresent() throws {
        let territory = try TestTerritory.make()
        #expect(throws: InputError(file: "gp.csv", line: 1, field: "NB_D107",
                                   message: "missing required column (header has: CODGEO, NB_D201, POPULATION)")) {
            _ = try SupplyFile.load(bytes: Array("CODGEO,NB_D201,POPULATION\n07001,3,10\n".utf8), file: "gp.csv",
                                    territory: territory, countColumn: "NB_D107")
        }
        let e = InputError(file: "gp.csv", line: 1, field: "NB_D107", message: "missing required column (header has: CODGEO, NB_D201, POPULATION)")
        #expect(e.description == "gp.csv:1: field 'NB_D107': missing required column (header has: CODGEO, NB_D201, POPULATION)")
    }

    /// The real maternity file of `../shared` (BPE D107, 421 communes): every unit read is placed or listed as
    /// unknown, and the total equals a direct count of the CSV's `NB_D107` column.
    @Test(.enabled(if: SharedData.available, "needs ../shared/data (the BPE D107 maternity file)"))
    func theSharedMaternityFileLoadsWithItsColumn() throws {
        let path = SharedData.path("gp/bpe-d107-maternity-by-commune.csv")
        // Direct count: the file is `"CODGEO","NB_D107"` with quoted codes and bare integers, no embedded commas.
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst()
        let counts = lines.map { Int($0.split(separator: ",")[1]) ?? -1 }
        #expect(counts.allSatisfy { $0 >= 0 })
        let direct = counts.reduce(0, +)

        let territory = try DataFranceImporter().importFile(path: SharedData.communes).territory
        // Without the option the file is still refused (no NB_D201), and the error names the option.
        #expect(throws: InputError(file: path, line: 1, field: "NB_D201",
                                   message: "missing required column (header has: CODGEO, NB_D107): a BPE file of another equipment; count it with --count-column NB_D107")) {
            _ = try SupplyFile.load(path: path, territory: territory)
        }
        let s = try SupplyFile.load(path: path, territory: territory, countColumn: "NB_D107")
        let reported = Dictionary(s.report.counts, uniquingKeysWith: { a, _ in a })
        #expect(reported["rows read"] == lines.count)
        #expect(reported["GPs read"] == direct)
        #expect(s.totalGPs + s.unknownGPs == Double(direct))
        #expect(s.totalText == "\(Int(s.totalGPs)) maternity units (BPE D107, column NB_D107)")
    }
}
