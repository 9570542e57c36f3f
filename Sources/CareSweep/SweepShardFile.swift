import CareIO
import CareReport
import CareStudy
import Foundation

/// A shard's results on disk (`shard-KKKKKK-of-NNNNNN.casweep`, little-endian):
///
///     "CASWEEP1"  u64 format version  string engine version  string spec hash  u64 K  u64 N  u64 task count
///     u64 context length, context (``SweepContext``)
///     records: u64 length, ``SweepTaskResult`` — one per task K, K + N, K + 2N, … in that order
///     trailer: "CASWEEPE"  u64 record count  u64 checksum of the records
///
/// ``SweepShardWriter`` streams records to a hidden temporary file and renames it into place only once the
/// trailer is written: a shard file is complete or absent, never half-written.
enum SweepShardFormat {
    static let magic = Array("CASWEEP1".utf8)
    static let endMagic = Array("CASWEEPE".utf8)
    static let trailerSize = 24
}

/// Writes one shard file (see ``SweepShardFormat``).
///
/// ```swift
/// let w = try SweepShardWriter(directory: "out", shard: shard, context: engine.context)
/// try w.append(result)
/// try w.commit()
/// ```
/// Complexity: O(bytes written); memory O(one record).
final class SweepShardWriter {
    let stream: AtomicStream
    private var hash = SweepHash()
    private(set) var records = 0

    init(directory: String, shard: SweepShard, context: SweepContext) throws(OutputError) {
        stream = try AtomicStream(path: directory + "/" + shard.fileName)
        var w = SweepBinaryWriter()
        w.bytes.append(contentsOf: SweepShardFormat.magic)
        w.u64(UInt64(SweepEngine.formatVersion))
        w.string(SweepEngine.engineVersion)
        w.string(context.specHash)
        w.int(shard.index)
        w.int(shard.count)
        w.int(context.taskCount)
        let c = context.encode()
        w.int(c.count)
        w.bytes.append(contentsOf: c)
        try stream.write(w.bytes)
    }

    func append(_ result: SweepTaskResult) throws(OutputError) {
        var w = SweepBinaryWriter()
        result.encode(into: &w)
        var framed = SweepBinaryWriter()
        framed.int(w.bytes.count)
        hash.add(w.bytes)
        try stream.write(framed.bytes + w.bytes)
        records += 1
    }

    func commit() throws(OutputError) {
        var w = SweepBinaryWriter()
        w.bytes.append(contentsOf: SweepShardFormat.endMagic)
        w.int(records)
        w.u64(hash.state)
        try stream.write(w.bytes)
        try stream.commit()
    }

    func discard() { stream.discard() }
}

/// One shard file opened for the merge: its header, and its records read in order.
///
/// Opening reads the header and the trailer (O(context)); ``next()`` reads one record (O(record)); the
/// checksum is verified when the last record has been read.
final class SweepShardReader {
    let path: String
    let formatVersion: UInt64
    let engineVersion: String
    let specHash: String
    let shard: Int
    let count: Int
    let taskCount: Int
    let contextBytes: [UInt8]
    let recordCount: Int
    let checksum: UInt64
    private let handle: FileHandle
    private let recordsEnd: UInt64
    private var offset: UInt64
    private var hash = SweepHash()
    private(set) var read = 0

    init(path: String) throws(InputError) {
        self.path = path
        guard let h = FileHandle(forReadingAtPath: path) else {
            throw InputError(file: path, message: "cannot open the shard file: \(String(cString: strerror(errno)))")
        }
        handle = h
        let size: UInt64
        do { size = try h.seekToEnd() } catch { throw InputError(file: path, message: "cannot read: \(FileInput.reason(error))") }
        func bytes(at position: UInt64, count: Int) throws(InputError) -> [UInt8] {
            do {
                try h.seek(toOffset: position)
                let data = try h.read(upToCount: count) ?? Data()
                guard data.count == count else { throw InputError(file: path, message: "damaged shard file: truncated at byte \(position)") }
                return [UInt8](data)
            } catch let e as InputError {
                throw e
            } catch {
                throw InputError(file: path, message: "cannot read: \(FileInput.reason(error))")
            }
        }
        guard size >= UInt64(SweepShardFormat.magic.count + SweepShardFormat.trailerSize) else {
            throw InputError(file: path, message: "not a sweep shard file (\(size) bytes)")
        }
        let prefix = try bytes(at: 0, count: Int(min(size, 1 << 16)))
        guard prefix.starts(with: SweepShardFormat.magic) else { throw InputError(file: path, message: "not a sweep shard file (no CASWEEP1 header)") }
        var r = SweepBinaryReader(prefix, file: path)
        r.position = SweepShardFormat.magic.count
        formatVersion = try r.u64()
        engineVersion = try r.string()
        specHash = try r.string()
        shard = try r.int()
        count = try r.int()
        taskCount = try r.int()
        let contextLength = try r.int()
        let contextStart = UInt64(r.position)
        guard contextLength >= 0, contextStart + UInt64(contextLength) + UInt64(SweepShardFormat.trailerSize) <= size else {
            throw InputError(file: path, message: "damaged shard file: context of \(contextLength) bytes does not fit")
        }
        contextBytes = try bytes(at: contextStart, count: contextLength)
        offset = contextStart + UInt64(contextLength)
        recordsEnd = size - UInt64(SweepShardFormat.trailerSize)
        var t = SweepBinaryReader(try bytes(at: recordsEnd, count: SweepShardFormat.trailerSize), file: path)
        guard Array(t.bytes[0..<8]) == SweepShardFormat.endMagic else {
            throw InputError(file: path, message: "damaged shard file: no CASWEEPE trailer (truncated or still being written)")
        }
        t.position = 8
        recordCount = try t.int()
        checksum = try t.u64()
    }

    deinit { try? handle.close() }

    /// The next record, or `nil` after the last (whose checksum is then verified).
    func next(communes: Int) throws(InputError) -> SweepTaskResult? {
        guard read < recordCount else { return nil }
        do {
            try handle.seek(toOffset: offset)
            guard let lengthData = try handle.read(upToCount: 8), lengthData.count == 8 else {
                throw InputError(file: path, message: "damaged shard file: truncated record \(read)")
            }
            var lr = SweepBinaryReader([UInt8](lengthData), file: path)
            let length = try lr.int()
            guard length > 0, offset + 8 + UInt64(length) <= recordsEnd else {
                throw InputError(file: path, message: "damaged shard file: record \(read) of \(length) bytes does not fit")
            }
            guard let data = try handle.read(upToCount: length), data.count == length else {
                throw InputError(file: path, message: "damaged shard file: truncated record \(read)")
            }
            let bytes = [UInt8](data)
            hash.add(bytes)
            var r = SweepBinaryReader(bytes, file: path)
            let result = try SweepTaskResult.decode(&r, communes: communes)
            guard r.atEnd else { throw r.damaged("trailing bytes in record \(read)") }
            offset += 8 + UInt64(length)
            read += 1
            if read == recordCount {
                guard offset == recordsEnd else { throw InputError(file: path, message: "damaged shard file: bytes after the last record") }
                guard hash.state == checksum else { throw InputError(file: path, message: "damaged shard file: checksum mismatch (the records were altered)") }
            }
            return result
        } catch let e as InputError {
            throw e
        } catch {
            throw InputError(file: path, message: "cannot read: \(FileInput.reason(error))")
        }
    }
}
