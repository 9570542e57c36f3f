import CareKernel
/// Reads the `BlobHeader`/`Blob` pairs of an OSM PBF file one after the other (compressed, not decoded), with
/// every framing check of the format: BlobHeader length 1…64 KiB, datasize 0…32 MiB, an `OSMHeader` blob
/// first, nothing truncated. ``PBFReader`` decodes what it returns, sequentially or in parallel batches.
///
/// ```swift
/// var scanner = try PBFBlobScanner(path: "andorra.osm.pbf")
/// defer { scanner.close() }
/// while let blob = try scanner.next() { print(blob.index, blob.type, blob.data.count) }
/// ```
/// Complexity: O(file size) time, O(largest blob) memory. Not `Sendable`: one scanner per file.
struct PBFBlobScanner {
    /// One blob: where it is, its type and its `Blob` message bytes (still compressed).
    struct Blob: Sendable {
        var index: Int
        var offset: Int
        var type: String
        var data: [UInt8]
        /// Bytes the blob takes in the file (length prefix, header and data).
        var fileBytes: Int
        var location: String { "blob \(index) at byte \(offset)" }
    }

    let path: String
    private var file: ChunkedFile
    private(set) var index = 0

    init(path: String) throws(NetworkError) {
        self.path = path
        file = try ChunkedFile(path: path)
    }

    /// Bytes consumed so far.
    var offset: Int { file.offset }

    func close() { file.close() }

    /// Continues at the blob `index` that starts at byte `offset` (found by an earlier pass).
    mutating func seek(toBlob blobIndex: Int, at offset: Int) throws(NetworkError) {
        try file.seek(to: offset)
        index = blobIndex
    }

    /// The next blob, or `nil` at a clean end of the file.
    mutating func next() throws(NetworkError) -> Blob? {
        let blobStart = file.offset
        let location = "blob \(index) at byte \(blobStart)"
        func fail(_ m: String) -> NetworkError { NetworkError(file: path, location: location, message: m) }
        let lengthBytes: [UInt8]
        switch try file.read(exactly: 4) {
        case .end: return nil
        case .truncated(_, let got): throw fail("truncated file: \(got) of the 4 bytes of a BlobHeader length")
        case .bytes(let b): lengthBytes = b
        }
        let headerLength = lengthBytes.reduce(0) { $0 << 8 | Int($1) }
        guard headerLength > 0, headerLength <= 64 * 1024 else {
            throw fail(index == 0
                ? "not an OSM PBF file (bad magic: BlobHeader length \(headerLength), expected 1…65536)"
                : "bad BlobHeader length \(headerLength) (expected 1…65536)")
        }
        guard case .bytes(let headerBytes) = try file.read(exactly: headerLength) else {
            throw fail("truncated file inside a BlobHeader of \(headerLength) bytes")
        }
        let header: (type: String, dataSize: Int)
        do { header = try PBFReader.parseBlobHeader(headerBytes) } catch {
            throw fail("bad BlobHeader: \(error.message)")
        }
        if index == 0, header.type != "OSMHeader" {
            throw fail("not an OSM PBF file (bad magic: first blob type '\(MessageText.value(header.type, limit: 40))', expected 'OSMHeader')")
        }
        guard header.dataSize >= 0, header.dataSize <= 32 << 20 else {
            throw fail("blob datasize \(header.dataSize) out of range (0…32 MiB)")
        }
        let blobBytes: [UInt8]
        switch try file.read(exactly: header.dataSize) {
        case .bytes(let b): blobBytes = b
        case .end, .truncated: throw fail("truncated file: blob declares \(header.dataSize) bytes, fewer remain")
        }
        defer { index += 1 }
        return Blob(index: index, offset: blobStart, type: header.type, data: blobBytes, fileBytes: file.offset - blobStart)
    }
}
