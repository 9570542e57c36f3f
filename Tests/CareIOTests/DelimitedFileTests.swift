import CareModel
import CareTestSupport
import Testing

@testable import CareIO

/// INSEE's `;`-separated files (and tab-separated ones, with a byte-order mark, CR LF line ends): the supply
/// (BPE and practitioners), candidates and OD-matrix readers detect the delimiter from the header and read the
/// same values as from the comma version; a header mixing delimiters is a located error. Every CSV below is
/// hand-made over the SYNTHETIC three-commune ``TestTerritory``.
@Suite struct DelimitedFileTests {
    let territory: Territory
    init() throws { territory = try TestTerritory.make() }

    /// `csv` with its commas turned into `delimiter` (no comma below sits inside a quoted field).
    static func delimited(_ csv: String, _ delimiter: String) -> String { csv.replacingOccurrences(of: ",", with: delimiter) }

    static let bpe = "\"CODGEO\",\"NB_D201\",\"id_noeud\",\"POPULATION\"\n\"07001\",3,\"1\",10\n\"07099\",2,\"2\",5\n\"14513\",4,\"4\",9\n"
    static let practitioners = "id,commune,fte,birth_year\na,07001,,1960\nb,07001,0.5,\nc,07099,1,1990\n"
    static let candidates = "id,commune,cost\nmsp-a,07001,221333.5\nmsp-b,07099,\n"
    static let od = "origin,destination,minutes\n07001,07002,12.5\n07002,07001,14\n07001,26001,40\n"

    func bpe(_ text: String, file: String = "gp.csv") throws -> SupplyImport {
        try BPEImporter().importBytes(Array(text.utf8), file: file, territory: territory)
    }

    @Test(arguments: [";", "\t"]) func bpeCountsEqualTheCommaVersion(delimiter: String) throws {
        let comma = try bpe(Self.bpe), other = try bpe(Self.delimited(Self.bpe, delimiter))
        #expect(other.sites == comma.sites)
        #expect(other.sites.map(\.gps) == [3, 2])
        #expect(other.unknownCodes.map(\.code) == comma.unknownCodes.map(\.code))
        #expect(other.unknownCodes.map(\.line) == [4])
    }

    @Test func supplyFileChoosesTheImporterWhateverTheDelimiter() throws {
        let s = try SupplyFile.load(bytes: Array(Self.delimited(Self.bpe, ";").utf8), file: "gp.csv", territory: territory)
        #expect(s.totalGPs == 5)
        let comma = try SupplyFile.load(bytes: Array(Self.practitioners.utf8), file: "p.csv", territory: territory)
        let semi = try SupplyFile.load(bytes: Array(Self.delimited(Self.practitioners, ";").utf8), file: "p.csv", territory: territory)
        #expect(semi.sites == comma.sites)
        #expect(semi.totalGPs == 2.5)
    }

    @Test func candidatesAndODMatrixReadTheSameFromSemicolons() throws {
        let comma = try CandidatesFile.parse(Array(Self.candidates.utf8), file: "cand.csv", territory: territory)
        let semi = try CandidatesFile.parse(Array(Self.delimited(Self.candidates, ";").utf8), file: "cand.csv", territory: territory)
        #expect(semi == comma)
        #expect(semi.map(\.cost) == [221_333.5, nil])
        let a = try ODMatrixReader.parse(bytes: Array(Self.od.utf8), file: "od.csv", territory: territory,
                                         symmetric: false, selfPairsZero: true)
        let b = try ODMatrixReader.parse(bytes: Array(Self.delimited(Self.od, ";").utf8), file: "od.csv", territory: territory,
                                         symmetric: false, selfPairsZero: true)
        for o in 0..<3 { for d in 0..<3 { #expect(b.minutes(from: o, to: d) == a.minutes(from: o, to: d)) } }
        #expect(b.minutes(from: 0, to: 1) == 12.5)
    }

    @Test func byteOrderMarkAndWindowsLineEnds() throws {
        let text = "\u{FEFF}" + Self.delimited(Self.bpe, ";").replacingOccurrences(of: "\n", with: "\r\n")
        let s = try bpe(text)
        #expect(s.sites == (try bpe(Self.bpe)).sites)
        var table = try CSVTableReader(bytes: Array(text.utf8), file: "gp.csv")
        #expect(table.delimiter == .semicolon)
        #expect(table.header == ["CODGEO", "NB_D201", "id_noeud", "POPULATION"])
        #expect(try table.next())
        #expect(table.string(0) == "07001")
    }

    @Test func latin1NamesDoNotDisturbTheCounts() throws {
        // INSEE files are sometimes Latin-1: a name column holding é (0xE9, not UTF-8) is carried, not read; the
        // codes and counts, ASCII, read as from the UTF-8 file.
        var bytes = Array("CODGEO;LIBCOM;NB_D201\r\n07001;B".utf8) + [0xE9] + Array("doin;3\r\n07099;Ch".utf8) + [0xE2]
            + Array("teau;2\r\n".utf8)
        let latin1 = try BPEImporter().importBytes(bytes, file: "gp.csv", territory: territory)
        bytes = Array("CODGEO;LIBCOM;NB_D201\n07001;Bédoin;3\n07099;Château;2\n".utf8)
        let utf8 = try BPEImporter().importBytes(bytes, file: "gp.csv", territory: territory)
        #expect(latin1.sites == utf8.sites)
        #expect(latin1.sites.map(\.gps) == [3, 2])
    }

    @Test func quotedDelimitersDoNotCount() throws {
        // A ';' inside a quoted name is text, not a delimiter: the header is comma-separated.
        let t = try CSVTableReader(bytes: Array("\"id;x\",commune\na,07001\n".utf8), file: "q.csv")
        #expect(t.delimiter == .comma)
        #expect(t.header == ["id;x", "commune"])
        // And the reverse: a ',' quoted in a ';' file, in the header and in a record.
        var u = try CSVTableReader(bytes: Array("\"a,b\";c\n\"1,5\";2\n".utf8), file: "q.csv")
        #expect(u.delimiter == .semicolon)
        #expect(try u.next())
        #expect(u.string(0) == "1,5")
        // One column: no delimiter at all reads as ','.
        #expect(try CSVTableReader(bytes: Array("code\n07001\n".utf8), file: "q.csv").delimiter == .comma)
    }

    @Test func mixedHeaderIsALocatedError() {
        #expect(throws: InputError(file: "gp.csv", line: 1, field: "NB_D201,POPULATION",
                                   message: "ambiguous header: both ';' and ',' separate names outside quotes (column 2); use one delimiter: ',', ';' or tab")) {
            _ = try bpe("CODGEO;NB_D201,POPULATION\n07001;3,10\n")
        }
        // After blank lines and a byte-order mark, the header's own line is named.
        #expect(throws: InputError(file: "od.csv", line: 3, field: "b;c",
                                   message: "ambiguous header: both ',' and ';' separate names outside quotes (column 2); use one delimiter: ',', ';' or tab")) {
            _ = try CSVTableReader(bytes: Array("\u{FEFF}\n\na,b;c,d\n".utf8), file: "od.csv")
        }
        #expect(throws: InputError(file: "t.csv", line: 1, field: "b\\tc",
                                   message: "ambiguous header: both ',' and tab separate names outside quotes (column 2); use one delimiter: ',', ';' or tab")) {
            _ = try CSVTableReader(bytes: Array("a,b\tc\n".utf8), file: "t.csv")
        }
    }

    @Test func errorsInSemicolonFilesNameFileLineFieldAndTheDelimiter() {
        #expect(throws: InputError(file: "gp.csv", line: 3, field: "NB_D201", message: "-2 is negative")) {
            _ = try bpe("CODGEO;NB_D201\n07001;3\n07002;-2\n")
        }
        #expect(throws: InputError(file: "gp.csv", line: 2, message: "expected 2 fields separated by ';' (CODGEO;NB_D201), found 1")) {
            _ = try bpe("CODGEO;NB_D201\n07001,3\n")
        }
        #expect(throws: InputError(file: "od.csv", line: 1, field: "minutes",
                                   message: "missing required column (header has: origin, destination; separated by ';')")) {
            _ = try ODMatrixReader.parse(bytes: Array("origin;destination\n07001;07002\n".utf8), file: "od.csv",
                                         territory: territory, symmetric: false, selfPairsZero: true)
        }
    }
}
