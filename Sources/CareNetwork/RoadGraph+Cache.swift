import CareGeo
import CareKernel
import Foundation

#if _endian(big)
#error("The network cache format is little-endian; big-endian hosts are not supported")
#endif

extension RoadGraph {
    /// Magic bytes of the cache file (`.carn`).
    public static let cacheMagic: [UInt8] = Array("CARN".utf8)
    /// Cache format version this build writes and reads.
    public static let cacheVersion: UInt32 = 2

    /// The graph as a cache file, little-endian, every array starting on an 8-byte boundary (zero padding):
    /// ```
    /// "CARN" u32 version u32 epsg u64 nodeCount u64 edgeCount
    /// report: str source, str format, 14 × u64 counters, 3 tables {u32 count, count × (str key, f64 value)}
    /// pad8  f64 xs[n] ys[n] lons[n] lats[n]  i64 osmIDs[n]  i32 offsets[n+1] pad8  i32 targets[m] pad8
    /// f64 minutes[m] metres[m]
    /// i32 reverseOffsets[n+1] pad8  i32 reverseSources[m] pad8  f64 reverseMinutes[m]  u64 coreCount
    /// 2 × (forward, reverse contracted): u64 coreEdges c  i32 offsets[n+1] pad8  i32 heads[c] pad8
    ///     i32 weightStarts[c+1] pad8  f64 weights[m]  i32 interior[m-c] pad8  i32 positions[2n] pad8
    /// u64 checksum of every preceding byte (4-lane FNV-1a over 64-bit words)   (str = u32 length + UTF-8)
    /// ```
    /// The derived arrays (reverse CSR, contracted chains) are stored so that a national graph loads without
    /// rebuilding them. The checksum detects accidents (truncation, bit rot), not crafted files:
    /// ``loadCache(path:)`` validates every field anyway (structure and ranges, so that no search can read out
    /// of bounds; a crafted file with consistent structure but invented weights gives invented minutes).
    ///
    /// ```swift
    /// try graph.save(to: "andorra.carn")
    /// let again = try RoadGraph.load(path: "andorra.carn")
    /// ```
    /// Complexity: O(n + m).
    public func cacheBytes() -> [UInt8] {
        var sink = MemoryCacheSink()
        writeCache(to: &sink)
        return sink.data
    }

    /// Writes the cache to `path` through ``CareKernel/AtomicWriter``: streamed to a hidden temporary file in the
    /// same folder (created exclusively, removed on SIGINT/SIGTERM/SIGHUP), synced and renamed over the
    /// destination in one step. The old cache stays whole until the new one replaces it, and a failed or
    /// interrupted save leaves neither a half-written cache nor a temporary.
    public func save(to path: String) throws(NetworkError) {
        do throws(AtomicWriteError) {
            let writer = try AtomicWriter(replacing: path)
            var sink = FileCacheSink(output: writer.output)
            writeCache(to: &sink)
            if let failure = sink.failure { throw failure }
            try writer.commit()
        } catch {
            throw NetworkError(file: path, message: "cannot write the network cache: \(error.message)")
        }
    }

    func writeCache<S: CacheSink>(to sink: inout S) {
        var head = BinaryWriter()
        head.bytes(Self.cacheMagic)
        head.u32(Self.cacheVersion)
        head.u32(UInt32(crs.epsg))
        head.u64(UInt64(nodeCount))
        head.u64(UInt64(edgeCount))
        head.string32(report.source)
        head.string32(report.format)
        for v in report.counters { head.u64(UInt64(v)) }
        for table in [report.speeds, report.excludedClasses.mapValues(Double.init), report.waysByClass.mapValues(Double.init)] {
            head.u32(UInt32(table.count))
            for (k, v) in table.sorted(by: { $0.key < $1.key }) { head.string32(k); head.f64(v) }
        }
        head.pad8()
        sink.write(head.data)
        for a in [xs, ys, lons, lats] { sink.write(a) }
        sink.write(osmIDs)
        sink.write(offsets)
        sink.write(targets)
        sink.write(minutes)
        sink.write(metres)
        sink.write(reverseOffsets)
        sink.write(reverseSources)
        sink.write(reverseMinutes)
        sink.write([UInt64(contracted.coreCount)])
        for c in [contracted.forward, contracted.reverse] {
            sink.write([UInt64(c.edgeCount)])
            sink.write(c.offsets)
            sink.write(c.heads)
            sink.write(c.weightStarts)
            sink.write(c.weights)
            sink.write(c.interior)
            sink.write(c.positions)
        }
        sink.finish()
    }

    /// Reads a cache file written by ``save(to:)``: the file is memory-mapped, its checksum verified, every field
    /// validated (counts against the file size, offsets non-decreasing from 0 to the edge count, rows strictly
    /// ascending without self-loops, targets in range, finite non-negative weights, finite coordinates) while the
    /// arrays are copied out of the mapping. Errors name the file, the byte and the field.
    public static func loadCache(path: String) throws(NetworkError) -> RoadGraph {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw NetworkError(file: path, message: "cannot open file: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw NetworkError(file: path, message: "cannot stat file: \(String(cString: strerror(errno)))") }
        let size = Int(st.st_size)
        guard size > 0 else { throw NetworkError(file: path, message: "not a CareAccess network cache (empty file)") }
        #if os(Linux)
        let flags = MAP_PRIVATE | MAP_POPULATE   // one read-ahead of the whole file instead of a fault per page
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let base = mmap(nil, size, PROT_READ, flags, fd, 0), base != MAP_FAILED else {
            throw NetworkError(file: path, message: "cannot map file: \(String(cString: strerror(errno)))")
        }
        defer { munmap(base, size) }
        _ = madvise(base, size, MADV_SEQUENTIAL)
        return try decodeCache(UnsafeRawBufferPointer(start: base, count: size), file: path)
    }

    /// Decodes cache bytes (see ``cacheBytes()``), with the checks of ``loadCache(path:)``.
    public static func decodeCache(_ bytes: [UInt8], file: String) throws(NetworkError) -> RoadGraph {
        var result: Result<RoadGraph, NetworkError> = .failure(NetworkError(file: file, message: "empty"))
        bytes.withUnsafeBytes { raw in
            do throws(NetworkError) { result = .success(try decodeCache(raw, file: file)) } catch { result = .failure(error) }
        }
        return try result.get()
    }

    /// `bytes` with its last 8 bytes replaced by the checksum of the rest (when a whole number of 8-byte words):
    /// what a crafted cache can always do, so the fuzz target (``CareFuzzTargets``) reaches the field checks behind
    /// the checksum. Unchanged otherwise.
    package static func resealedCache(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= 16, bytes.count % 8 == 0 else { return bytes }
        var out = bytes
        var hasher = FNV1a.FourLanes()
        bytes.withUnsafeBytes { hasher.add(UnsafeRawBufferPointer(rebasing: $0[..<(bytes.count - 8)])) }
        withUnsafeBytes(of: hasher.value) { out.replaceSubrange((bytes.count - 8)..., with: $0) }
        return out
    }

    static func decodeCache(_ bytes: UnsafeRawBufferPointer, file: String) throws(NetworkError) -> RoadGraph {
        guard bytes.count >= 36, bytes.starts(with: cacheMagic) else {
            throw NetworkError(file: file, message: "not a CareAccess network cache (bad magic)")
        }
        let version = bytes.loadUnaligned(fromByteOffset: 4, as: UInt32.self)
        guard version == cacheVersion else {
            throw NetworkError(file: file, message: "unsupported network cache version \(version) (this build reads \(cacheVersion); rebuild it with `careaccess network info FILE.osm.pbf --save-cache`)")
        }
        guard bytes.count % 8 == 0 else {
            throw NetworkError(file: file, message: "checksum mismatch: the cache is truncated or corrupt (\(bytes.count) bytes, not a multiple of 8)")
        }
        let stored = bytes.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)
        var hasher = FNV1a.FourLanes()
        hasher.add(UnsafeRawBufferPointer(rebasing: bytes[..<(bytes.count - 8)]))
        guard hasher.value == stored else {
            throw NetworkError(file: file, message: "checksum mismatch: the cache is truncated or corrupt")
        }
        var r = CacheReader(bytes: bytes, end: bytes.count - 8, file: file, offset: 8)
        let epsg: UInt32 = try r.pod("epsg")
        let n64: UInt64 = try r.pod("nodeCount"), m64: UInt64 = try r.pod("edgeCount")
        guard n64 < UInt64(Int32.max), m64 < UInt64(Int32.max) else {
            throw NetworkError(file: file, location: "byte 12", message: "field 'nodeCount'/'edgeCount': \(n64) nodes, \(m64) edges (limit 2^31 - 1)")
        }
        let n = Int(n64), m = Int(m64)
        var report = RoadGraphReport()
        report.source = try r.string("report source")
        report.format = try r.string("report format")
        var counters: [Int] = []
        for _ in 0..<RoadGraphReport.counterCount {
            let at = r.offset
            let v: UInt64 = try r.pod("report counter")
            guard v <= UInt64(Int.max) else { throw NetworkError(file: file, location: "byte \(at)", message: "field 'report counter': \(v) out of range") }
            counters.append(Int(v))
        }
        report.counters = counters
        var tables: [[String: Double]] = []
        for name in ["speeds", "excludedClasses", "waysByClass"] {
            let count = Int(try r.pod(name) as UInt32)
            var t: [String: Double] = [:]
            for _ in 0..<count {
                let k = try r.string(name)
                let at = r.offset
                let v: Double = try r.pod(name)
                guard v.isFinite, v >= 0, name == "speeds" || v <= 1e15 else {
                    throw NetworkError(file: file, location: "byte \(at)", message: "field '\(name)' value for '\(MessageText.value(k, limit: 40))': \(v) must be finite and ≥ 0")
                }
                t[k] = v
            }
            tables.append(t)
        }
        report.speeds = tables[0]
        report.excludedClasses = tables[1].mapValues { Int($0) }
        report.waysByClass = tables[2].mapValues { Int($0) }
        report.format = "cache (\(report.format))"
        try r.align8()
        // Exact size check before any array is allocated: a count larger than the file is an error, not an allocation.
        let pad4 = { (k: Int) in (k * 4 + 7) / 8 * 8 }
        let need = n * 40 + pad4(n + 1) + pad4(m) + m * 16
        guard need <= r.end - r.offset else {
            throw NetworkError(file: file, location: "byte \(r.offset)", message: "arrays of \(n) nodes and \(m) edges need \(need) bytes, the file has \(r.end - r.offset) left")
        }
        let xs: [Double] = try r.array(n, "xs", check: { $0.isFinite }, rule: "must be finite")
        let ys: [Double] = try r.array(n, "ys", check: { $0.isFinite }, rule: "must be finite")
        let lons: [Double] = try r.array(n, "lons", check: { $0.isFinite && abs($0) <= 180 }, rule: "must be finite, -180…180")
        let lats: [Double] = try r.array(n, "lats", check: { $0.isFinite && abs($0) <= 90 }, rule: "must be finite, -90…90")
        let ids: [Int64] = try r.array(n, "osmIDs", check: { _ in true }, rule: "")
        let offsetsAt = r.offset
        let offsets: [Int32] = try r.array(n + 1, "offsets", check: { $0 >= 0 && Int($0) <= m }, rule: "must be in 0…\(m)")
        try r.align8()
        let targetsAt = r.offset
        let targets: [Int32] = try r.array(m, "targets", check: { $0 >= 0 && Int($0) < n }, rule: "must be a node, 0..<\(n)")
        try r.align8()
        let minutes: [Double] = try r.array(m, "minutes", check: { $0.isFinite && $0 >= 0 }, rule: "must be finite and ≥ 0")
        let metres: [Double] = try r.array(m, "metres", check: { $0.isFinite && $0 >= 0 }, rule: "must be finite and ≥ 0")
        try r.checkOffsets(offsets, at: offsetsAt, "offsets", count: m)
        for v in 0..<n {
            let lo = Int(offsets[v]), hi = Int(offsets[v + 1])
            var last: Int32 = -1
            for e in lo..<hi {
                let t = targets[e]
                guard t > last, Int(t) != v else {
                    throw NetworkError(file: file, location: "byte \(targetsAt + 4 * e)", message: "field 'targets[\(e)]': node \(v)'s row must be strictly ascending without self-loops (\(t) after \(last))")
                }
                last = t
            }
        }
        // The reverse CSR and the two contracted directions.
        let reverseOffsetsAt = r.offset
        let reverseOffsets: [Int32] = try r.array(n + 1, "reverseOffsets", check: { $0 >= 0 && Int($0) <= m }, rule: "must be in 0…\(m)")
        try r.checkOffsets(reverseOffsets, at: reverseOffsetsAt, "reverseOffsets", count: m)
        try r.align8()
        let reverseSources: [Int32] = try r.array(m, "reverseSources", check: { $0 >= 0 && Int($0) < n }, rule: "must be a node, 0..<\(n)")
        try r.align8()
        let reverseMinutes: [Double] = try r.array(m, "reverseMinutes", check: { $0.isFinite && $0 >= 0 }, rule: "must be finite and ≥ 0")
        let coreAt = r.offset
        let core: UInt64 = try r.pod("coreCount")
        guard core <= UInt64(n) else { throw NetworkError(file: file, location: "byte \(coreAt)", message: "field 'coreCount': \(core) exceeds the \(n) nodes") }
        let forward = try r.contracted("forward", nodes: n, edges: m, core: Int(core), at: coreAt)
        let reverse = try r.contracted("reverse", nodes: n, edges: m, core: Int(core), at: coreAt)
        guard r.offset == r.end else {
            throw NetworkError(file: file, location: "byte \(r.offset)", message: "\(r.end - r.offset) unexpected bytes after the arrays")
        }
        return RoadGraph(crs: CRS(epsg: Int(epsg)), xs: xs, ys: ys, lons: lons, lats: lats, osmIDs: ids, offsets: offsets,
                         targets: targets, minutes: minutes, metres: metres, reverseOffsets: reverseOffsets,
                         reverseSources: reverseSources, reverseMinutes: reverseMinutes,
                         contracted: ContractedGraph(forward: forward, reverse: reverse, coreCount: Int(core)), report: report)
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
