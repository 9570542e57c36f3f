import CareGeo
import CareModel
import CareTestSupport
import Testing

@testable import CareIO

/// Boundaries stored with the territory: territory CSV (WKT column) and `.catr` version 2 (synthetic territory).
struct TerritoryBoundaryFormatTests {
    /// The synthetic test territory with whole-metre boundaries: a square with a hole, two parts, and none.
    static func withBoundaries() throws -> Territory {
        var t = try TestTerritory.make()
        let square = { (x: Double, y: Double, side: Double) in
            [XY(x: x, y: y), XY(x: x + side, y: y), XY(x: x + side, y: y + side), XY(x: x, y: y + side), XY(x: x, y: y)]
        }
        try t.setBoundaries([
            MultiPolygon(polygons: [Polygon(exterior: square(795_000, 6_395_000, 10_000), holes: [square(799_000, 6_399_000, 100)])]),
            MultiPolygon(polygons: [Polygon(exterior: square(805_000, 6_395_000, 10_000)), Polygon(exterior: square(816_000, 6_395_000, 300))]),
            nil,
        ])
        return t
    }

    @Test func csvRoundTripKeepsBoundaries() throws {
        let t = try Self.withBoundaries()
        let text = TerritoryCSV.encode(t)
        #expect(text.hasPrefix(TerritoryCSV.columns.joined(separator: ",") + ",boundary\n"))
        #expect(text.contains(",\"MULTIPOLYGON (((795000 6395000, 805000 6395000, "))
        #expect(text.contains("07099,,,,,,,,,,07002,\n"))
        let back = try TerritoryCSV.decode(Array(text.utf8), file: "t.csv")
        #expect(back.communes == t.communes)
        #expect(back.aliases == t.aliases)
        #expect(back.boundaries == t.boundaries)
        // Without boundaries the file is exactly the old format.
        #expect(!TerritoryCSV.encode(try TestTerritory.make()).contains("boundary"))
        #expect(try TerritoryCSV.decode(Array(TerritoryCSV.encode(try TestTerritory.make()).utf8), file: "t.csv").boundaries == nil)
    }

    @Test func csvRoundsToWholeMetres() throws {
        var t = try TestTerritory.make()
        // Offsets near the commune's own point (Lambert-93), so the ring lies in the CRS's area of use.
        let (x0, y0) = (800_000.0, 6_400_000.0)
        let ring = [XY(x: x0 + 0.4, y: y0 + 0.6), XY(x: x0 + 10.5, y: y0), XY(x: x0 + 10, y: y0 + 9.49), XY(x: x0 + 0.4, y: y0 + 0.6)]
        try t.setBoundaries([MultiPolygon(polygons: [Polygon(exterior: ring)]), nil, nil])
        let back = try TerritoryCSV.decode(Array(TerritoryCSV.encode(t).utf8), file: "t.csv")
        #expect(back.boundary(at: 0)?.polygons[0].exterior
            == [XY(x: x0, y: y0 + 1), XY(x: x0 + 11, y: y0), XY(x: x0 + 10, y: y0 + 9), XY(x: x0, y: y0 + 1)])
    }

    @Test func binaryVersion2RoundTripKeepsBoundaries() throws {
        let t = try Self.withBoundaries()
        let bytes = TerritoryBinary.encode(t)
        #expect(bytes[4] == 2)
        let back = try TerritoryBinary.decode(bytes, file: "t.catr")
        #expect(back.communes == t.communes)
        #expect(back.aliases == t.aliases)
        #expect(back.boundaries == t.boundaries)
        // Compact: 21 vertices in a few bytes each, not 16.
        #expect(bytes.count - TerritoryBinary.encode(try TestTerritory.make()).count < 21 * 6 + 20)
        let none = try TerritoryBinary.decode(TerritoryBinary.encode(try TestTerritory.make()), file: "t.catr")
        #expect(none.boundaries == nil)
    }

    @Test func binaryVersion1IsStillRead() throws {
        let t = try Self.withBoundaries()
        let v1 = TerritoryBinary.encode(t, version: 1)
        #expect(v1[4] == 1)
        let back = try TerritoryBinary.decode(v1, file: "old.catr")
        #expect(back.communes == t.communes)
        #expect(back.boundaries == nil)
        var v3 = TerritoryBinary.encode(t)
        v3[4] = 3
        v3.replaceSubrange((v3.count - 8)..., with: withUnsafeBytes(of: TerritoryBinary.fnv1a(v3.dropLast(8)).littleEndian, Array.init))
        #expect(throws: InputError(file: "new.catr", message: "unsupported territory format version 3 (this build reads 1 and 2)")) {
            _ = try TerritoryBinary.decode(v3, file: "new.catr")
        }
    }

    @Test func corruptBoundarySectionIsRejected() throws {
        var bytes = TerritoryBinary.encode(try Self.withBoundaries())
        #expect(throws: InputError(file: "t.catr", message: "checksum mismatch: the file is truncated or corrupt")) {
            _ = try TerritoryBinary.decode(Array(bytes.dropLast(3)), file: "t.catr")
        }
        // A vertex count larger than the file, with a valid checksum: a clear error, no huge allocation.
        let flag = TerritoryBinary.encode(try TestTerritory.make()).count - 9  // same prefix, then the flag
        #expect(bytes[flag] == 1)
        bytes[flag + 1] = 0x7F  // first commune: 126 parts
        bytes.replaceSubrange((bytes.count - 8)..., with: withUnsafeBytes(of: TerritoryBinary.fnv1a(bytes.dropLast(8)).littleEndian, Array.init))
        #expect(throws: InputError.self) { _ = try TerritoryBinary.decode(bytes, file: "t.catr") }
    }

    @Test(arguments: [
        ("\"MULTIPOLYGON (((0 0, 1 0, 1 1)))\"", "invalid WKT boundary: a ring needs at least 4 positions, found 3 (at offset 15)"),
        ("\"POLYGON ((0 0, 1 0, 1 1, 0 0)\"", "invalid WKT boundary: expected ',' or ')' at end of text (at offset 29)"),
        ("LINESTRING (0 0)", "invalid WKT boundary: unsupported geometry type 'LINESTRING' (expected MULTIPOLYGON or POLYGON) (at offset 0)"),
    ])
    func badWKTIsLocated(field: String, message: String) {
        let head = TerritoryCSV.columns.joined(separator: ",") + ",boundary\n"
        let good = "07001,A,3,07,4.5,44.7,800000,6400000,2154,town_hall,,\n"
        let bad = "07002,B,3,07,4.5,44.7,800000,6400000,2154,town_hall,,\(field)\n"
        #expect(throws: InputError(file: "t.csv", line: 3, field: "boundary", message: message)) {
            _ = try TerritoryCSV.decode(Array((head + good + bad).utf8), file: "t.csv")
        }
    }
}
