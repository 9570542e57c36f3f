/// A bounds-checked cursor over binary (E)WKB that builds ``Geometry`` values.
///
/// ```swift
/// var reader = WKBReader(raw)
/// let (geometry, srid) = try reader.readGeometry()
/// ```
struct WKBReader {
    private let raw: UnsafeRawBufferPointer
    /// Byte offset of the next unread byte.
    private(set) var offset = 0

    init(_ raw: UnsafeRawBufferPointer) {
        self.raw = raw
    }

    private var remaining: Int { raw.count - offset }

    // MARK: Geometry

    /// Reads one top-level geometry (header, optional SRID, body).
    mutating func readGeometry() throws(WKBError) -> (geometry: Geometry, srid: Int32?) {
        let header = try readHeader()
        switch header.type {
        case 1:
            return (.point(try readPoint(dimensions: header.dimensions, littleEndian: header.littleEndian)), header.srid)
        case 3:
            return (.polygon(try readPolygonBody(dimensions: header.dimensions, littleEndian: header.littleEndian)), header.srid)
        case 6:
            return (.multiPolygon(try readMultiPolygonBody(littleEndian: header.littleEndian)), header.srid)
        default:
            throw WKBError(
                message: "unsupported geometry type \(header.type) (\(Self.typeName(header.type)))",
                offset: header.typeOffset)
        }
    }

    /// Reads one member of a multipolygon, which must itself be a polygon (its SRID, if any, is ignored).
    private mutating func readPolygonMember() throws(WKBError) -> Polygon {
        let header = try readHeader()
        guard header.type == 3 else {
            throw WKBError(
                message: "multipolygon member has geometry type \(header.type) (\(Self.typeName(header.type))), expected 3 (Polygon)",
                offset: header.typeOffset)
        }
        return try readPolygonBody(dimensions: header.dimensions, littleEndian: header.littleEndian)
    }

    private struct Header {
        var littleEndian: Bool
        var type: UInt32
        var typeOffset: Int
        var dimensions: Int
        var srid: Int32?
    }

    private mutating func readHeader() throws(WKBError) -> Header {
        try need(1)
        let orderOffset = offset
        let order = raw[offset]
        offset += 1
        guard order <= 1 else {
            throw WKBError(message: "unknown byte order 0x" + Self.hex2(order), offset: orderOffset)
        }
        let littleEndian = order == 1
        let typeOffset = offset
        let rawType = try readUInt32(littleEndian: littleEndian)
        var hasZ = rawType & 0x8000_0000 != 0
        var hasM = rawType & 0x4000_0000 != 0
        let hasSRID = rawType & 0x2000_0000 != 0
        let code = rawType & 0x0FFF_FFFF
        let (iso, type) = code.quotientAndRemainder(dividingBy: 1000)
        switch iso {
        case 0: break
        case 1: hasZ = true
        case 2: hasM = true
        case 3: hasZ = true; hasM = true
        default:
            throw WKBError(message: "unsupported geometry type \(code)", offset: typeOffset)
        }
        let srid: Int32? = hasSRID ? Int32(bitPattern: try readUInt32(littleEndian: littleEndian)) : nil
        return Header(
            littleEndian: littleEndian, type: type, typeOffset: typeOffset,
            dimensions: 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0), srid: srid)
    }

    private mutating func readPoint(dimensions: Int, littleEndian: Bool) throws(WKBError) -> XY {
        try need(8 * dimensions)
        let x = load(at: offset, littleEndian: littleEndian)
        let y = load(at: offset + 8, littleEndian: littleEndian)
        offset += 8 * dimensions
        return XY(x: x, y: y)
    }

    private mutating func readPolygonBody(dimensions: Int, littleEndian: Bool) throws(WKBError) -> Polygon {
        let ringCount = try readCount(itemSize: 4, what: "ring", littleEndian: littleEndian)
        var rings: [[XY]] = []
        rings.reserveCapacity(ringCount)
        for _ in 0..<ringCount {
            let countOffset = offset
            let pointCount = try readCount(itemSize: 8 * dimensions, what: "point", littleEndian: littleEndian)
            guard pointCount >= 4 else {
                throw WKBError(message: "ring with \(pointCount) points (need ≥ 4)", offset: countOffset)
            }
            rings.append(readRing(pointCount: pointCount, dimensions: dimensions, littleEndian: littleEndian))
        }
        return Polygon(rings: rings)
    }

    private mutating func readMultiPolygonBody(littleEndian: Bool) throws(WKBError) -> MultiPolygon {
        // Smallest member: order byte + type + ring count = 9 bytes.
        let polygonCount = try readCount(itemSize: 9, what: "polygon", littleEndian: littleEndian)
        var polygons: [Polygon] = []
        polygons.reserveCapacity(polygonCount)
        for _ in 0..<polygonCount {
            polygons.append(try readPolygonMember())
        }
        return MultiPolygon(polygons: polygons)
    }

    /// Reads `pointCount` points whose bytes are known to be present.
    private mutating func readRing(pointCount: Int, dimensions: Int, littleEndian: Bool) -> [XY] {
        let step = 8 * dimensions
        let start = offset
        offset += pointCount * step
        return [XY](unsafeUninitializedCapacity: pointCount) { out, initialized in
            var at = start
            if littleEndian {
                for i in 0..<pointCount {
                    out[i] = XY(x: Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))),
                                y: Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self))))
                    at += step
                }
            } else {
                for i in 0..<pointCount {
                    out[i] = XY(x: Double(bitPattern: UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))),
                                y: Double(bitPattern: UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self))))
                    at += step
                }
            }
            initialized = pointCount
        }
    }

    // MARK: Primitives

    private func need(_ count: Int) throws(WKBError) {
        guard remaining >= count else {
            throw WKBError(
                message: "truncated: needed \(count) bytes at offset \(offset), have \(remaining)",
                offset: offset)
        }
    }

    private mutating func readUInt32(littleEndian: Bool) throws(WKBError) -> UInt32 {
        try need(4)
        let bits = raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
        offset += 4
        return littleEndian ? UInt32(littleEndian: bits) : UInt32(bigEndian: bits)
    }

    /// Reads an element count and checks that `count × itemSize` bytes remain before anyone allocates.
    private mutating func readCount(itemSize: Int, what: String, littleEndian: Bool) throws(WKBError) -> Int {
        let countOffset = offset
        let count = Int(try readUInt32(littleEndian: littleEndian))
        let needed = count * itemSize  // ≤ 2³² × 32: no overflow on 64-bit
        guard needed <= remaining else {
            throw WKBError(
                message: "\(what) count \(count) needs at least \(needed) bytes at offset \(offset), have \(remaining)",
                offset: countOffset)
        }
        return count
    }

    private func load(at position: Int, littleEndian: Bool) -> Double {
        let bits = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)
        return Double(bitPattern: littleEndian ? UInt64(littleEndian: bits) : UInt64(bigEndian: bits))
    }

    private static func hex2(_ byte: UInt8) -> String {
        (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
    }

    /// OGC name of a WKB geometry type code.
    static func typeName(_ type: UInt32) -> String {
        let names = [
            "Geometry", "Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon",
            "GeometryCollection", "CircularString", "CompoundCurve", "CurvePolygon", "MultiCurve",
            "MultiSurface", "Curve", "Surface", "PolyhedralSurface", "TIN", "Triangle",
        ]
        return Int(type) < names.count ? names[Int(type)] : "unknown"
    }
}
