import CareGeo
import Foundation

#if _endian(big)
#error("The network cache format is little-endian; big-endian hosts are not supported")
#endif

extension RoadGraph {
    /// Magic bytes of the cache file (`.carn`).
    public static let cacheMagic: [UInt8] = Array("CARN".utf8)
    /// Cache format version this build writes and reads.
    public static let cacheVersion: UInt32 = 1

    /// The graph as a cache file, little-endian, in the style of the territory `.catr` file:
    /// ```
    /// "CARN" u32 version u32 epsg u64 nodeCount u64 edgeCount
    /// report: str source, str format, 14 × u64 counters, 3 tables {u32 count, count × (str key, f64 value)}
    /// f64 xs[n] ys[n] lons[n] lats[n]  i64 osmIDs[n]  i32 offsets[n+1] targets[m]  f64 minutes[m] metres[m]
    /// u64 FNV-1a 64 checksum of every preceding byte          (str = u32 length + UTF-8)
    /// ```
    /// The reverse CSR is rebuilt on load.
    ///
    /// ```swift
    /// try graph.save(to: "andorra.carn")
    /// let again = try RoadGraph.load(path: "andorra.carn")
    /// ```
    /// Complexity: O(n + m).
    public func cacheBytes() -> [UInt8] {
        var w = CacheWriter()
        w.raw(Self.cacheMagic)
        w.pod(Self.cacheVersion)
        w.pod(UInt32(crs.epsg))
        w.pod(UInt64(nodeCount))
        w.pod(UInt64(edgeCount))
        w.string(report.source)
        w.string(report.format)
        for v in report.counters { w.pod(UInt64(v)) }
        for table in [report.speeds, report.excludedClasses.mapValues(Double.init), report.waysByClass.mapValues(Double.init)] {
            w.pod(UInt32(table.count))
            for (k, v) in table.sorted(by: { $0.key < $1.key }) { w.string(k); w.pod(v) }
        }
        for a in [xs, ys, lons, lats] { w.array(a) }
        w.array(osmIDs)
        w.array(offsets)
        w.array(targets)
        w.array(minutes)
        w.array(metres)
        w.pod(Self.fnv1a(w.data[...]))
        return w.data
    }

    /// Writes ``cacheBytes()`` to `path` (through a temporary file renamed into place).
    public func save(to path: String) throws(NetworkError) {
        let tmp = path + ".tmp-\(UInt32.random(in: 0...UInt32.max))"
        do {
            try Data(cacheBytes()).write(to: URL(fileURLWithPath: tmp))
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: tmp, toPath: path)
        } catch {
            try? FileManager.default.removeItem(atPath: tmp)
            throw NetworkError(file: path, message: "cannot write the network cache: \(error.localizedDescription)")
        }
    }

    /// Reads a cache file written by ``save(to:)``; checks magic, version, checksum and every array size.
    public static func loadCache(path: String) throws(NetworkError) -> RoadGraph {
        let bytes: [UInt8]
        do { bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) } catch {
            throw NetworkError(file: path, message: "cannot read file: \(error.localizedDescription)")
        }
        return try decodeCache(bytes, file: path)
    }

    /// Decodes cache bytes (see ``cacheBytes()``).
    public static func decodeCache(_ bytes: [UInt8], file: String) throws(NetworkError) -> RoadGraph {
        guard bytes.count >= 36, bytes.starts(with: cacheMagic) else {
            throw NetworkError(file: file, message: "not a CareAccess network cache (bad magic)")
        }
        let stored = bytes[(bytes.count - 8)...].withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
        guard fnv1a(bytes[..<(bytes.count - 8)]) == stored else {
            throw NetworkError(file: file, message: "checksum mismatch: the cache is truncated or corrupt")
        }
        var r = CacheReader(bytes: bytes, end: bytes.count - 8, file: file, offset: 4)
        let version: UInt32 = try r.pod()
        guard version == cacheVersion else {
            throw NetworkError(file: file, message: "unsupported network cache version \(version) (this build reads \(cacheVersion))")
        }
        let epsg: UInt32 = try r.pod()
        let n = Int(try r.pod() as UInt64), m = Int(try r.pod() as UInt64)
        var report = RoadGraphReport()
        report.source = try r.string()
        report.format = try r.string()
        var counters: [Int] = []
        for _ in 0..<RoadGraphReport.counterCount { counters.append(Int(try r.pod() as UInt64)) }
        report.counters = counters
        var tables: [[String: Double]] = []
        for _ in 0..<3 {
            let count = Int(try r.pod() as UInt32)
            var t: [String: Double] = [:]
            for _ in 0..<count { let k = try r.string(); t[k] = try r.pod() as Double }
            tables.append(t)
        }
        report.speeds = tables[0]
        report.excludedClasses = tables[1].mapValues { Int($0) }
        report.waysByClass = tables[2].mapValues { Int($0) }
        report.format = "cache (\(report.format))"
        let xs: [Double] = try r.array(n), ys: [Double] = try r.array(n)
        let lons: [Double] = try r.array(n), lats: [Double] = try r.array(n)
        let ids: [Int64] = try r.array(n)
        let offsets: [Int32] = try r.array(n + 1)
        let targets: [Int32] = try r.array(m)
        let minutes: [Double] = try r.array(m), metres: [Double] = try r.array(m)
        guard r.offset == r.end else { throw NetworkError(file: file, location: "byte \(r.offset)", message: "unexpected bytes after the arrays") }
        guard offsets.first == 0, offsets.last == Int32(m), zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }),
              targets.allSatisfy({ $0 >= 0 && Int($0) < n }), minutes.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw NetworkError(file: file, message: "inconsistent graph arrays (offsets, targets or minutes out of range)")
        }
        return RoadGraph(crs: CRS(epsg: Int(epsg)), xs: xs, ys: ys, lons: lons, lats: lats, osmIDs: ids, offsets: offsets,
                         targets: targets, minutes: minutes, metres: metres, report: report)
    }

    static func fnv1a(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.withUnsafeBufferPointer { buf in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in buf {
                h ^= UInt64(b)
                h &*= 0x100_0000_01b3
            }
            return h
        }
    }
}

extension RoadGraphReport {
    static let counterCount = 14
    /// The integer counters in cache order.
    var counters: [Int] {
        get {
            [fileNodes, fileWays, fileRelations, highwayWays, drivableWays, accessExcludedWays, missingNodeRefs,
             nodesBeforeComponents, edgesBeforeComponents, mergedParallelEdges, selfLoops, components, droppedNodes, droppedEdges]
        }
        set {
            guard newValue.count == Self.counterCount else { return }
            (fileNodes, fileWays, fileRelations, highwayWays, drivableWays, accessExcludedWays, missingNodeRefs) =
                (newValue[0], newValue[1], newValue[2], newValue[3], newValue[4], newValue[5], newValue[6])
            (nodesBeforeComponents, edgesBeforeComponents, mergedParallelEdges, selfLoops, components, droppedNodes, droppedEdges) =
                (newValue[7], newValue[8], newValue[9], newValue[10], newValue[11], newValue[12], newValue[13])
        }
    }
}

struct CacheWriter {
    var data: [UInt8] = []
    mutating func raw(_ b: [UInt8]) { data.append(contentsOf: b) }
    mutating func pod<T: BitwiseCopyable>(_ v: T) { withUnsafeBytes(of: v) { data.append(contentsOf: $0) } }
    mutating func array<T: BitwiseCopyable>(_ a: [T]) { a.withUnsafeBytes { data.append(contentsOf: $0) } }
    mutating func string(_ s: String) {
        let u = Array(s.utf8)
        pod(UInt32(u.count))
        data.append(contentsOf: u)
    }
}

struct CacheReader {
    let bytes: [UInt8]
    let end: Int
    let file: String
    var offset: Int

    mutating func take(_ n: Int) throws(NetworkError) -> Range<Int> {
        guard n >= 0, n <= end - offset else {
            throw NetworkError(file: file, location: "byte \(offset)", message: "truncated: needed \(n) bytes, \(end - offset) left")
        }
        defer { offset += n }
        return offset..<(offset + n)
    }
    mutating func pod<T: BitwiseCopyable>() throws(NetworkError) -> T {
        let r = try take(MemoryLayout<T>.size)
        return bytes[r].withUnsafeBytes { $0.loadUnaligned(as: T.self) }
    }
    mutating func array<T: BitwiseCopyable>(_ count: Int) throws(NetworkError) -> [T] {
        let (size, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<T>.stride)
        guard !overflow else { throw NetworkError(file: file, location: "byte \(offset)", message: "array of \(count) elements too large") }
        let r = try take(size)
        return [T](unsafeUninitializedCapacity: count) { buf, initialized in
            bytes[r].withUnsafeBytes { src in
                UnsafeMutableRawBufferPointer(buf).copyMemory(from: src)
            }
            initialized = count
        }
    }
    mutating func string() throws(NetworkError) -> String {
        let n = Int(try pod() as UInt32)
        return String(decoding: bytes[try take(n)], as: UTF8.self)
    }
}
