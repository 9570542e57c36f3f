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
        try BinaryReader.reading(bytes) { (r) throws(NetworkError) -> RoadGraph in try decodeCache(r.bytes, file: file) }
    }

    /// `bytes` with its last 8 bytes replaced by the checksum of the rest (when a whole number of 8-byte words):
    /// what a crafted cache can always do, so the fuzz target (``CareFuzzTargets``) reaches the field checks behind
    /// the checksum. Unchanged otherwise.
    package static func resealedCache(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= 16, bytes.count % 8 == 0 else { return bytes }
        return BinaryChecksum.fourLanes.resealed(bytes)
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
