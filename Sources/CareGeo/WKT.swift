/// Well-known text (OGC Simple Features) for areal geometries: `MULTIPOLYGON` out, `MULTIPOLYGON`/`POLYGON` in.
///
/// QGIS, PostGIS and GDAL read WKT columns of a CSV natively, which is why the territory CSV stores boundaries so.
///
/// ```swift
/// let text = WKT.string(square, wholeUnits: true)   // "MULTIPOLYGON (((0 0, 4 0, 4 4, 0 4, 0 0)))"
/// let back = try WKT.multiPolygon(from: text)        // == square
/// ```
/// Complexity: O(length of the text) both ways.
public enum WKT {
    /// The multipolygon as WKT; with `wholeUnits`, coordinates are rounded to integers (whole metres).
    ///
    /// An empty multipolygon is `MULTIPOLYGON EMPTY`.
    public static func string(_ shape: MultiPolygon, wholeUnits: Bool = false) -> String {
        guard !shape.polygons.isEmpty else { return "MULTIPOLYGON EMPTY" }
        var out = "MULTIPOLYGON ("
        for (p, polygon) in shape.polygons.enumerated() {
            out += p == 0 ? "(" : ", ("
            for (r, ring) in polygon.rings.enumerated() {
                out += r == 0 ? "(" : ", ("
                for (i, v) in ring.enumerated() {
                    if i > 0 { out += ", " }
                    out += number(v.x, wholeUnits) + " " + number(v.y, wholeUnits)
                }
                out += ")"
            }
            out += ")"
        }
        return out + ")"
    }

    private static func number(_ v: Double, _ whole: Bool) -> String {
        guard whole, v.isFinite, abs(v) < 9e15 else { return "\(v)" }
        return String(Int64(v.rounded()))
    }

    /// Parses `MULTIPOLYGON (...)`, `POLYGON (...)` or either `EMPTY` (case-insensitive, any spacing).
    ///
    /// ```swift
    /// try WKT.multiPolygon(from: "POLYGON ((0 0, 1 0, 1 1, 0 0))").polygons.count   // 1
    /// ```
    /// Throws ``WKBError`` naming the character offset for anything else (unclosed parentheses, a ring with
    /// fewer than 4 positions or not closed, a non-numeric or non-finite coordinate, trailing text).
    public static func multiPolygon(from text: String) throws(WKBError) -> MultiPolygon {
        var parser = WKTParser(bytes: Array(text.utf8))
        return try parser.parseAreal()
    }
}

/// Recursive-descent reader behind ``WKT/multiPolygon(from:)``.
struct WKTParser {
    let bytes: [UInt8]
    var offset = 0

    mutating func parseAreal() throws(WKBError) -> MultiPolygon {
        let keyword = word()
        let result: MultiPolygon
        switch keyword {
        case "MULTIPOLYGON":
            if isEmptyKeyword() { result = MultiPolygon(polygons: []); break }
            var polygons: [Polygon] = []
            try expect(UInt8(ascii: "("))
            repeat { polygons.append(try polygon()) } while try separator()
            result = MultiPolygon(polygons: polygons)
        case "POLYGON":
            result = isEmptyKeyword() ? MultiPolygon(polygons: []) : MultiPolygon(polygons: [try polygon()])
        case "":
            throw WKBError(message: "expected MULTIPOLYGON or POLYGON", offset: offset)
        default:
            throw WKBError(message: "unsupported geometry type '\(keyword)' (expected MULTIPOLYGON or POLYGON)", offset: offset - keyword.utf8.count)
        }
        skipSpaces()
        guard offset == bytes.count else { throw WKBError(message: "unexpected text after the geometry", offset: offset) }
        return result
    }

    private mutating func polygon() throws(WKBError) -> Polygon {
        try expect(UInt8(ascii: "("))
        var rings: [[XY]] = []
        repeat { rings.append(try ring()) } while try separator()
        return Polygon(rings: rings)
    }

    private mutating func ring() throws(WKBError) -> [XY] {
        let start = offset
        try expect(UInt8(ascii: "("))
        var points: [XY] = []
        repeat {
            let x = try number(), y = try number()
            points.append(XY(x: x, y: y))
        } while try separator()
        guard points.count >= 4 else {
            throw WKBError(message: "a ring needs at least 4 positions, found \(points.count)", offset: start)
        }
        guard points.first == points.last else { throw WKBError(message: "ring is not closed (first position ≠ last)", offset: start) }
        return points
    }

    /// After an element: `,` → true (another follows), `)` → false (list closed).
    private mutating func separator() throws(WKBError) -> Bool {
        skipSpaces()
        guard offset < bytes.count else { throw WKBError(message: "expected ',' or ')' at end of text", offset: offset) }
        switch bytes[offset] {
        case UInt8(ascii: ","): offset += 1; return true
        case UInt8(ascii: ")"): offset += 1; return false
        default: throw WKBError(message: "expected ',' or ')', found '\(Character(Unicode.Scalar(bytes[offset])))'", offset: offset)
        }
    }

    private mutating func expect(_ byte: UInt8) throws(WKBError) {
        skipSpaces()
        guard offset < bytes.count, bytes[offset] == byte else {
            throw WKBError(message: "expected '\(Character(Unicode.Scalar(byte)))'", offset: offset)
        }
        offset += 1
    }

    private mutating func number() throws(WKBError) -> Double {
        skipSpaces()
        let start = offset
        while offset < bytes.count, Self.isNumberByte(bytes[offset]) { offset += 1 }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw WKBError(message: text.isEmpty ? "expected a coordinate" : "'\(text)' is not a finite number", offset: start)
        }
        return value
    }

    private static func isNumberByte(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: ".")
            || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
    }

    private mutating func word() -> String {
        skipSpaces()
        let start = offset
        while offset < bytes.count, (bytes[offset] | 0x20) >= 97, (bytes[offset] | 0x20) <= 122 { offset += 1 }
        return String(decoding: bytes[start..<offset], as: UTF8.self).uppercased()
    }

    private mutating func isEmptyKeyword() -> Bool {
        let saved = offset
        if word() == "EMPTY" { return true }
        offset = saved
        return false
    }

    private mutating func skipSpaces() {
        while offset < bytes.count, bytes[offset] == 32 || bytes[offset] == 9 || bytes[offset] == 10 || bytes[offset] == 13 {
            offset += 1
        }
    }
}
