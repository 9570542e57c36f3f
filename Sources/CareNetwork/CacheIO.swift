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
