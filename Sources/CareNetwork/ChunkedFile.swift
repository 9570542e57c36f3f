import Foundation

/// Sequential reads of a file in pieces, so readers stream instead of loading whole files.
///
/// ```swift
/// var f = try ChunkedFile(path: "andorra.osm.pbf")
/// let four = try f.read(exactly: 4)   // nil at a clean end of file
/// ```
/// Not `Sendable`: one reader per file.
struct ChunkedFile {
    let path: String
    private let handle: FileHandle
    /// Bytes consumed so far.
    private(set) var offset = 0

    init(path: String) throws(NetworkError) {
        guard let h = FileHandle(forReadingAtPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw NetworkError(file: path, message: exists ? "cannot open file (permission?)" : "no such file")
        }
        self.path = path
        handle = h
    }

    /// Up to `count` bytes; an empty array at the end of the file.
    mutating func read(upTo count: Int) throws(NetworkError) -> [UInt8] {
        do {
            guard let data = try handle.read(upToCount: count) else { return [] }
            offset += data.count
            return [UInt8](data)
        } catch {
            throw NetworkError(file: path, location: "byte \(offset)", message: "read error: \(error.localizedDescription)")
        }
    }

    /// Exactly `count` bytes, `nil` at a clean end of file (nothing left), `.truncated` when fewer remain.
    mutating func read(exactly count: Int) throws(NetworkError) -> ReadResult {
        let start = offset
        var out = try read(upTo: count)
        while out.count < count {
            let more = try read(upTo: count - out.count)
            if more.isEmpty { break }
            out += more
        }
        if out.isEmpty && count > 0 { return .end }
        if out.count < count { return .truncated(start: start, got: out.count) }
        return .bytes(out)
    }

    enum ReadResult {
        case bytes([UInt8])
        case end
        case truncated(start: Int, got: Int)
    }

    /// Moves to byte `offset` (for a second pass over chosen parts of a file).
    mutating func seek(to target: Int) throws(NetworkError) {
        do { try handle.seek(toOffset: UInt64(target)) } catch {
            throw NetworkError(file: path, location: "byte \(target)", message: "seek error: \(error.localizedDescription)")
        }
        offset = target
    }

    func close() { try? handle.close() }
}
