import CareKernel
import Foundation

/// Where ``RoadGraph`` writes its cache: memory (``RoadGraph/cacheBytes()``) or a file, hashing as it goes.
/// Every write is padded with zeros to a multiple of 8 bytes; the checksum is ``CareKernel/FNV1a/FourLanes``.
protocol CacheSink {
    mutating func writeRaw(_ bytes: UnsafeRawBufferPointer)
    var hasher: FNV1a.FourLanes { get set }
}

extension CacheSink {
    mutating func write(_ bytes: [UInt8]) { bytes.withUnsafeBytes { writePadded($0) } }
    mutating func write<T: BitwiseCopyable>(_ array: [T]) { array.withUnsafeBytes { writePadded($0) } }

    mutating func writePadded(_ bytes: UnsafeRawBufferPointer) {
        let whole = bytes.count / 8 * 8
        if whole > 0 {
            let part = UnsafeRawBufferPointer(rebasing: bytes[..<whole])
            hasher.add(part)
            writeRaw(part)
        }
        if whole < bytes.count {
            var tail = [UInt8](repeating: 0, count: 8)
            for k in whole..<bytes.count { tail[k - whole] = bytes[k] }
            tail.withUnsafeBytes { hasher.add($0); writeRaw($0) }
        }
    }

    /// Appends the checksum.
    mutating func finish() {
        var v = hasher.value
        withUnsafeBytes(of: &v) { writeRaw($0) }
    }
}

struct MemoryCacheSink: CacheSink {
    var data: [UInt8] = []
    var hasher = FNV1a.FourLanes()
    mutating func writeRaw(_ bytes: UnsafeRawBufferPointer) { data.append(contentsOf: bytes) }
}

/// Streams to an ``CareKernel/AtomicWriter``'s temporary file; the first failure is kept and later writes skipped.
struct FileCacheSink: CacheSink {
    let output: FileOutput
    var hasher = FNV1a.FourLanes()
    var failure: AtomicWriteError?
    mutating func writeRaw(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil else { return }
        do throws(AtomicWriteError) { try output.write(bytes) } catch { failure = error }
    }
}

/// Reads a cache's fields from raw bytes (a mapping), each overrun and bad value a located error.
struct CacheReader {
    let bytes: UnsafeRawBufferPointer
    let end: Int
    let file: String
    var offset: Int

    mutating func take(_ n: Int, _ field: String) throws(NetworkError) -> Int {
        guard n >= 0, n <= end - offset else {
            throw NetworkError(file: file, location: "byte \(offset)", message: "truncated in field '\(field)': needed \(n) bytes, \(end - offset) left")
        }
        defer { offset += n }
        return offset
    }
    mutating func pod<T: BitwiseCopyable>(_ field: String) throws(NetworkError) -> T {
        let at = try take(MemoryLayout<T>.size, field)
        return bytes.loadUnaligned(fromByteOffset: at, as: T.self)
    }
    mutating func align8() throws(NetworkError) {
        let pad = (8 - offset % 8) % 8
        _ = try take(pad, "padding")
    }
    /// `count` elements copied out of the bytes, each checked by `check` (a located error names the first bad one).
    /// Large arrays are copied and checked in chunks on every core: filling fresh memory (the kernel zeroes
    /// each page on first touch) is most of a national cache's load, and the cores do it side by side.
    mutating func array<T: BitwiseCopyable>(_ count: Int, _ field: String, check: @Sendable (T) -> Bool, rule: String) throws(NetworkError) -> [T] {
        let (size, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<T>.stride)
        guard !overflow else { throw NetworkError(file: file, location: "byte \(offset)", message: "field '\(field)': \(count) elements too large") }
        let at = try take(size, field)
        var firstBad: Int?
        let out = [T](unsafeUninitializedCapacity: count) { buf, initialized in
            if let source = bytes.baseAddress?.advanced(by: at), let destination = buf.baseAddress, count > 0 {
                Self.preferHugePages(UnsafeMutableRawBufferPointer(buf))
                firstBad = ArrayFill(source: source, destination: destination, count: count).run(check: check)
            }
            initialized = count
        }
        if let bad = firstBad {
            throw NetworkError(file: file, location: "byte \(at + bad * MemoryLayout<T>.stride)", message: "field '\(field)[\(bad)]': \(out[bad]) \(rule)")
        }
        return out
    }
    /// Asks Linux for transparent huge pages on a large, not yet touched buffer (`madvise(MADV_HUGEPAGE)`):
    /// filling a national graph's 2–3 GB of fresh arrays then takes a fault per 2 MiB instead of per 4 KiB.
    /// A hint only; ignored where unsupported.
    static func preferHugePages(_ buffer: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        guard let base = buffer.baseAddress, buffer.count >= 8 << 20 else { return }
        let page = 2 << 20
        let start = (Int(bitPattern: base) + page - 1) / page * page
        let end = (Int(bitPattern: base) + buffer.count) / page * page
        if end > start, let p = UnsafeMutableRawPointer(bitPattern: start) { _ = madvise(p, end - start, MADV_HUGEPAGE) }
        #endif
    }

    mutating func string(_ field: String) throws(NetworkError) -> String {
        let n = Int(try pod(field) as UInt32)
        let at = try take(n, field)
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[at..<(at + n)]), as: UTF8.self)
    }
}

/// Raw views of one cache array's bytes in the mapping and of its fresh destination, shared by the workers of
/// one ``CacheReader/array(_:_:check:rule:)`` call: each worker copies and checks its own chunk, and every
/// worker ends before the buffers' scope does.
private struct ArrayFill<T: BitwiseCopyable>: @unchecked Sendable {
    let source: UnsafeRawPointer
    let destination: UnsafeMutablePointer<T>
    let count: Int
    /// Elements per chunk (4 MiB of them).
    static var chunk: Int { Swift.max(1, (4 << 20) / Swift.max(MemoryLayout<T>.stride, 1)) }

    /// Copies every element and returns the index of the first that fails `check`, if any.
    func run(check: @Sendable (T) -> Bool) -> Int? {
        let chunk = Self.chunk
        let chunks = (count + chunk - 1) / chunk
        let threads = chunks > 1 ? Swift.min(ProcessInfo.processInfo.activeProcessorCount, 8) : 1
        let firstBad = ParallelChunks.map(count: chunks, chunkSize: 1, threads: threads) { range in
            range.map { c -> Int? in
                let lo = c * chunk, hi = Swift.min(count, lo + chunk)
                UnsafeMutableRawPointer(destination + lo)
                    .copyMemory(from: source + lo * MemoryLayout<T>.stride, byteCount: (hi - lo) * MemoryLayout<T>.stride)
                for i in lo..<hi where !check(destination[i]) { return i }
                return nil
            }
        }
        return firstBad.lazy.compactMap { $0 }.first
    }
}
