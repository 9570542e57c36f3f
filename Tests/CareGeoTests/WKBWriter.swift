import CareGeo

/// Builds (E)WKB byte arrays for tests, in either byte order.
struct WKBWriter {
    var bytes: [UInt8] = []
    var littleEndian = true

    init(littleEndian: Bool = true) {
        self.littleEndian = littleEndian
    }

    mutating func byteOrder() { bytes.append(littleEndian ? 1 : 0) }

    mutating func uint32(_ value: UInt32) {
        let v = littleEndian ? value.littleEndian : value.bigEndian
        withUnsafeBytes(of: v) { bytes.append(contentsOf: $0) }
    }

    mutating func double(_ value: Double) {
        let bits = value.bitPattern
        let v = littleEndian ? bits.littleEndian : bits.bigEndian
        withUnsafeBytes(of: v) { bytes.append(contentsOf: $0) }
    }

    /// Header: order byte, type (with the SRID flag when `srid` is given), SRID.
    mutating func header(type: UInt32, srid: Int32? = nil) {
        byteOrder()
        uint32(srid == nil ? type : type | 0x2000_0000)
        if let srid { uint32(UInt32(bitPattern: srid)) }
    }

    mutating func point(_ p: XY, srid: Int32? = nil, extra: [Double] = [], type: UInt32 = 1) {
        header(type: type, srid: srid)
        double(p.x); double(p.y)
        for e in extra { double(e) }
    }

    mutating func polygon(_ polygon: Polygon, srid: Int32? = nil, extraPerPoint: Int = 0, type: UInt32 = 3) {
        header(type: type, srid: srid)
        uint32(UInt32(polygon.rings.count))
        for ring in polygon.rings {
            uint32(UInt32(ring.count))
            for p in ring {
                double(p.x); double(p.y)
                for k in 0..<extraPerPoint { double(Double(100 + k)) }
            }
        }
    }

    /// A multipolygon whose members use `memberOrders[i]` (default: the writer's order).
    mutating func multiPolygon(_ multi: MultiPolygon, srid: Int32? = nil, memberLittleEndian: [Bool]? = nil) {
        header(type: 6, srid: srid)
        uint32(UInt32(multi.polygons.count))
        for (i, polygon) in multi.polygons.enumerated() {
            var member = WKBWriter(littleEndian: memberLittleEndian?[i] ?? littleEndian)
            member.polygon(polygon)
            bytes.append(contentsOf: member.bytes)
        }
    }

    var hex: String {
        let digits = Array("0123456789ABCDEF")
        var s = ""
        for b in bytes { s.append(digits[Int(b >> 4)]); s.append(digits[Int(b & 15)]) }
        return s
    }
}

/// A closed axis-aligned square ring, counter-clockwise.
func squareRing(_ x0: Double, _ y0: Double, _ size: Double) -> [XY] {
    [XY(x: x0, y: y0), XY(x: x0 + size, y: y0), XY(x: x0 + size, y: y0 + size), XY(x: x0, y: y0 + size), XY(x: x0, y: y0)]
}
