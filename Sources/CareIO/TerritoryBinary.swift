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
    /// The four bytes `CATR` that open every `.catr` file; a file starting otherwise is refused ("bad magic").
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
        w.seal(with: .fnv1a)
        return w.data
    }

    /// Reads a territory file: magic, checksum (every byte before the last 8), version, then every field, each
    /// commune checked as the CSV reader checks it. Errors name the file and, where known, the field and the byte.
    ///
    /// Complexity: O(bytes).
    public static func decode(_ bytes: [UInt8], file: String) throws(InputError) -> Territory {
        try BinaryReader.reading(bytes) { (raw) throws(InputError) -> Territory in
            var r = TerritoryReader(base: raw, file: file)
            let v = try r.header()
            let n = Int(try r.u32()), na = Int(try r.u32())
            let check = CommuneRecordCheck()
            let communes = try readCommunes(n, from: &r, check: check)
            let (aliases, subdivisions) = try readAliases(na, from: &r)
            let boundaries = v >= 2 ? try readBoundaries(count: n, from: &r) : nil
            for (i, shape) in (boundaries ?? []).enumerated() {
                if let shape, i < communes.count, let problem = check.boundaryProblem(shape, crs: communes[i].crs) {
                    throw InputError(file: file, field: "boundary", message: "commune \(MessageText.value(communes[i].code)): \(problem)")
                }
            }
            guard r.remaining == 0 else {
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
    }

    /// `communeCount` commune records, each checked (point source, population, the CSV reader's record checks).
    static func readCommunes(_ count: Int, from r: inout TerritoryReader, check: CommuneRecordCheck) throws(InputError) -> [Commune] {
        var communes: [Commune] = []
        communes.reserveCapacity(min(count, r.remaining / 50))
        for _ in 0..<count {
            let code = try r.string(), name = try r.string(), dep = try r.string()
            let pop = Int(Int64(bitPattern: try r.u64()))
            let lon = Double(bitPattern: try r.u64()), lat = Double(bitPattern: try r.u64())
            let x = Double(bitPattern: try r.u64()), y = Double(bitPattern: try r.u64())
            let epsg = Int(try r.u32())
            let s = Int(try r.u8())
            guard s < sources.count else { throw InputError(file: r.file, message: "commune \(MessageText.value(code)): invalid point source \(s) at byte \(r.offset - 1)") }
            guard PlausibleRange.communePopulation.contains(pop) else {
                throw InputError(file: r.file, field: "population",
                                 message: "commune \(MessageText.value(code)): \(pop) is outside \(PlausibleRange.text(PlausibleRange.communePopulation)) (inhabitants of one commune)")
            }
            // The same record checks as the CSV reader: département, CRS, coordinates in its area of use.
            if let (field, message) = check.problem(code: code, departement: dep, epsg: epsg, lon: lon, lat: lat, x: x, y: y) {
                throw InputError(file: r.file, field: field, message: "commune \(MessageText.value(code)): \(message)")
            }
            communes.append(Commune(code: code, name: name, population: pop, departement: dep,
                                    location: LonLat(lon: lon, lat: lat), point: ProjectedPoint(x: x, y: y),
                                    crs: CRS(epsg: epsg), pointSource: sources[s]))
        }
        return communes
    }

    /// `count` alias records: a target holding `|` is a split commune's units, any other an alias.
    static func readAliases(_ count: Int, from r: inout TerritoryReader) throws(InputError) -> (aliases: [String: String], subdivisions: [String: [String]]) {
        var aliases: [String: String] = [:]
        var subdivisions: [String: [String]] = [:]
        for _ in 0..<count {
            let alias = try r.string(), target = try r.string()
            if target.contains("|") {
                subdivisions[alias] = target.split(separator: "|").map(String.init)
            } else {
                aliases[alias] = target
            }
        }
        return (aliases, subdivisions)
    }

    /// The file checksum: the reference byte-wise FNV-1a (``CareKernel/FNV1a/hash(_:start:)``).
    static func fnv1a(_ bytes: ArraySlice<UInt8>) -> UInt64 { FNV1a.hash(bytes) }

    /// `bytes` with its last 8 bytes replaced by the checksum of the rest: what a crafted file can always do, so
    /// the fuzz target (``CareFuzzTargets``) reaches the field checks behind the checksum. Unchanged when too short.
    package static func resealed(_ bytes: [UInt8]) -> [UInt8] { BinaryChecksum.fnv1a.resealed(bytes) }
}

/// The territory file's writer: the kernel's little-endian ``CareKernel/BinaryWriter`` (strings as ``CareKernel/BinaryWriter/string16(_:)``).
typealias ByteWriter = BinaryWriter

/// The territory file's fields, read by the kernel's ``CareKernel/BinaryReader`` up to the checksum; its errors
/// become ``InputError``s naming the file (the byte where known).
struct TerritoryReader {
    var base: BinaryReader
    let file: String

    /// The next byte to read.
    var offset: Int { base.offset }
    /// Bytes left before the checksum (the whole file before ``header()`` has checked it).
    var remaining: Int { base.remaining }

    /// Magic, checksum and version (1 or 2); reads go on after the version, and stop before the checksum.
    mutating func header() throws(InputError) -> UInt32 {
        do throws(BinaryReadError) {
            try base.expectMagic(TerritoryBinary.magic, minimumSize: 8 + 12)
            try base.verifyTrailingChecksum(.fnv1a)
            return try base.version(supported: [1, 2])
        } catch { throw failure(error) }
    }

    mutating func u8() throws(InputError) -> UInt8 { do { return try base.u8() } catch { throw failure(error) } }
    mutating func u32() throws(InputError) -> UInt32 { do { return try base.u32() } catch { throw failure(error) } }
    mutating func u64() throws(InputError) -> UInt64 { do { return try base.u64() } catch { throw failure(error) } }
    mutating func varint() throws(InputError) -> UInt64 { do { return try base.varint() } catch { throw failure(error) } }
    mutating func signedVarint() throws(InputError) -> Int64 { do { return try base.signedVarint() } catch { throw failure(error) } }
    /// A u16-length string (``CareKernel/BinaryWriter/string16(_:)``).
    mutating func string() throws(InputError) -> String { do { return try base.string16() } catch { throw failure(error) } }

    /// The file's one-line error for what the reader refused.
    func failure(_ error: BinaryReadError) -> InputError {
        switch error {
        case .badMagic:
            InputError(file: file, message: "not a CareAccess territory file (bad magic)")
        case .checksumMismatch, .notWholeWords:
            InputError(file: file, message: "checksum mismatch: the file is truncated or corrupt")
        case .unsupportedVersion(_, let found, _):
            InputError(file: file, message: "unsupported territory format version \(found) (this build reads 1 and 2)")
        case .truncated(let offset, let needed, _):
            InputError(file: file, message: "truncated: needed \(needed) bytes at byte \(offset)")
        case .malformedVarint(let offset):
            InputError(file: file, message: "malformed varint at byte \(offset)")
        case .tooLarge:
            InputError(file: file, message: "\(error)")
        }
    }
}
