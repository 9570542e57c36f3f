import Testing
import CareGeo

@Suite("EWKB")
struct EWKBTests {
    static let squareWithHole = Polygon(exterior: squareRing(0, 0, 10), holes: [squareRing(4, 4, 2)])
    static let twoPolygons = MultiPolygon(polygons: [
        squareWithHole,
        Polygon(exterior: squareRing(826_000.25, 6_405_000.5, 1000)),
    ])

    @Test func realTownHallPoint() throws {
        let (geometry, srid) = try EWKB.decode(hex: "0101000000B9FDFF1F27AE1340D00B00206A134740")
        // Exact doubles of the little-endian bytes (checked with Python struct.unpack('<dd')).
        #expect(geometry == .point(XY(x: 4.92007112503, y: 46.151676178)))
        #expect(srid == nil)
        let lower = try EWKB.decode(hex: "0101000000b9fdff1f27ae1340d00b00206a134740")
        #expect(lower.geometry == geometry)
    }

    @Test(arguments: [true, false], [nil, 4326, 2154] as [Int32?])
    func point(littleEndian: Bool, srid: Int32?) throws {
        var w = WKBWriter(littleEndian: littleEndian)
        w.point(XY(x: 4.5986, y: -44.7356), srid: srid)
        let decoded = try EWKB.decode(bytes: w.bytes)
        #expect(decoded.geometry == .point(XY(x: 4.5986, y: -44.7356)))
        #expect(decoded.srid == srid)
        let fromHex = try EWKB.decode(hex: w.hex)
        #expect(fromHex.geometry == decoded.geometry && fromHex.srid == srid)
    }

    @Test(arguments: [true, false], [nil, 4326, 2154] as [Int32?])
    func polygonWithHole(littleEndian: Bool, srid: Int32?) throws {
        var w = WKBWriter(littleEndian: littleEndian)
        w.polygon(Self.squareWithHole, srid: srid)
        let decoded = try EWKB.decode(hex: w.hex)
        #expect(decoded.geometry == .polygon(Self.squareWithHole))
        #expect(decoded.srid == srid)
        #expect(decoded.geometry.multiPolygon?.area == 96)
    }

    @Test(arguments: [true, false], [nil, 4326, 2154] as [Int32?])
    func multiPolygonOfTwo(littleEndian: Bool, srid: Int32?) throws {
        var w = WKBWriter(littleEndian: littleEndian)
        w.multiPolygon(Self.twoPolygons, srid: srid)
        let decoded = try EWKB.decode(bytes: w.bytes)
        #expect(decoded.geometry == .multiPolygon(Self.twoPolygons))
        #expect(decoded.srid == srid)
        #expect(decoded.geometry.multiPolygon?.boundingBox == BoundingBox(minX: 0, minY: 0, maxX: 827_000.25, maxY: 6_406_000.5))
    }

    @Test func mixedByteOrdersNested() throws {
        for outer in [true, false] {
            var w = WKBWriter(littleEndian: outer)
            w.multiPolygon(Self.twoPolygons, srid: 2154, memberLittleEndian: [!outer, outer])
            let decoded = try EWKB.decode(hex: w.hex)
            #expect(decoded.geometry == .multiPolygon(Self.twoPolygons))
            #expect(decoded.srid == 2154)
        }
    }

    @Test func realMultiPolygonPrefix() throws {
        var w = WKBWriter()
        w.multiPolygon(MultiPolygon(polygons: [Polygon(exterior: squareRing(4.5, 44.7, 0.01))]))
        #expect(w.hex.hasPrefix("0106000000010000000103000000"))
        let decoded = try EWKB.decode(hex: w.hex)
        #expect(decoded.geometry.multiPolygon?.polygons.count == 1)
    }

    @Test func zAndMOrdinatesAreDropped() throws {
        let p = XY(x: 1.5, y: -2.5)
        // EWKB flags: Z, M, ZM, with SRID.
        for (flags, extra) in [(UInt32(0x8000_0000), [7.0]), (0x4000_0000, [8.0]), (0xC000_0000, [7.0, 8.0])] {
            var w = WKBWriter(littleEndian: false)
            w.point(p, srid: 4326, extra: extra, type: 1 | flags)
            let decoded = try EWKB.decode(bytes: w.bytes)
            #expect(decoded.geometry == .point(p) && decoded.srid == 4326)
        }
        // ISO codes: 1001 (Z), 2001 (M), 3001 (ZM), 1003 (Polygon Z), 3003 (Polygon ZM).
        for (type, extra) in [(UInt32(1001), [7.0]), (2001, [8.0]), (3001, [7.0, 8.0])] {
            var w = WKBWriter()
            w.point(p, extra: extra, type: type)
            #expect(try EWKB.decode(bytes: w.bytes).geometry == .point(p))
        }
        for (type, extra) in [(UInt32(1003), 1), (3003, 2), (0x8000_0003, 1)] {
            var w = WKBWriter()
            w.polygon(Self.squareWithHole, extraPerPoint: extra, type: type)
            #expect(try EWKB.decode(bytes: w.bytes).geometry == .polygon(Self.squareWithHole))
        }
    }

    @Test func hexUTF8FastPath() throws {
        var w = WKBWriter()
        w.multiPolygon(Self.twoPolygons)
        let csvLine = Array("42,\"x\",\(w.hex),end".utf8)
        let start = 7, end = 7 + w.hex.utf8.count
        let fromSlice = try EWKB.decode(hexUTF8: csvLine[start..<end])
        #expect(fromSlice.geometry == .multiPolygon(Self.twoPolygons))
        let fromBuffer = try csvLine.withUnsafeBufferPointer { buffer throws(WKBError) in
            try EWKB.decode(hexUTF8: UnsafeBufferPointer(rebasing: buffer[start..<end]))
        }
        #expect(fromBuffer.geometry == fromSlice.geometry)
        // A non-contiguous collection takes the copying path.
        let fromLazy = try EWKB.decode(hexUTF8: csvLine[start..<end].lazy.map { $0 })
        #expect(fromLazy.geometry == fromSlice.geometry)
        let substring = "SRID=…;\(w.hex)".split(separator: ";")[1]
        #expect(try EWKB.decode(hex: substring).geometry == fromSlice.geometry)
    }

    // MARK: Errors

    @Test func emptyInput() {
        #expect(throws: WKBError(message: "empty input", offset: 0)) { try EWKB.decode(hex: "") }
        #expect(throws: WKBError(message: "empty input", offset: 0)) { try EWKB.decode(bytes: []) }
        #expect(throws: WKBError(message: "empty input", offset: 0)) { try EWKB.decode(hexUTF8: [UInt8]()) }
    }

    @Test func invalidHex() {
        #expect(throws: WKBError(message: "invalid hex digit 'G' at position 17", offset: 17)) {
            try EWKB.decode(hex: "0101000000B9FDFF1G27AE1340D00B00206A134740")
        }
        #expect(throws: WKBError(message: "invalid hex digit 0x20 at position 2", offset: 2)) {
            try EWKB.decode(hex: "01 1000000")
        }
        #expect(throws: WKBError(message: "invalid hex digit 'x' at position 1", offset: 1)) { try EWKB.decode(hex: "0x") }
        #expect(throws: WKBError(message: "invalid hex digit 0xC3 at position 40", offset: 40)) {
            try EWKB.decode(hex: "0101000000B9FDFF1F27AE1340D00B00206A1347é")
        }
    }

    @Test func oddLength() {
        #expect(throws: WKBError(message: "odd number of hex digits (43)", offset: 43)) {
            try EWKB.decode(hex: "0101000000B9FDFF1F27AE1340D00B00206A1347400")
        }
    }

    @Test func truncatedAtSeveralOffsets() throws {
        var w = WKBWriter()
        w.multiPolygon(Self.twoPolygons, srid: 2154)
        let full = w.bytes
        // Every strict prefix must fail cleanly with a "truncated" error inside the input.
        for length in 1..<full.count {
            let error = #expect(throws: WKBError.self) { try EWKB.decode(bytes: Array(full.prefix(length))) }
            #expect(error?.message.hasPrefix("truncated") == true || error?.message.contains("count") == true,
                    "length \(length): \(error?.message ?? "")")
            #expect((error?.offset ?? -1) <= length)
        }
        // Exact messages at a few offsets.
        let point = try #require(hexBytes("0101000000B9FDFF1F27AE1340D00B00206A134740"))
        #expect(throws: WKBError(message: "truncated: needed 4 bytes at offset 1, have 1", offset: 1)) {
            try EWKB.decode(bytes: Array(point.prefix(2)))
        }
        #expect(throws: WKBError(message: "truncated: needed 16 bytes at offset 5, have 10", offset: 5)) {
            try EWKB.decode(bytes: Array(point.prefix(15)))
        }
        var srid = WKBWriter()
        srid.point(XY(x: 1, y: 2), srid: 4326)
        #expect(throws: WKBError(message: "truncated: needed 4 bytes at offset 5, have 3", offset: 5)) {
            try EWKB.decode(bytes: Array(srid.bytes.prefix(8)))
        }
    }

    @Test func unsupportedTypes() {
        let cases: [(type: UInt32, code: Int, name: String)] = [
            (2, 2, "LineString"), (4, 4, "MultiPoint"), (5, 5, "MultiLineString"), (7, 7, "GeometryCollection"),
            (0x2000_0002, 2, "LineString"), (1002, 2, "LineString"), (99, 99, "unknown"),
        ]
        for (type, code, name) in cases {
            var w = WKBWriter()
            w.header(type: type, srid: type & 0x2000_0000 != 0 ? 4326 : nil)
            w.uint32(0)
            #expect(throws: WKBError(message: "unsupported geometry type \(code) (\(name))", offset: 1)) {
                try EWKB.decode(bytes: w.bytes)
            }
        }
        var w = WKBWriter()
        w.header(type: 4001)
        #expect(throws: WKBError(message: "unsupported geometry type 4001", offset: 1)) { try EWKB.decode(bytes: w.bytes) }
    }

    @Test func multiPolygonMemberMustBePolygon() {
        var w = WKBWriter()
        w.header(type: 6)
        w.uint32(1)
        w.point(XY(x: 1, y: 2))
        #expect(throws: WKBError(message: "multipolygon member has geometry type 1 (Point), expected 3 (Polygon)", offset: 10)) {
            try EWKB.decode(bytes: w.bytes)
        }
    }

    @Test func badByteOrder() {
        #expect(throws: WKBError(message: "unknown byte order 0x05", offset: 0)) {
            try EWKB.decode(hex: "0501000000B9FDFF1F27AE1340D00B00206A134740")
        }
        var w = WKBWriter()
        w.multiPolygon(Self.twoPolygons)
        var bytes = w.bytes
        bytes[9] = 0x02  // order byte of the first member
        #expect(throws: WKBError(message: "unknown byte order 0x02", offset: 9)) { try EWKB.decode(bytes: bytes) }
    }

    @Test func countsExceedingRemainingBytesFailBeforeAllocating() {
        // Polygon claiming 2³²−1 rings.
        var rings = WKBWriter()
        rings.header(type: 3)
        rings.uint32(.max)
        let ringError = #expect(throws: WKBError.self) { try EWKB.decode(bytes: rings.bytes) }
        #expect(ringError?.offset == 5)
        #expect(ringError?.message.contains("ring count 4294967295") == true)
        // Ring claiming 2³²−1 points (Z: 24 bytes each).
        var points = WKBWriter(littleEndian: false)
        points.header(type: 1003)
        points.uint32(1)
        points.uint32(.max)
        points.double(0)
        #expect(throws: WKBError(message: "point count 4294967295 needs at least 103079215080 bytes at offset 13, have 8", offset: 9)) {
            try EWKB.decode(bytes: points.bytes)
        }
        // Multipolygon claiming more members than could fit.
        var multi = WKBWriter()
        multi.header(type: 6)
        multi.uint32(3)
        multi.polygon(Polygon(rings: []))
        #expect(throws: WKBError(message: "polygon count 3 needs at least 27 bytes at offset 9, have 9", offset: 5)) {
            try EWKB.decode(bytes: multi.bytes)
        }
    }

    @Test func shortRingsAreRejected() {
        var w = WKBWriter()
        w.polygon(Polygon(exterior: [XY(x: 0, y: 0), XY(x: 1, y: 0)]))
        #expect(throws: WKBError(message: "ring with 2 points (need ≥ 4)", offset: 9)) { try EWKB.decode(bytes: w.bytes) }
    }

    @Test func emptyPolygonAndMultiPolygonAreAccepted() throws {
        var w = WKBWriter()
        w.polygon(Polygon(rings: []))
        #expect(try EWKB.decode(bytes: w.bytes).geometry == .polygon(Polygon(rings: [])))
        var m = WKBWriter(littleEndian: false)
        m.multiPolygon(MultiPolygon(polygons: []))
        #expect(try EWKB.decode(bytes: m.bytes).geometry == .multiPolygon(MultiPolygon(polygons: [])))
    }

    @Test func trailingBytes() {
        #expect(throws: WKBError(message: "trailing bytes: 2 after the geometry", offset: 21)) {
            try EWKB.decode(hex: "0101000000B9FDFF1F27AE1340D00B00206A1347400000")
        }
    }

    @Test func errorDescriptionMentionsOffset() {
        #expect(WKBError(message: "empty input", offset: 0).description == "empty input (at offset 0)")
    }
}

/// Decodes hex in the test without the library, for building inputs.
func hexBytes(_ hex: String) -> [UInt8]? {
    let chars = Array(hex.utf8)
    guard chars.count % 2 == 0 else { return nil }
    var out: [UInt8] = []
    for i in stride(from: 0, to: chars.count, by: 2) {
        guard let byte = UInt8(String(decoding: chars[i..<i + 2], as: UTF8.self), radix: 16) else { return nil }
        out.append(byte)
    }
    return out
}
