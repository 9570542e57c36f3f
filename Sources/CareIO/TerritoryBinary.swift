import CareGeo
import CareKernel
import CareModel

/// CareAccess's compact territory file (`.catr`): fast to load (a few milliseconds for every French commune).
///
/// Layout, little-endian (see docs/territory-format.md):
/// ```
/// "CATR"  u32 version (2; 1 is still read)  u32 communeCount  u32 aliasCount
/// communeCount × { str code, str name, str departement, i64 population,
///                  f64 lon, f64 lat, f64 x, f64 y, u32 epsg, u8 pointSource }
/// aliasCount × { str alias, str target }   (a split commune: target = its units' codes joined by "|")
/// version 2 only: u8 hasBoundaries, then if 1, communeCount × boundary (``TerritoryBinary+Boundaries``)
/// u64 FNV-1a 64 checksum of every preceding byte
/// str = u16 byte length + UTF-8 bytes
/// ```
public enum TerritoryBinary {
    public static let magic: [UInt8] = Array("CATR".utf8)
    /// The version written; versions 1 (no boundaries section) and 2 are read.
    public static let version: UInt32 = 2
    static let sources: [PointSource] = [.townHall, .interiorPoint, .delegatedInteriorPoint, .unverifiedTownHall]

    /// The territory in the current version (boundaries included when the territory carries them).
    ///
    /// Complexity: O(communes + aliases + boundary vertices).
    public static func encode(_ territory: Territory) -> [UInt8] { encode(territory, version: version) }

    /// The territory in `version` 1 (boundaries left out) or 2.
    static func encode(_ territory: Territory, version: UInt32) -> [UInt8] {
        var w = ByteWriter()
        w.bytes(magic)
        w.u32(version)
        w.u32(UInt32(territory.communes.count))
        w.u32(UInt32(territory.aliases.count + territory.subdivisions.count))
        for c in territory.communes {
            w.string16(c.code)
            w.string16(c.name)
            w.string16(c.departement)
            w.u64(UInt64(bitPattern: Int64(c.population)))
            for v in [c.location.lon, c.location.lat, c.point.x, c.point.y] { w.u64(v.bitPattern) }
            w.u32(UInt32(c.crs.epsg))
            w.u8(UInt8(sources.firstIndex(of: c.pointSource) ?? 0))
        }
        for (alias, target) in territory.aliases.sorted(by: { $0.key < $1.key }) {
            w.string16(alias)
            w.string16(target)
        }
        for (code, parts) in territory.subdivisions.sorted(by: { $0.key < $1.key }) {
            w.string16(code)
            w.string16(parts.joined(separator: "|"))
        }
        if version >= 2 { writeBoundaries(territory.boundaries, into: &w) }
        w.u64(fnv1a(w.data[...]))
        return w.data
    }

    public static func decode(_ bytes: [UInt8], file: String) throws(InputError) -> Territory {
        var r = ByteReader(bytes: bytes, file: file)
        guard bytes.count >= 8 + 12, Array(bytes[0..<4]) == magic else {
            throw InputError(file: file, message: "not a CareAccess territory file (bad magic)")
        }
        let stored = bytes[(bytes.count - 8)...].withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }.littleEndian
        guard fnv1a(bytes[..<(bytes.count - 8)]) == stored else {
            throw InputError(file: file, message: "checksum mismatch: the file is truncated or corrupt")
        }
        r.offset = 4
        let v = try r.u32()
        guard v == 1 || v == 2 else {
            throw InputError(file: file, message: "unsupported territory format version \(v) (this build reads 1 and 2)")
        }
        let n = Int(try r.u32()), na = Int(try r.u32())
        var communes: [Commune] = []
        communes.reserveCapacity(min(n, bytes.count / 50))
        let check = CommuneRecordCheck()
        for _ in 0..<n {
            let code = try r.string(), name = try r.string(), dep = try r.string()
            let pop = Int(Int64(bitPattern: try r.u64()))
            let lon = Double(bitPattern: try r.u64()), lat = Double(bitPattern: try r.u64())
            let x = Double(bitPattern: try r.u64()), y = Double(bitPattern: try r.u64())
            let epsg = Int(try r.u32())
            let s = Int(try r.u8())
            guard s < sources.count else { throw InputError(file: file, message: "commune \(MessageText.value(code)): invalid point source \(s) at byte \(r.offset - 1)") }
            guard PlausibleRange.communePopulation.contains(pop) else {
                throw InputError(file: file, field: "population",
                                 message: "commune \(MessageText.value(code)): \(pop) is outside \(PlausibleRange.text(PlausibleRange.communePopulation)) (inhabitants of one commune)")
            }
            // The same record checks as the CSV reader: département, CRS, coordinates in its area of use.
            if let (field, message) = check.problem(code: code, departement: dep, epsg: epsg, lon: lon, lat: lat, x: x, y: y) {
                throw InputError(file: file, field: field, message: "commune \(MessageText.value(code)): \(message)")
            }
            communes.append(Commune(code: code, name: name, population: pop, departement: dep,
                                    location: LonLat(lon: lon, lat: lat), point: ProjectedPoint(x: x, y: y),
                                    crs: CRS(epsg: epsg), pointSource: sources[s]))
        }
        var aliases: [String: String] = [:]
        var subdivisions: [String: [String]] = [:]
        for _ in 0..<na {
            let alias = try r.string(), target = try r.string()
            if target.contains("|") {
                subdivisions[alias] = target.split(separator: "|").map(String.init)
            } else {
                aliases[alias] = target
            }
        }
        let boundaries = v >= 2 ? try readBoundaries(count: n, from: &r) : nil
        for (i, shape) in (boundaries ?? []).enumerated() {
            if let shape, i < communes.count, let problem = check.boundaryProblem(shape, crs: communes[i].crs) {
                throw InputError(file: file, field: "boundary", message: "commune \(MessageText.value(communes[i].code)): \(problem)")
            }
        }
        guard r.offset == bytes.count - 8 else {
            throw InputError(file: file, message: "unexpected bytes after the \(v >= 2 ? "boundaries section" : "alias table")")
        }
        do {
            var territory = try Territory(communes: communes, aliases: aliases, subdivisions: subdivisions)
            try territory.setBoundaries(boundaries)
            return territory
        } catch {
            throw InputError(file: file, message: "\(error)")
        }
    }

    /// The file checksum: the reference byte-wise FNV-1a (``CareKernel/FNV1a/hash(_:start:)``).
    static func fnv1a(_ bytes: ArraySlice<UInt8>) -> UInt64 { FNV1a.hash(bytes) }

    /// `bytes` with its last 8 bytes replaced by the checksum of the rest: what a crafted file can always do, so
    /// the fuzz target (``CareFuzzTargets``) reaches the field checks behind the checksum. Unchanged when too short.
    package static func resealed(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= 8 else { return bytes }
        var out = bytes
        withUnsafeBytes(of: fnv1a(bytes[..<(bytes.count - 8)]).littleEndian) { out.replaceSubrange((bytes.count - 8)..., with: $0) }
        return out
    }
}

/// The territory file's writer: the kernel's little-endian ``CareKernel/BinaryWriter`` (strings as ``CareKernel/BinaryWriter/string16(_:)``).
typealias ByteWriter = BinaryWriter

struct ByteReader {
    let bytes: [UInt8]
    let file: String
    var offset = 0

    mutating func take(_ n: Int) throws(InputError) -> ArraySlice<UInt8> {
        guard n <= bytes.count - 8 - offset else {
            throw InputError(file: file, message: "truncated: needed \(n) bytes at byte \(offset)")
        }
        defer { offset += n }
        return bytes[offset..<(offset + n)]
    }
    mutating func u8() throws(InputError) -> UInt8 { try take(1).first ?? 0 }
    mutating func u16() throws(InputError) -> UInt16 { try take(2).withUnsafeBytes { $0.loadUnaligned(as: UInt16.self) }.littleEndian }
    mutating func u32() throws(InputError) -> UInt32 { try take(4).withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) }.littleEndian }
    mutating func u64() throws(InputError) -> UInt64 { try take(8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }.littleEndian }
    mutating func varint() throws(InputError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let start = offset
            let b = try u8()
            guard shift < 64 else { throw InputError(file: file, message: "malformed varint at byte \(start)") }
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return value }
            shift += 7
        }
    }
    mutating func signedVarint() throws(InputError) -> Int64 {
        let z = try varint()
        return Int64(bitPattern: z >> 1) ^ -Int64(bitPattern: z & 1)
    }
    /// Bytes left before the checksum.
    var remaining: Int { bytes.count - 8 - offset }
    mutating func string() throws(InputError) -> String {
        let n = Int(try u16())
        return String(decoding: try take(n), as: UTF8.self)
    }
}
