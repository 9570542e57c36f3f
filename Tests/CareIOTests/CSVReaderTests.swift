import Testing

@testable import CareIO

struct CSVReaderTests {
    func records(_ text: String) throws -> [[String]] {
        var reader = CSVReader(bytes: Array(text.utf8), file: "t.csv")
        var rec = CSVRecord()
        var out: [[String]] = []
        while try reader.next(into: &rec) { out.append((0..<rec.count).map { rec.string(at: $0) }) }
        return out
    }

    @Test func rfc4180Quoting() throws {
        let text = "a,b,c\r\n1,\"x, y\",\"he said \"\"hi\"\"\"\r\n2,\"line1\nline2\",\n"
        #expect(try records(text) == [["a", "b", "c"], ["1", "x, y", "he said \"hi\""], ["2", "line1\nline2", ""]])
    }

    @Test func byteOrderMarkAndBlankLinesAreSkipped() throws {
        #expect(try records("\u{FEFF}a,b\n\n1,2\n\n") == [["a", "b"], ["1", "2"]])
    }

    @Test func lineNumbersFollowEmbeddedLineBreaks() throws {
        var reader = CSVReader(bytes: Array("h\n\"a\nb\"\nc\n".utf8), file: "t.csv")
        var rec = CSVRecord()
        var lines: [Int] = []
        while try reader.next(into: &rec) { lines.append(rec.line) }
        #expect(lines == [1, 2, 4])
    }

    @Test func unterminatedQuoteNamesTheLine() {
        #expect(throws: InputError(file: "t.csv", line: 2, field: nil, message: "unterminated quoted field (column 2)")) {
            _ = try records("a,b\n1,\"oops\n2,3\n")
        }
    }

    @Test func textAfterClosingQuoteIsAnError() {
        #expect(throws: InputError.self) { _ = try records("a\n\"x\"y\n") }
    }

    @Test func nullMarker() throws {
        var reader = CSVReader(bytes: Array("\\N,\"\\N\",,x\n".utf8), file: "t.csv")
        var rec = CSVRecord()
        _ = try reader.next(into: &rec)
        #expect(rec.isNullOrEmpty(at: 0))
        #expect(!rec.isNullOrEmpty(at: 1))  // a quoted \N is text
        #expect(rec.isNullOrEmpty(at: 2))
        #expect(!rec.isNullOrEmpty(at: 3))
    }
}

struct CSVTableReaderTests {
    @Test func emptyFile() {
        #expect(throws: InputError(file: "e.csv", line: 1, message: "empty file: expected a header row")) {
            _ = try CSVTableReader(bytes: [], file: "e.csv")
        }
        #expect(throws: InputError.self) { _ = try CSVTableReader(bytes: Array("\n\n".utf8), file: "e.csv") }
    }

    @Test func wrongColumnCountNamesTheLine() throws {
        var t = try CSVTableReader(bytes: Array("a,b\n1,2\n3\n".utf8), file: "w.csv")
        #expect(try t.next())
        #expect(throws: InputError(file: "w.csv", line: 3, message: "expected 2 fields (a,b), found 1")) { _ = try t.next() }
    }

    @Test func missingAndDuplicateColumns() {
        #expect(throws: InputError.self) { _ = try CSVTableReader(bytes: Array("a,a\n".utf8), file: "d.csv") }
        #expect(throws: InputError.self) { _ = try CSVTableReader(bytes: Array("a,b\n".utf8), file: "m.csv", required: ["c"]) }
    }

    @Test func typedFieldsNameTheField() throws {
        var t = try CSVTableReader(bytes: Array("n,x\n-5,nan\nabc,1e999\n".utf8), file: "f.csv")
        #expect(try t.next())
        #expect(throws: InputError(file: "f.csv", line: 2, field: "n", message: "-5 is negative")) { _ = try t.int(0) }
        #expect(try t.int(0, allowNegative: true) == -5)
        #expect(throws: InputError(file: "f.csv", line: 2, field: "x", message: "'nan' is not a finite number")) { _ = try t.double(1) }
        #expect(try t.next())
        #expect(throws: InputError(file: "f.csv", line: 3, field: "n", message: "'abc' is not an integer")) { _ = try t.int(0) }
        #expect(throws: InputError.self) { _ = try t.double(1) }
    }
}
