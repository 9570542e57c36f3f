import Testing

@testable import CareGeo

/// Hand-made invalid shapes, one per OGC rule, and valid ones that must pass.
struct PolygonValidityTests {
    static func xy(_ x: Double, _ y: Double) -> XY { XY(x: x, y: y) }
    static func square(_ x: Double, _ y: Double, _ s: Double = 1) -> [XY] {
        [xy(x, y), xy(x + s, y), xy(x + s, y + s), xy(x, y + s), xy(x, y)]
    }
    static func shape(_ rings: [[XY]]...) -> MultiPolygon { MultiPolygon(polygons: rings.map { Polygon(rings: $0) }) }

    @Test func validShapesPass() {
        #expect(PolygonValidity.isValid(Self.shape([Self.square(0, 0)])))
        #expect(PolygonValidity.isValid(Self.shape([Self.square(0, 0, 4), Self.square(1, 1)])))  // a hole
        #expect(PolygonValidity.isValid(Self.shape([Self.square(0, 0)], [Self.square(1, 1)])))   // corner touch
        #expect(PolygonValidity.isValid(Self.shape([Self.square(0, 0, 4)], [Self.square(5, 0)])))
        // A hole touching its exterior at one vertex.
        #expect(PolygonValidity.isValid(Self.shape([Self.square(0, 0, 4), [Self.xy(0, 2), Self.xy(1, 1), Self.xy(1, 3), Self.xy(0, 2)]])))
    }

    @Test func eachRuleIsCaught() {
        let bowtie = [Self.xy(0, 0), Self.xy(2, 2), Self.xy(2, 0), Self.xy(0, 2), Self.xy(0, 0)]
        #expect(PolygonValidity.problems(Self.shape([bowtie])) == [.edgesMeet(at: Self.xy(0, 0))])
        #expect(PolygonValidity.problems(Self.shape([Array(Self.square(0, 0).dropLast())])) == [.ringNotClosed(part: 0, ring: 0)])
        #expect(PolygonValidity.problems(Self.shape([[Self.xy(0, 0), Self.xy(1, 0), Self.xy(0, 0)]])) == [.ringTooShort(part: 0, ring: 0)])
        #expect(PolygonValidity.problems(Self.shape([Self.square(0, 0), Self.square(3, 3)])) == [.holeOutsideShell(part: 0)])
        #expect(PolygonValidity.problems(Self.shape([Self.square(0, 0, 4)], [Self.square(1, 1)])) == [.nestedParts(inner: 1, outer: 0)])
        // Parts sharing an edge (the undissolved communes déléguées).
        #expect(!PolygonValidity.isValid(Self.shape([Self.square(0, 0)], [Self.square(1, 0)])))
        // Parts sharing half an edge (no common vertices there): an overlap along a length.
        #expect(!PolygonValidity.isValid(Self.shape([Self.square(0, 0)], [Self.square(1, 0.5)])))
        // A ring through one vertex twice (two squares joined at a corner in one ring).
        let figureEight = [Self.xy(0, 0), Self.xy(1, 0), Self.xy(1, 1), Self.xy(2, 1), Self.xy(2, 2), Self.xy(1, 2),
                           Self.xy(1, 1), Self.xy(0, 1), Self.xy(0, 0)]
        #expect(PolygonValidity.problems(Self.shape([figureEight])).contains(.ringSelfTouches(at: Self.xy(1, 1))))
        // A spike folding back on itself.
        let spike = [Self.xy(0, 0), Self.xy(2, 0), Self.xy(3, 0), Self.xy(2, 0), Self.xy(2, 2), Self.xy(0, 2), Self.xy(0, 0)]
        #expect(!PolygonValidity.isValid(Self.shape([spike])))
    }
}
