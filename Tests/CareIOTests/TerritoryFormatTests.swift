import CareGeo
import CareTestSupport
import Testing

@testable import CareIO

struct TerritoryFormatTests {
    @Test func csvRoundTrip() throws {
        let t = try TestTerritory.make()
        let back = try TerritoryCSV.decode(Array(TerritoryCSV.encode(t).utf8), file: "t.csv")
        #expect(back.communes == t.communes)
        #expect(back.aliases == t.aliases)
    }

    @Test func binaryRoundTrip() throws {
        let t = try TestTerritory.make()
        let bytes = TerritoryBinary.encode(t)
        let back = try TerritoryBinary.decode(bytes, file: "t.catr")
        #expect(back.communes == t.communes)
        #expect(back.aliases == t.aliases)
        #expect(try TerritoryFile.load(bytes: bytes, file: "t.catr").territory.communes == t.communes)
    }

    @Test func corruptOrTruncatedBinaryIsRejected() throws {
        var bytes = TerritoryBinary.encode(try TestTerritory.make())
        #expect(throws: InputError(file: "t.catr", message: "checksum mismatch: the file is truncated or corrupt")) {
            _ = try TerritoryBinary.decode(Array(bytes.dropLast(5)), file: "t.catr")
        }
        bytes[30] ^= 0xFF
        #expect(throws: InputError.self) { _ = try TerritoryBinary.decode(bytes, file: "t.catr") }
        #expect(throws: InputError.self) { _ = try TerritoryBinary.decode(Array("CATR".utf8), file: "t.catr") }
    }

    @Test func csvErrorsAreLocated() {
        let head = TerritoryCSV.columns.joined(separator: ",") + "\n"
        #expect(throws: InputError(file: "t.csv", line: 2, field: "population", message: "-3 is negative")) {
            _ = try TerritoryCSV.decode(Array((head + "07001,A,-3,07,4.5,44.7,800000,6400000,2154,town_hall,\n").utf8), file: "t.csv")
        }
        #expect(throws: InputError(file: "t.csv", line: 3, field: "code", message: "duplicate code 07001 (first on line 2)")) {
            _ = try TerritoryCSV.decode(Array((head + "07001,A,3,07,4.5,44.7,800000,6400000,2154,town_hall,\n07001,A,3,07,4.5,44.7,800000,6400000,2154,town_hall,\n").utf8), file: "t.csv")
        }
        #expect(throws: InputError(file: "t.csv", line: 2, field: "epsg", message: "EPSG:2975 is not the projected CRS of département 07 (EPSG:2154)")) {
            _ = try TerritoryCSV.decode(Array((head + "07001,A,3,07,4.5,44.7,800000,6400000,2975,town_hall,\n").utf8), file: "t.csv")
        }
        #expect(throws: InputError(file: "t.csv", line: 3, field: "alias_of", message: "alias 07099 points to unknown commune 07777")) {
            _ = try TerritoryCSV.decode(Array((head + "07001,A,3,07,4.5,44.7,800000,6400000,2154,town_hall,\n07099,,,,,,,,,,07777\n").utf8), file: "t.csv")
        }
        #expect(throws: InputError(file: "t.csv", line: 2, field: "x", message: "'NaN' is not a finite number")) {
            _ = try TerritoryCSV.decode(Array((head + "07001,A,3,07,4.5,44.7,NaN,6400000,2154,town_hall,\n").utf8), file: "t.csv")
        }
    }
}
