import CareGeo

/// The boundaries section of a version 2 `.catr` file: whole metres, delta-coded as zigzag varints.
///
/// ```
/// u8 hasBoundaries (0: the territory carries none; nothing follows)
/// communeCount × { varint partCount + 1 (0 = no boundary for this commune),
///                  partCount × { varint ringCount,
///                                ringCount × { varint pointCount, pointCount × (svarint dx, svarint dy) } } }
/// ```
/// `dx, dy` are differences in whole metres from the previous vertex of the same commune (the first from 0, 0);
/// `svarint` is a zigzag LEB128 varint. A national territory simplified at 50 m takes a few megabytes.
extension TerritoryBinary {
    static func writeBoundaries(_ boundaries: [MultiPolygon?]?, into w: inout ByteWriter) {
        guard let boundaries else { return w.u8(0) }
        w.u8(1)
        for boundary in boundaries {
            guard let boundary else { w.varint(0); continue }
            w.varint(UInt64(boundary.polygons.count) + 1)
            var previous = (x: Int64(0), y: Int64(0))
            for polygon in boundary.polygons {
                w.varint(UInt64(polygon.rings.count))
                for ring in polygon.rings {
                    w.varint(UInt64(ring.count))
                    for p in ring {
                        let x = metres(p.x), y = metres(p.y)
                        w.signedVarint(x &- previous.x)
                        w.signedVarint(y &- previous.y)
                        previous = (x, y)
                    }
                }
            }
        }
    }

    /// Whole metres; non-finite or absurd values (beyond ±2³¹ m) are clamped rather than trapping.
    static func metres(_ v: Double) -> Int64 {
        guard v.isFinite else { return 0 }
        return Int64(Swift.max(-2_147_483_648, Swift.min(2_147_483_647, v.rounded())))
    }

    static func readBoundaries(count: Int, from r: inout TerritoryReader) throws(InputError) -> [MultiPolygon?]? {
        let flag = try r.u8()
        guard flag == 1 else {
            guard flag == 0 else { throw InputError(file: r.file, message: "invalid boundaries flag \(flag) at byte \(r.offset - 1)") }
            return nil
        }
        var boundaries: [MultiPolygon?] = []
        boundaries.reserveCapacity(count)
        for commune in 0..<count {
            let parts = try r.varint()
            guard parts > 0 else { boundaries.append(nil); continue }
            guard parts - 1 <= UInt64(r.remaining) else { throw tooMany("parts", commune, r) }
            var polygons: [Polygon] = []
            var previous = (x: Int64(0), y: Int64(0))
            for _ in 0..<(parts - 1) {
                let ringCount = try r.varint()
                guard ringCount <= UInt64(r.remaining) else { throw tooMany("rings", commune, r) }
                var rings: [[XY]] = []
                for _ in 0..<ringCount {
                    let n = try r.varint()
                    guard n <= UInt64(r.remaining / 2) else { throw tooMany("vertices", commune, r) }
                    var ring: [XY] = []
                    ring.reserveCapacity(Int(n))
                    for _ in 0..<n {
                        let dx = try r.signedVarint(), dy = try r.signedVarint()
                        previous = (previous.x &+ dx, previous.y &+ dy)
                        ring.append(XY(x: Double(previous.x), y: Double(previous.y)))
                    }
                    rings.append(ring)
                }
                polygons.append(Polygon(rings: rings))
            }
            boundaries.append(MultiPolygon(polygons: polygons))
        }
        return boundaries
    }

    private static func tooMany(_ what: String, _ commune: Int, _ r: TerritoryReader) -> InputError {
        InputError(file: r.file, message: "boundary of commune #\(commune + 1): \(what) count exceeds the file size at byte \(r.offset)")
    }
}
