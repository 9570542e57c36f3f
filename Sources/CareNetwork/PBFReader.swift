/// Streaming reader of OpenStreetMap `.osm.pbf` files: a sequence of `BlobHeader`/`Blob` pairs, each blob
/// a zlib-compressed (or raw) `HeaderBlock` or `PrimitiveBlock`, decoded with ``ProtobufReader``.
///
/// Supports plain and dense nodes (delta-coded ids and coordinates, `granularity`, `lat_offset`,
/// `lon_offset`), ways (delta-coded refs) and string tables; relations are counted and skipped.
/// Blobs are read one at a time (at most 32 MiB each, as the format allows), never the whole file.
///
/// ```swift
/// var handler = RoadGraphBuilder(profile: .car)
/// let stats = try PBFReader.read(path: "andorra.osm.pbf", into: &handler)
/// ```
/// Errors name the file, the blob index and its byte offset: bad magic / BlobHeader, truncation, corrupt zlib,
/// unsupported compression (lzma, zstd…), required features this reader lacks.
/// Complexity: O(file size) time, O(largest blob) memory besides what the handler keeps.
public enum PBFReader {
    /// Features of `HeaderBlock.required_features` this reader implements.
    public static let supportedFeatures: Set<String> = ["OsmSchema-V0.6", "DenseNodes"]

    /// Whether `prefix` (the first bytes of a file) looks like an OSM PBF: a 4-byte big-endian header length
    /// followed by a BlobHeader whose type field is `OSMHeader`.
    public static func looksLikePBF(_ prefix: [UInt8]) -> Bool {
        // 4 length bytes, then field 1 (0x0A), length 9 and "OSMHeader": bytes 0…14 (fuzzing found a 14-byte file
        // that trapped when this guard said 14).
        guard prefix.count >= 15 else { return false }
        return prefix[4] == 0x0A && prefix[5] == 9 && Array(prefix[6..<15]) == Array("OSMHeader".utf8)
    }

    /// Streams `path` into `handler`, one blob after the other on the calling thread (the car-graph import,
    /// ``RoadGraph/load(path:profile:crs:threads:progress:)``, reads in two parallel passes instead).
    public static func read<H: OSMHandler>(path: String, into handler: inout H) throws(NetworkError) -> OSMFileStats {
        var scanner = try PBFBlobScanner(path: path)
        defer { scanner.close() }
        var stats = OSMFileStats()
        var sawHeader = false
        while let blob = try scanner.next() {
            func fail(_ m: String) -> NetworkError { NetworkError(file: path, location: blob.location, message: m) }
            let raw: [UInt8]
            do { raw = try decodeBlob(blob.data) } catch { throw fail(error.message) }
            do throws(ProtobufReader.Failure) {
                switch blob.type {
                case "OSMHeader":
                    try readHeaderBlock(raw, stats: &stats)
                    sawHeader = true
                case "OSMData":
                    guard sawHeader else { throw ProtobufReader.Failure(message: "OSMData blob before the OSMHeader blob") }
                    try readPrimitiveBlock(raw, into: &handler, stats: &stats)
                default:
                    break  // Unknown blob types are skipped, as the format specifies.
                }
            } catch { throw fail("\(blob.type): \(error.message)") }
        }
        guard sawHeader else { throw NetworkError(file: path, message: "empty file: no OSMHeader blob") }
        stats.blobs = scanner.index
        stats.bytes = scanner.offset
        return stats
    }

    static func parseBlobHeader(_ bytes: [UInt8]) throws(ProtobufReader.Failure) -> (type: String, dataSize: Int) {
        var r = ProtobufReader(data: bytes, range: 0..<bytes.count)
        var type: String?
        var size: Int?
        while let (field, wire) = try r.nextKey() {
            switch (field, wire) {
            case (1, .lengthDelimited): type = try r.string()
            case (3, .varint): size = Int(truncatingIfNeeded: try r.int64())
            default: try r.skip(wire)
            }
        }
        guard let type else { throw .init(message: "missing type") }
        guard let size else { throw .init(message: "missing datasize") }
        return (type, size)
    }

    static func decodeBlob(_ bytes: [UInt8]) throws(ProtobufReader.Failure) -> [UInt8] {
        var r = ProtobufReader(data: bytes, range: 0..<bytes.count)
        var rawSize: Int?
        var zlibRange: Range<Int>?
        var raw: Range<Int>?
        var other: String?
        while let (field, wire) = try r.nextKey() {
            switch (field, wire) {
            case (1, .lengthDelimited): raw = try r.lengthDelimitedRange()
            case (2, .varint): rawSize = Int(truncatingIfNeeded: try r.int64())
            case (3, .lengthDelimited): zlibRange = try r.lengthDelimitedRange()
            case (4, _): other = "lzma"; try r.skip(wire)
            case (5, _), (6, _): other = "bzip2"; try r.skip(wire)
            case (7, _): other = "lz4"; try r.skip(wire)
            case (8, _): other = "zstd"; try r.skip(wire)
            default: try r.skip(wire)
            }
        }
        if let raw { return Array(bytes[raw]) }
        if let zlibRange {
            guard let rawSize else { throw .init(message: "zlib blob without raw_size") }
            do { return try Zlib.inflate(bytes[zlibRange], expectedSize: rawSize) } catch { throw .init(message: error.message) }
        }
        if let other { throw .init(message: "\(other)-compressed blobs are not supported (only raw and zlib)") }
        throw .init(message: "blob has no data")
    }

    static func readHeaderBlock(_ raw: [UInt8], stats: inout OSMFileStats) throws(ProtobufReader.Failure) {
        var r = ProtobufReader(data: raw, range: 0..<raw.count)
        while let (field, wire) = try r.nextKey() {
            switch (field, wire) {
            case (1, .lengthDelimited):
                var b = try r.message()
                var v = [Int64](repeating: 0, count: 4)  // left, right, top, bottom (nanodegrees)
                while let (f, w) = try b.nextKey() {
                    if (1...4).contains(f), w == .varint { v[f - 1] = try b.sint64() } else { try b.skip(w) }
                }
                stats.declaredBounds = [Double(v[0]) * 1e-9, Double(v[3]) * 1e-9, Double(v[1]) * 1e-9, Double(v[2]) * 1e-9]
            case (4, .lengthDelimited):
                let feature = try r.string()
                guard supportedFeatures.contains(feature) else {
                    throw .init(message: "required feature '\(feature)' is not supported (this reader handles \(supportedFeatures.sorted().joined(separator: ", ")))")
                }
            default: try r.skip(wire)
            }
        }
    }
}
