import CareKernel
import Foundation

/// Reads a cache's fields through the kernel's ``CareKernel/BinaryReader`` (over the mapping, up to the
/// checksum), each overrun and bad value a ``NetworkError`` naming the file, the byte and the field.
struct CacheReader {
    var base: BinaryReader
    let file: String

    /// The next byte to read.
    var offset: Int { base.offset }
    /// Where the fields end (the checksum's offset, once ``header()`` has verified it).
    var end: Int { base.end }

    /// Magic, version and checksum, in that order (a cache of another version is named as such, whatever its
    /// checksum); reads go on after the version and stop before the checksum.
    mutating func header() throws(NetworkError) {
        do throws(BinaryReadError) {
            try base.expectMagic(RoadGraph.cacheMagic, minimumSize: 36)
            _ = try base.version(supported: [RoadGraph.cacheVersion])
            try base.verifyTrailingChecksum(.fourLanes)
        } catch { throw failure(error, field: "header") }
    }

    mutating func pod<T: BinaryScalar>(_ field: String) throws(NetworkError) -> T {
        do { return try base.read() } catch { throw failure(error, field: field) }
    }

    mutating func align8() throws(NetworkError) {
        do { try base.align8() } catch { throw failure(error, field: "padding") }
    }

    mutating func string(_ field: String) throws(NetworkError) -> String {
        do { return try base.string32() } catch { throw failure(error, field: field) }
    }

    /// `count` elements copied out of the bytes, each checked by `check` (a located error names the first bad one).
    /// Large arrays are copied and checked in chunks on every core: filling fresh memory (the kernel zeroes
    /// each page on first touch) is most of a national cache's load, and the cores do it side by side.
    mutating func array<T: BinaryScalar>(_ count: Int, _ field: String, check: @Sendable (T) -> Bool, rule: String) throws(NetworkError) -> [T] {
        let at = offset
        let region: UnsafeRawBufferPointer
        do { region = try base.region(count, of: T.self) } catch { throw failure(error, field: field) }
        var firstBad: Int?
        let out = [T](unsafeUninitializedCapacity: count) { buf, initialized in
            if let source = region.baseAddress, let destination = buf.baseAddress, count > 0 {
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

    /// The cache's one-line error for what the reader refused in `field`.
    func failure(_ error: BinaryReadError, field: String) -> NetworkError {
        switch error {
        case .badMagic:
            NetworkError(file: file, message: "not a CareAccess network cache (bad magic)")
        case .unsupportedVersion(_, let found, _):
            NetworkError(file: file, message: "unsupported network cache version \(found) (this build reads \(RoadGraph.cacheVersion); rebuild it with `careaccess network info FILE.osm.pbf --save-cache`)")
        case .notWholeWords(let length):
            NetworkError(file: file, message: "checksum mismatch: the cache is truncated or corrupt (\(length) bytes, not a multiple of 8)")
        case .checksumMismatch:
            NetworkError(file: file, message: "checksum mismatch: the cache is truncated or corrupt")
        case .truncated(let offset, let needed, let available):
            NetworkError(file: file, location: "byte \(offset)", message: "truncated in field '\(field)': needed \(needed) bytes, \(available) left")
        case .tooLarge(let offset, let count, _):
            NetworkError(file: file, location: "byte \(offset)", message: "field '\(field)': \(count) elements too large")
        case .malformedVarint(let offset):
            NetworkError(file: file, location: "byte \(offset)", message: "field '\(field)': \(error)")
        }
    }
}

extension CacheReader {
    /// Offsets of a CSR: from 0 to `count`, never decreasing.
    func checkOffsets(_ offsets: [Int32], at offsetsAt: Int, _ field: String, count m: Int) throws(NetworkError) {
        let n = offsets.count - 1
        guard offsets[0] == 0, offsets[n] == Int32(m) else {
            throw NetworkError(file: file, location: "byte \(offsetsAt)", message: "field '\(field)': starts at \(offsets[0]) and ends at \(offsets[n]), expected 0 and \(m)")
        }
        for v in 0..<n where offsets[v] > offsets[v + 1] {
            throw NetworkError(file: file, location: "byte \(offsetsAt + 4 * (v + 1))", message: "field '\(field)[\(v + 1)]': \(offsets[v + 1]) < \(offsets[v]), offsets must not decrease")
        }
    }

    /// One contracted direction, every index range-checked so that the unchecked search loop stays in bounds:
    /// offsets 0…c non-decreasing, heads and interior nodes < n, weight starts strictly increasing from 0 to m
    /// (every core edge at least one weight), m - c interior entries, positions -1 or < m - c, exactly `core`
    /// nodes without a position (the core: only they enter a search's heap, sized to them) and every head one of them.
    mutating func contracted(_ name: String, nodes n: Int, edges m: Int, core: Int, at coreAt: Int) throws(NetworkError) -> ContractedCSR {
        let countAt = offset
        let c64: UInt64 = try pod("\(name) coreEdges")
        guard c64 <= UInt64(m) else { throw NetworkError(file: file, location: "byte \(countAt)", message: "field '\(name) coreEdges': \(c64) exceeds the \(m) edges") }
        let c = Int(c64)
        let inner = m - c
        let offsetsAt = offset
        let offsets: [Int32] = try array(n + 1, "\(name) offsets", check: { $0 >= 0 && Int($0) <= c }, rule: "must be in 0…\(c)")
        try checkOffsets(offsets, at: offsetsAt, "\(name) offsets", count: c)
        try align8()
        let heads: [Int32] = try array(c, "\(name) heads", check: { $0 >= 0 && Int($0) < n }, rule: "must be a node, 0..<\(n)")
        try align8()
        let startsAt = offset
        let starts: [Int32] = try array(c + 1, "\(name) weightStarts", check: { $0 >= 0 && Int($0) <= m }, rule: "must be in 0…\(m)")
        guard starts[0] == 0, starts[c] == Int32(m) else {
            throw NetworkError(file: file, location: "byte \(startsAt)", message: "field '\(name) weightStarts': starts at \(starts[0]) and ends at \(starts[c]), expected 0 and \(m)")
        }
        for e in 0..<c where starts[e] >= starts[e + 1] {
            throw NetworkError(file: file, location: "byte \(startsAt + 4 * (e + 1))", message: "field '\(name) weightStarts[\(e + 1)]': \(starts[e + 1]) ≤ \(starts[e]), every core edge needs a weight")
        }
        try align8()
        let weights: [Double] = try array(m, "\(name) weights", check: { $0.isFinite && $0 >= 0 }, rule: "must be finite and ≥ 0")
        let interior: [Int32] = try array(inner, "\(name) interior", check: { $0 >= 0 && Int($0) < n }, rule: "must be a node, 0..<\(n)")
        try align8()
        let positions: [Int32] = try array(2 * n, "\(name) positions", check: { $0 >= -1 && Int($0) < inner }, rule: "must be -1 or in 0..<\(inner)")
        try align8()
        var cores = 0
        for v in 0..<n where positions[2 * v] < 0 { cores += 1 }
        guard cores == core else {
            throw NetworkError(file: file, location: "byte \(coreAt)", message: "field 'coreCount': \(core), but \(cores) nodes of the \(name) direction lie on no chain")
        }
        if let e = heads.firstIndex(where: { positions[2 * Int($0)] >= 0 }) {
            throw NetworkError(file: file, location: "byte \(offsetsAt)", message: "field '\(name) heads[\(e)]': node \(heads[e]) lies on a chain, not in the core")
        }
        return ContractedCSR(offsets: offsets, heads: heads, weightStarts: starts, weights: weights, interior: interior, positions: positions)
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
