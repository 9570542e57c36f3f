import CareGeo
import Testing

struct WKTTests {
    let shape = MultiPolygon(polygons: [
        Polygon(exterior: [XY(x: 0, y: 0), XY(x: 10, y: 0), XY(x: 10, y: 10), XY(x: 0, y: 0)],
                holes: [[XY(x: 6, y: 2), XY(x: 8, y: 2), XY(x: 8, y: 4), XY(x: 6, y: 2)]]),
        Polygon(exterior: [XY(x: 20, y: 0), XY(x: 21, y: 0), XY(x: 21, y: 1), XY(x: 20, y: 0)]),
    ])

    @Test func writesAndReadsBack() throws {
        let text = WKT.string(shape, wholeUnits: true)
        #expect(text == "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 0), (6 2, 8 2, 8 4, 6 2)), ((20 0, 21 0, 21 1, 20 0)))")
        #expect(try WKT.multiPolygon(from: text) == shape)
        #expect(try WKT.multiPolygon(from: "multipolygon(((0 0,1 0,1 1,0 0)))").polygons.count == 1)
        #expect(try WKT.multiPolygon(from: " POLYGON ((0.5 0, 1e1 0, 10 10, 0.5 0)) ").polygons[0].exterior[1] == XY(x: 10, y: 0))
        #expect(try WKT.multiPolygon(from: "MULTIPOLYGON EMPTY").polygons.isEmpty)
        #expect(WKT.string(MultiPolygon(polygons: [])) == "MULTIPOLYGON EMPTY")
        #expect(WKT.string(MultiPolygon(polygons: [Polygon(exterior: [XY(x: 0.4, y: -2.6), XY(x: 1, y: 0), XY(x: 1, y: 1), XY(x: 0.4, y: -2.6)])]), wholeUnits: true)
            == "MULTIPOLYGON (((0 -3, 1 0, 1 1, 0 -3)))")
    }

    @Test(arguments: [
        ("", "expected MULTIPOLYGON or POLYGON (at offset 0)"),
        ("POINT (1 2)", "unsupported geometry type 'POINT' (expected MULTIPOLYGON or POLYGON) (at offset 0)"),
        ("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0))", "expected ',' or ')' at end of text (at offset 36)"),
        ("MULTIPOLYGON (((0 0, 1 0, 0 0)))", "a ring needs at least 4 positions, found 3 (at offset 15)"),
        ("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1)))", "ring is not closed (first position ≠ last) (at offset 15)"),
        ("MULTIPOLYGON (((0 0, 1 x, 1 1, 0 0)))", "expected a coordinate (at offset 23)"),
        ("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0))) x", "unexpected text after the geometry (at offset 38)"),
        ("MULTIPOLYGON (((0 0, 1 0, 1e999 1, 0 0)))", "'1e999' is not a finite number (at offset 26)"),
    ])
    func malformedTextIsLocated(text: String, message: String) {
        #expect(throws: WKBError.self) { _ = try WKT.multiPolygon(from: text) }
        do { _ = try WKT.multiPolygon(from: text) } catch { #expect(error.description == message) }
    }
}
