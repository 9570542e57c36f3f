import CareGeo
import CareKernel

/// Decoding a cache (``RoadGraph/cacheBytes()``), in the file's order: header, counts, report, node arrays,
/// forward CSR, reverse CSR, the two contracted directions. Each step validates what it reads, so that no
/// search can later read out of bounds.
extension RoadGraph {
    /// The node and edge counts of a cache, both below 2³¹.
    struct CacheCounts {
        let epsg: UInt32
        let nodes: Int
        let edges: Int
    }

    /// The node arrays: projected and geographic coordinates, OSM ids.
    struct CacheNodes {
        let xs: [Double], ys: [Double], lons: [Double], lats: [Double], osmIDs: [Int64]
    }

    /// One CSR direction as stored: offsets, the far end of each edge, and its weights.
    struct CacheCSR {
        let offsets: [Int32], ends: [Int32], minutes: [Double]
    }

    static func decodeCache(_ bytes: UnsafeRawBufferPointer, file: String) throws(NetworkError) -> RoadGraph {
        var r = CacheReader(base: BinaryReader(bytes), file: file)
        try r.header()
        let counts = try readCacheCounts(&r)
        let (n, m) = (counts.nodes, counts.edges)
        let report = try readCacheReport(&r)
        try r.align8()
        try checkCacheArraySizes(r, nodes: n, edges: m)
        let nodes = try readCacheNodes(&r, count: n)
        let (forward, metres) = try readForwardCSR(&r, nodes: n, edges: m)
        let reverse = try readReverseCSR(&r, nodes: n, edges: m)
        let contracted = try readContracted(&r, nodes: n, edges: m)
        guard r.offset == r.end else {
            throw NetworkError(file: file, location: "byte \(r.offset)", message: "\(r.end - r.offset) unexpected bytes after the arrays")
        }
        return RoadGraph(crs: CRS(epsg: Int(counts.epsg)), xs: nodes.xs, ys: nodes.ys, lons: nodes.lons, lats: nodes.lats,
                         osmIDs: nodes.osmIDs, offsets: forward.offsets, targets: forward.ends, minutes: forward.minutes,
                         metres: metres, reverseOffsets: reverse.offsets, reverseSources: reverse.ends,
                         reverseMinutes: reverse.minutes, contracted: contracted, report: report)
    }

    /// The EPSG code and the node and edge counts (each below 2³¹, so that `Int32` indices hold them).
    static func readCacheCounts(_ r: inout CacheReader) throws(NetworkError) -> CacheCounts {
        let epsg: UInt32 = try r.pod("epsg")
        let n64: UInt64 = try r.pod("nodeCount"), m64: UInt64 = try r.pod("edgeCount")
        guard n64 < UInt64(Int32.max), m64 < UInt64(Int32.max) else {
            throw NetworkError(file: r.file, location: "byte 12", message: "field 'nodeCount'/'edgeCount': \(n64) nodes, \(m64) edges (limit 2^31 - 1)")
        }
        return CacheCounts(epsg: epsg, nodes: Int(n64), edges: Int(m64))
    }

    /// The import report: source, format, counters and the three tables (values finite and ≥ 0).
    static func readCacheReport(_ r: inout CacheReader) throws(NetworkError) -> RoadGraphReport {
        var report = RoadGraphReport()
        report.source = try r.string("report source")
        report.format = try r.string("report format")
        var counters: [Int] = []
        for _ in 0..<RoadGraphReport.counterCount {
            let at = r.offset
            let v: UInt64 = try r.pod("report counter")
            guard v <= UInt64(Int.max) else { throw NetworkError(file: r.file, location: "byte \(at)", message: "field 'report counter': \(v) out of range") }
            counters.append(Int(v))
        }
        report.counters = counters
        var tables: [[String: Double]] = []
        for name in ["speeds", "excludedClasses", "waysByClass"] {
            tables.append(try readCacheTable(&r, name))
        }
        report.speeds = tables[0]
        report.excludedClasses = tables[1].mapValues { Int($0) }
        report.waysByClass = tables[2].mapValues { Int($0) }
        report.format = "cache (\(report.format))"
        return report
    }

    /// One report table: a u32 count, then (key, value) pairs.
    static func readCacheTable(_ r: inout CacheReader, _ name: String) throws(NetworkError) -> [String: Double] {
        let count = Int(try r.pod(name) as UInt32)
        var table: [String: Double] = [:]
        for _ in 0..<count {
            let k = try r.string(name)
            let at = r.offset
            let v: Double = try r.pod(name)
            guard v.isFinite, v >= 0, name == "speeds" || v <= 1e15 else {
                throw NetworkError(file: r.file, location: "byte \(at)", message: "field '\(name)' value for '\(MessageText.value(k, limit: 40))': \(v) must be finite and ≥ 0")
            }
            table[k] = v
        }
        return table
    }

    /// The exact size of the node arrays and the forward CSR, checked before any array is allocated: a count
    /// larger than the file is an error, not an allocation.
    static func checkCacheArraySizes(_ r: CacheReader, nodes n: Int, edges m: Int) throws(NetworkError) {
        let pad4 = { (k: Int) in (k * 4 + 7) / 8 * 8 }
        let need = n * 40 + pad4(n + 1) + pad4(m) + m * 16
        guard need <= r.end - r.offset else {
            throw NetworkError(file: r.file, location: "byte \(r.offset)", message: "arrays of \(n) nodes and \(m) edges need \(need) bytes, the file has \(r.end - r.offset) left")
        }
    }

    /// Coordinates (finite, geographic ones in range) and OSM ids.
    static func readCacheNodes(_ r: inout CacheReader, count n: Int) throws(NetworkError) -> CacheNodes {
        let xs: [Double] = try r.array(n, "xs", check: { $0.isFinite }, rule: "must be finite")
        let ys: [Double] = try r.array(n, "ys", check: { $0.isFinite }, rule: "must be finite")
        let lons: [Double] = try r.array(n, "lons", check: { $0.isFinite && abs($0) <= 180 }, rule: "must be finite, -180…180")
        let lats: [Double] = try r.array(n, "lats", check: { $0.isFinite && abs($0) <= 90 }, rule: "must be finite, -90…90")
        let ids: [Int64] = try r.array(n, "osmIDs", check: { _ in true }, rule: "")
        return CacheNodes(xs: xs, ys: ys, lons: lons, lats: lats, osmIDs: ids)
    }

    /// The forward CSR and the edge lengths: offsets from 0 to m, each row strictly ascending without self-loops.
    static func readForwardCSR(_ r: inout CacheReader, nodes n: Int, edges m: Int) throws(NetworkError) -> (CacheCSR, metres: [Double]) {
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
                    throw NetworkError(file: r.file, location: "byte \(targetsAt + 4 * e)", message: "field 'targets[\(e)]': node \(v)'s row must be strictly ascending without self-loops (\(t) after \(last))")
                }
                last = t
            }
        }
        return (CacheCSR(offsets: offsets, ends: targets, minutes: minutes), metres)
    }

    /// The reverse CSR: offsets from 0 to m, sources in range, finite non-negative minutes.
    static func readReverseCSR(_ r: inout CacheReader, nodes n: Int, edges m: Int) throws(NetworkError) -> CacheCSR {
        let reverseOffsetsAt = r.offset
        let reverseOffsets: [Int32] = try r.array(n + 1, "reverseOffsets", check: { $0 >= 0 && Int($0) <= m }, rule: "must be in 0…\(m)")
        try r.checkOffsets(reverseOffsets, at: reverseOffsetsAt, "reverseOffsets", count: m)
        try r.align8()
        let reverseSources: [Int32] = try r.array(m, "reverseSources", check: { $0 >= 0 && Int($0) < n }, rule: "must be a node, 0..<\(n)")
        try r.align8()
        let reverseMinutes: [Double] = try r.array(m, "reverseMinutes", check: { $0.isFinite && $0 >= 0 }, rule: "must be finite and ≥ 0")
        return CacheCSR(offsets: reverseOffsets, ends: reverseSources, minutes: reverseMinutes)
    }

    /// The core node count and the two contracted directions (``CacheReader/contracted(_:nodes:edges:core:at:)``).
    static func readContracted(_ r: inout CacheReader, nodes n: Int, edges m: Int) throws(NetworkError) -> ContractedGraph {
        let coreAt = r.offset
        let core: UInt64 = try r.pod("coreCount")
        guard core <= UInt64(n) else { throw NetworkError(file: r.file, location: "byte \(coreAt)", message: "field 'coreCount': \(core) exceeds the \(n) nodes") }
        let forward = try r.contracted("forward", nodes: n, edges: m, core: Int(core), at: coreAt)
        let reverse = try r.contracted("reverse", nodes: n, edges: m, core: Int(core), at: coreAt)
        return ContractedGraph(forward: forward, reverse: reverse, coreCount: Int(core))
    }
}
