import CareStudy
import Foundation
import Testing

@testable import CareIO

/// CSV cells a spreadsheet would run as formulas are neutralised with a leading `'`; numbers stay numbers.
struct CSVFormulaTests {
    @Test("a text cell starting with = + - @ tab or CR gets a leading '",
          arguments: [("=1+1", "'=1+1"), ("+33 cmd", "'+33 cmd"), ("-abc", "'-abc"), ("@SUM(A1)", "'@SUM(A1)"),
                      ("\tx", "'\tx"), ("\rx", "\"'\rx\""), ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
                      ("-inf", "'-inf"), ("=a,b", "\"'=a,b\"")])
    func formulaCellsAreEscaped(_ cell: String, _ written: String) {
        #expect(CSVWriter.escape(cell) == written)
    }

    @Test("numbers and ordinary text are left as they are",
          arguments: ["-2.5", "+3", "-1e-3", "0", "Privas", "Saint-Étienne", "a=b", "07186", ""])
    func numbersAndTextUntouched(_ cell: String) {
        #expect(CSVWriter.escape(cell) == cell)
        #expect(!CSVWriter.isFormula(cell))
    }

    @Test("an escaped cell reads back as written; other cells starting with ' are kept",
          arguments: ["=1+1", "+33 cmd", "-abc", "@SUM(A1)", "=HYPERLINK(\"x\")", "=a,b", "'quoted", "'-2.5", "Privas"])
    func escapedCellsReadBack(_ cell: String) throws {
        let csv = "id,name\na," + CSVWriter.escape(cell) + "\n"
        var table = try CSVTableReader(bytes: Array(csv.utf8), file: "t.csv", required: ["name"])
        #expect(try table.next())
        #expect(table.string(1) == cell)
    }

    @Test func anOptionNamedLikeAFormulaReachesTheCompareCSVEscaped() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("careaccess-formula-\(UInt32.random(in: 0...UInt32.max)).yaml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        // Embedded Ardèche fixture; closing Privas (07186, 11 GPs) gives a negative gps_added.
        try """
            rank_by: mean_minutes
            baseline: {threshold: 10}
            options:
              - name: '=HYPERLINK("x")'
                events: [{close_site: {commune: "07186"}}]
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let run = try CompareRun.run(path: path)
        let rows = run.csv().split(separator: "\n").map(String.init)
        #expect(rows.count == 2)
        #expect(rows[1].hasPrefix("1,\"'=HYPERLINK(\"\"x\"\")\",-11.0,"), "\(rows[1])")
        #expect(rows.allSatisfy { !$0.contains(",=") && !$0.hasPrefix("=") })
    }
}
