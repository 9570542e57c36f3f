import CZlib
import CareKernel

/// zlib decompression through the system library (zlib1g-dev): whole zlib streams for `.osm.pbf` blobs and
/// streaming gzip for `.osm.gz`.
///
/// ```swift
/// let raw = try Zlib.inflate(compressed, expectedSize: 65_536)   // a PBF blob's zlib_data
/// ```
/// Complexity: O(compressed + decompressed bytes).
enum Zlib {
    /// Errors of ``inflate(_:expectedSize:)`` as plain text (the caller adds file and blob).
    struct Failure: Error { var message: String }

    /// The largest decompressed PBF blob: 32 MiB, the bound of the OSM PBF format ("the uncompressed size of a
    /// blob must not exceed 32 MiB").
    static let maximumBlobRawSize = 32 << 20

    /// Decompresses one complete zlib stream whose decompressed size is known (PBF `raw_size`), at most
    /// ``maximumBlobRawSize``: the output is allocated once at that size and zlib cannot write past it.
    static func inflate(_ input: ArraySlice<UInt8>, expectedSize: Int) throws(Failure) -> [UInt8] {
        guard expectedSize >= 0, expectedSize <= maximumBlobRawSize else {
            throw Failure(message: "raw_size \(expectedSize) is out of range (0…32 MiB, the PBF bound on a blob)")
        }
        var output = [UInt8](repeating: 0, count: max(expectedSize, 1))
        var stream = z_stream()
        let ret: Int32 = input.withUnsafeBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return Z_MEM_ERROR }
                defer { inflateEnd(&stream) }
                stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
                stream.avail_in = UInt32(inBuf.count)
                stream.next_out = outBuf.baseAddress
                stream.avail_out = UInt32(expectedSize)
                return CZlib.inflate(&stream, Z_FINISH)
            }
        }
        guard ret == Z_STREAM_END else {
            switch ret {
            case Z_DATA_ERROR: throw Failure(message: "corrupt zlib data (\(message(stream)))")
            case Z_BUF_ERROR:
                throw Failure(message: stream.avail_out == 0
                    ? "zlib data larger than the declared raw_size \(expectedSize)"
                    : "truncated zlib data")
            case Z_MEM_ERROR: throw Failure(message: "out of memory in zlib")
            default: throw Failure(message: "zlib error \(ret)")
            }
        }
        guard Int(stream.total_out) == expectedSize else {
            throw Failure(message: "zlib data gave \(stream.total_out) bytes, raw_size says \(expectedSize)")
        }
        if expectedSize == 0 { return [] }
        return output
    }

    private static func message(_ stream: z_stream) -> String {
        guard let m = stream.msg else { return "no detail" }
        return String(cString: m)
    }
}

/// A streaming gzip (or zlib) decoder: feed compressed chunks, receive decompressed chunks
/// (`inflateInit2(…, 16 + MAX_WBITS)`; concatenated gzip members are accepted).
///
/// ```swift
/// var gz = try GzipInflater()
/// try gz.feed(chunk) { plain in tokenizer.consume(plain) }
/// try gz.finish()
/// ```
/// Output is bounded by a ``DecompressionLimit``. Not `Sendable`: one decoder per stream.
final class GzipInflater {
    private var stream = z_stream()
    private var ended = false
    private var buffer = [UInt8](repeating: 0, count: 1 << 18)
    /// Compressed bytes consumed so far (for error locations).
    private(set) var compressedOffset = 0
    /// Decompressed bytes produced so far (all members).
    private(set) var decompressedBytes = 0
    /// The bound on ``decompressedBytes``.
    let limit: DecompressionLimit

    init(limit: DecompressionLimit = .current) throws(Zlib.Failure) {
        self.limit = limit
        // 16 + MAX_WBITS: gzip header expected; +32 would auto-detect zlib too, gzip is what .osm.gz holds.
        let r = inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard r == Z_OK else { throw Zlib.Failure(message: "cannot start the gzip decoder (zlib error \(r))") }
    }

    deinit { inflateEnd(&stream) }

    /// Decompresses `input`, calling `sink` with each decompressed piece.
    func feed(_ input: UnsafeRawBufferPointer, _ sink: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        guard let base = input.baseAddress?.assumingMemoryBound(to: UInt8.self), input.count > 0 else { return }
        stream.next_in = UnsafeMutablePointer(mutating: base)
        stream.avail_in = UInt32(input.count)
        while stream.avail_in > 0 {
            if ended {
                // Another gzip member follows (concatenated .gz files are valid gzip).
                inflateReset(&stream)
                ended = false
            }
            let before = Int(stream.avail_in)
            let (ret, produced): (Int32, Int) = buffer.withUnsafeMutableBufferPointer { out in
                stream.next_out = out.baseAddress
                stream.avail_out = UInt32(out.count)
                let r = inflate(&stream, Z_NO_FLUSH)
                return (r, out.count - Int(stream.avail_out))
            }
            compressedOffset += before - Int(stream.avail_in)
            guard produced <= limit.maximumBytes - decompressedBytes else {
                throw Zlib.Failure(message: limit.exceededMessage)
            }
            decompressedBytes += produced
            if produced > 0 {
                try buffer.withUnsafeBufferPointer { try sink(UnsafeBufferPointer(rebasing: $0[0..<produced])) }
            }
            switch ret {
            case Z_OK: continue
            case Z_STREAM_END: ended = true
            case Z_BUF_ERROR: if produced == 0 && Int(stream.avail_in) == before { return }
            case Z_DATA_ERROR, Z_NEED_DICT:
                let detail = stream.msg.map { String(cString: $0) } ?? "no detail"
                throw Zlib.Failure(message: "corrupt gzip data near compressed byte \(compressedOffset) (\(detail))")
            default:
                throw Zlib.Failure(message: "gzip error \(ret) near compressed byte \(compressedOffset)")
            }
        }
    }

    /// Checks that the stream ended properly (not truncated).
    func finish() throws(Zlib.Failure) {
        guard ended else {
            throw Zlib.Failure(message: "truncated gzip data (stream ends at compressed byte \(compressedOffset) without its trailer)")
        }
    }
}
