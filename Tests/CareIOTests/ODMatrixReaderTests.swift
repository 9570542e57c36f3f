import CareGeo
import CareModel
import CareTestSupport
import Foundation
import Testing

@testable import CareIO

/// `ODMatrixReader` on hand-made CSVs over the SYNTHETIC three-commune ``TestTerritory`` (07001, 07002 with
/// alias 07099, 26001): every expected minute and error below is worked out by hand from the CSV text.
struct ODMatrixReaderTests {
    static let file = "od.csv"

    func read(_ csv: String, symmetric: Bool = false, selfPairsZero: Bool = true) throws -> ODMatrixModel {
        try ODMatrixReader.parse(bytes: Array(csv.utf8), file: Self.file, territory: try TestTerritory.make(),
                                 symmetric: symmetric, selfPairsZero: selfPairsZero)
    }

    /// The located error thrown by reading `csv`, or `nil` (and a failed expectation) when nothing is thrown.
    func error(_ csv: String, symmetric: Bool = false) -> InputError? {
        do {
            _ = try read(csv, symmetric: symmetric)
            Issue.record("expected an InputError for:\n\(csv)")
            return nil
        } catch let e as InputError {
            return e
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test func asymmetricKeepsEachDirectionAndMissingPairsAreUnreachable() throws {
        let m = try read("origin,destination,minutes\n07001,07002,12.5\n07002,07001,14\n07001,26001,40\n")
        #expect(m.minutes(from: 0, to: 1) == 12.5)
        #expect(m.minutes(from: 1, to: 0) == 14)
        #expect(m.minutes(from: 0, to: 2) == 40)
        #expect(m.minutes(from: 2, to: 0) == nil)   // not in the file, not symmetric: unreachable
        #expect(m.minutes(from: 1, to: 2) == nil)
        // Diagonal filled with 0 (selfPairsZero): 3 stated pairs + 3 self pairs.
        #expect(m.minutes(from: 2, to: 2) == 0)
        #expect(m.pairCount == 6)
        #expect(m.keyCount == 3)
    }

    @Test func withoutSelfPairsZeroTheDiagonalIsMissing() throws {
        let m = try read("origin,destination,minutes\n07001,07002,12.5\n", selfPairsZero: false)
        #expect(m.pairCount == 1)
        #expect(m.minutes(from: 0, to: 0) == nil)
    }

    @Test func symmetricFillsTheReverseUnlessStated() throws {
        let m = try read("origin,destination,minutes\n07001,07002,12.5\n26001,07001,40\n07002,07001,12.5\n",
                         symmetric: true)
        #expect(m.minutes(from: 0, to: 1) == 12.5)
        #expect(m.minutes(from: 1, to: 0) == 12.5)
        #expect(m.minutes(from: 2, to: 0) == 40)
        #expect(m.minutes(from: 0, to: 2) == 40)
        #expect(m.minutes(from: 1, to: 2) == nil)
        #expect(m.pairCount == 4 + 3)
        #expect(m.name.contains("symmetric"))
    }

    @Test func symmetricDisagreementNamesBothLines() throws {
        let e = try #require(error("origin,destination,minutes\n07001,07002,12.5\n07002,07001,13\n", symmetric: true))
        #expect(e.file == Self.file)
        #expect(e.line == 3)
        #expect(e.field == "minutes")
        #expect(e.message.contains("line 2"))
    }

    @Test func aliasCodeResolvesToItsCommune() throws {
        // 07099 is an alias of 07002 (index 1).
        let m = try read("origin,destination,minutes\n07099,07001,9\n")
        #expect(m.minutes(from: 1, to: 0) == 9)
        // Stating a pair once by code and once by alias is a duplicate.
        let e = try #require(error("origin,destination,minutes\n07002,07001,9\n07099,07001,9\n"))
        #expect(e.line == 3)
        #expect(e.message.contains("duplicate pair"))
    }

    @Test func modelResolvesPlacesThroughCommunePoints() throws {
        let t = try TestTerritory.make()
        let m = try read("origin,destination,minutes\n07001,07002,12.5\n07001,26001,30\n")
        let places = t.communes.map(\.place)
        let nearest = try m.nearest(from: [places[0]], to: [places[2], places[1]])
        #expect(nearest[0].site == 1)          // 07002 at 12.5 beats 26001 at 30
        #expect(nearest[0].minutes == 12.5)
        let c = try m.catchments(from: [places[1]], to: places, within: 12.5)   // inclusive threshold
        #expect(Array(c.demand[c.range(of: 0)]) == [0, 1])
        #expect(Array(c.minutes[c.range(of: 0)]) == [12.5, 0])
        let off = Place(point: ProjectedPoint(x: 1, y: 1), crs: .lambert93)
        #expect(try m.nearest(from: [off], to: [places[1]])[0].site == nil)
    }

    @Test func duplicatePairIsLocated() throws {
        let e = try #require(error("origin,destination,minutes\n07001,07002,12\n26001,07001,40\n07001,07002,12\n"))
        #expect(e.file == Self.file)
        #expect(e.line == 4)
        #expect(e.message.contains("first at line 2"))
    }

    @Test func unknownCommuneCodeNamesItsField() throws {
        let o = try #require(error("origin,destination,minutes\n07001,07002,3\n99999,07002,3\n"))
        #expect(o == InputError(file: Self.file, line: 3, field: "origin", message: "unknown commune code '99999'"))
        let d = try #require(error("origin,destination,minutes\n07001,7002,3\n"))
        #expect(d == InputError(file: Self.file, line: 2, field: "destination", message: "unknown commune code '7002' — did you mean 07002? (a spreadsheet may have dropped the leading zero)"))
    }

    @Test(arguments: ["-1", "NaN", "inf", "abc", ""])
    func badMinutesAreLocated(_ minutes: String) throws {
        let e = try #require(error("origin,destination,minutes\n07001,07002,5\n07002,26001,\(minutes)\n"))
        #expect(e.file == Self.file)
        #expect(e.line == 3)
        #expect(e.field == "minutes")
        #expect(e.description.hasPrefix("od.csv:3: field 'minutes': "))
    }

    @Test func emptyFileAndMissingHeaderAreLocated() throws {
        let empty = try #require(error(""))
        #expect(empty.file == Self.file)
        #expect(empty.line == 1)
        #expect(empty.message.contains("empty file"))
        // A data row where the header should be: the required columns are missing.
        let noHeader = try #require(error("07001,07002,12.5\n"))
        #expect(noHeader.line == 1)
        #expect(noHeader.field == "origin")
        #expect(noHeader.message.contains("missing required column"))
        let noMinutes = try #require(error("origin,destination,time\n07001,07002,12.5\n"))
        #expect(noMinutes.line == 1)
        #expect(noMinutes.field == "minutes")
    }

    @Test func headerOnlyGivesTheDiagonalOnly() throws {
        let m = try read("origin,destination,minutes\n")
        #expect(m.pairCount == 3)
        #expect(m.minutes(from: 0, to: 1) == nil)
    }

    @Test func readFromDiskNamesThePath() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("odmatrix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("bad.csv").path
        try "origin,destination,minutes\n07001,07002,-2\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: InputError(file: path, line: 2, field: "minutes", message: "-2.0 is negative")) {
            _ = try ODMatrixReader.read(path: path, territory: try TestTerritory.make())
        }
    }
}
