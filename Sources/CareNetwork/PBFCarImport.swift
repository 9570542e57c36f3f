import CareGeo
import Dispatch
import Foundation
import Synchronization

/// The car-graph import of an `.osm.pbf` file in two passes, so that memory scales with the car network,
/// not with the file (the approach of osmium's two-pass location handling and of OSRM's extractor):
///
/// 1. **ways**: every `OSMData` blob is inflated and its way groups decoded (node groups skipped), the
///    ``CarProfile`` keeps the drivable ways; the blobs holding nodes are remembered;
/// 2. **node locations**: only those blobs again, keeping the position of the nodes the drivable ways
///    reference (a sorted array of their ids, searched with a galloping cursor since ids in a block ascend).
///
/// Each pass decodes batches of blobs on `threads` threads (zlib and protobuf in parallel) and merges them in
/// file order, so the result does not depend on the thread count: graph nodes are numbered in file order as in
/// the one-pass ``RoadGraphBuilder`` build, which gives the very same graph (tested on the real extracts).
/// A node id that a drivable way references and that appears twice is an error; unreferenced nodes are not
/// looked at.
///
/// ```swift
/// let graph = try PBFCarImport.load(path: "france.osm.pbf", profile: .car, crs: nil, threads: 2, progress: bar)
/// ```
/// Complexity: O(file size) time (node blobs inflated twice at most); memory O(drivable references)
/// — 8 bytes per reference, 33 bytes per referenced node — plus one batch of blobs.
enum PBFCarImport {
    /// Blobs decoded per batch and thread.
    static let blobsPerThread = 4

    static func load(path: String, profile: CarProfile, crs: CRS?, threads: Int,
                     progress: any NetworkProgress) throws(NetworkError) -> RoadGraph {
        let threads = max(1, threads)
        let fileSize = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        var scanner = try PBFBlobScanner(path: path)
        defer { scanner.close() }
        var stats = OSMFileStats()
        var builder = RoadGraphBuilder(profile: profile)
        var nodeBlobs: [(index: Int, offset: Int, bytes: Int)] = []
        var sawHeader = false

        // Pass 1: ways.
        progress.begin(total: fileSize, label: "PBF pass 1/2: car ways")
        var done = false
        while !done {
            var batch: [PBFBlobScanner.Blob] = []
            while batch.count < threads * blobsPerThread {
                guard let blob = try scanner.next() else { done = true; break }
                switch blob.type {
                case "OSMHeader":
                    let raw: [UInt8]
                    do { raw = try PBFReader.decodeBlob(blob.data) } catch {
                        throw NetworkError(file: path, location: blob.location, message: error.message)
                    }
                    do { try PBFReader.readHeaderBlock(raw, stats: &stats) } catch {
                        throw NetworkError(file: path, location: blob.location, message: "OSMHeader: \(error.message)")
                    }
                    sawHeader = true
                    progress.advance(by: blob.fileBytes)
                case "OSMData":
                    guard sawHeader else {
                        throw NetworkError(file: path, location: blob.location, message: "OSMData: OSMData blob before the OSMHeader blob")
                    }
                    batch.append(blob)
                default:
                    progress.advance(by: blob.fileBytes)  // Unknown blob types are skipped, as the format specifies.
                }
            }
            let profile = builder.profile
            let parts = try decode(batch, path: path, threads: threads) { raw throws(ProtobufReader.Failure) in
                var part = RoadGraphBuilder(profile: profile)
                var partStats = OSMFileStats()
                let contents = try PBFReader.readPrimitiveBlock(raw, into: &part, stats: &partStats, elements: .ways)
                return (part, partStats, contents)
            }
            for (blob, (part, partStats, contents)) in zip(batch, parts) {
                builder.absorb(part)
                stats.ways += partStats.ways
                stats.relations += partStats.relations
                if contents.nodes { nodeBlobs.append((blob.index, blob.offset, blob.fileBytes)) }
                progress.advance(by: blob.fileBytes)
            }
        }
        progress.end()
        guard sawHeader else { throw NetworkError(file: path, message: "empty file: no OSMHeader blob") }
        stats.blobs = scanner.index
        stats.bytes = scanner.offset
        let nodes = try locateNodes(of: builder.refs, blobs: nodeBlobs, scanner: &scanner, path: path, threads: threads, progress: progress)
        stats.nodes = nodes.fileNodes
        var report = builder.report
        report.source = path
        report.format = "osm.pbf"
        report.fileNodes = stats.nodes
        report.fileWays = stats.ways
        report.fileRelations = stats.relations
        report.speeds = profile.speeds
        report.missingNodeRefs = nodes.missingRefs
        builder.refs = []   // only the graph node of each reference is needed from here on
        return try builder.assemble(report: report, source: path, lonLats: nodes.lonLats, osmIDs: nodes.osmIDs,
                                    refGraphNode: nodes.refGraphNode, crs: crs)
    }

    /// Pass 2: the positions of the nodes `refs` references, from the blobs that hold nodes; graph nodes
    /// numbered in file order. Its temporaries (sorted ids, flags, ordinals) are freed when it returns.
    static func locateNodes(of refs: [Int64], blobs nodeBlobs: [(index: Int, offset: Int, bytes: Int)],
                            scanner: inout PBFBlobScanner, path: String, threads: Int, progress: any NetworkProgress)
        throws(NetworkError) -> (lonLats: [LonLat], osmIDs: [Int64], refGraphNode: [Int32], missingRefs: Int, fileNodes: Int)
    {
        // The referenced node ids, sorted and unique.
        var needed = refs
        needed.sort()
        var unique = 0
        for k in needed.indices where k == 0 || needed[k] != needed[unique - 1] {
            needed[unique] = needed[k]
            unique += 1
        }
        needed.removeLast(needed.count - unique)
        let ids = needed

        // Pass 2: the locations of those nodes.
        let count = ids.count
        var found = [Bool](repeating: false, count: count)
        var lons = [Double](repeating: 0, count: count), lats = [Double](repeating: 0, count: count)
        var ordinal = [Int64](repeating: 0, count: count)
        var fileNodes = 0
        progress.begin(total: nodeBlobs.reduce(0) { $0 + $1.bytes }, label: "PBF pass 2/2: node locations")
        var next = 0
        while next < nodeBlobs.count {
            var batch: [PBFBlobScanner.Blob] = []
            while batch.count < threads * blobsPerThread, next < nodeBlobs.count {
                let want = nodeBlobs[next]
                if scanner.offset != want.offset { try scanner.seek(toBlob: want.index, at: want.offset) }
                guard let blob = try scanner.next() else {
                    throw NetworkError(file: path, location: "blob \(want.index) at byte \(want.offset)", message: "file changed between the two passes")
                }
                batch.append(blob)
                next += 1
            }
            let parts = try decode(batch, path: path, threads: threads) { raw throws(ProtobufReader.Failure) in
                var locator = NodeLocator(ids: ids)
                var partStats = OSMFileStats()
                try PBFReader.readPrimitiveBlock(raw, into: &locator, stats: &partStats, elements: .nodes)
                return locator
            }
            for (blob, part) in zip(batch, parts) {
                for k in part.index.indices {
                    let i = Int(part.index[k])
                    guard !found[i] else {
                        throw NetworkError(file: path, location: blob.location, message: "node id \(ids[i]) appears twice")
                    }
                    found[i] = true
                    lons[i] = part.lons[k]
                    lats[i] = part.lats[k]
                    ordinal[i] = Int64(fileNodes + Int(part.ordinal[k]))
                }
                fileNodes += part.seen
                progress.advance(by: blob.fileBytes)
            }
        }
        progress.end()

        // Graph nodes in file order (ids ascend in sorted files: then this is the id order).
        var used = (0..<count).filter { found[$0] }
        if zip(used, used.dropFirst()).contains(where: { ordinal[$0] > ordinal[$1] }) {
            used.sort { ordinal[$0] < ordinal[$1] }
        }
        var graphNode = [Int32](repeating: -1, count: count)
        for (g, i) in used.enumerated() { graphNode[i] = Int32(g) }
        var refGraphNode = [Int32](repeating: -1, count: refs.count)
        var missing = 0
        var cursor = 0
        for (k, id) in refs.enumerated() {
            cursor = SortedIDs.index(of: id, in: ids, hint: cursor)
            if cursor < count, ids[cursor] == id, found[cursor] { refGraphNode[k] = graphNode[cursor] } else { missing += 1 }
        }
        return (used.map { LonLat(lon: lons[$0], lat: lats[$0]) }, used.map { ids[$0] }, refGraphNode, missing, fileNodes)
    }

    /// Inflates and decodes `blobs` on `threads` threads (handed out one by one), results in blob order.
    /// The first failure in blob order is thrown, located at its blob.
    static func decode<R: Sendable>(_ blobs: [PBFBlobScanner.Blob], path: String, threads: Int,
                                    _ body: @escaping @Sendable ([UInt8]) throws(ProtobufReader.Failure) -> R) throws(NetworkError) -> [R] {
        if blobs.isEmpty { return [] }
        let results = Mutex<[Result<R, NetworkError>?]>(Array(repeating: nil, count: blobs.count))
        let nextBlob = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: min(threads, blobs.count)) { _ in
            while true {
                let k = nextBlob.wrappingAdd(1, ordering: .relaxed).oldValue
                if k >= blobs.count { break }
                let blob = blobs[k]
                let result: Result<R, NetworkError>
                do throws(ProtobufReader.Failure) {
                    let raw = try PBFReader.decodeBlob(blob.data)
                    do throws(ProtobufReader.Failure) { result = .success(try body(raw)) } catch {
                        result = .failure(NetworkError(file: path, location: blob.location, message: "\(blob.type): \(error.message)"))
                    }
                } catch {
                    result = .failure(NetworkError(file: path, location: blob.location, message: error.message))
                }
                results.withLock { $0[k] = result }
            }
        }
        let all = results.withLock { $0 }
        var out: [R] = []
        out.reserveCapacity(all.count)
        for r in all {
            switch r {
            case .success(let v)?: out.append(v)
            case .failure(let e)?: throw e
            case nil: throw NetworkError(file: path, message: "internal error: a blob was not decoded")
            }
        }
        return out
    }
}

/// Collects, from one block's nodes, those whose id is in a sorted id list: index in the list, position, and
/// the node's ordinal in the block.
struct NodeLocator: OSMHandler, Sendable {
    let ids: [Int64]
    var index: [Int32] = []
    var lons: [Double] = [], lats: [Double] = []
    var ordinal: [Int32] = []
    var seen = 0
    private var cursor = 0

    init(ids: [Int64]) { self.ids = ids }

    mutating func node(id: Int64, lon: Double, lat: Double) {
        cursor = SortedIDs.index(of: id, in: ids, hint: cursor)
        if cursor < ids.count, ids[cursor] == id {
            index.append(Int32(cursor))
            lons.append(lon)
            lats.append(lat)
            ordinal.append(Int32(seen))
        }
        seen += 1
    }

    mutating func way(id: Int64, refs: [Int64], tags: OSMTags) {}
}

/// Search in a sorted id array from a hint (galloping, Bentley and Yao 1976): O(log d) for a distance d from
/// the hint, so a run of ascending ids costs O(1) each.
enum SortedIDs {
    /// The first index whose id is ≥ `id` (`ids.count` when none).
    static func index(of id: Int64, in ids: [Int64], hint: Int) -> Int {
        let n = ids.count
        if n == 0 { return 0 }
        var lo: Int, hi: Int
        let h = min(max(hint, 0), n - 1)
        if ids[h] < id {
            lo = h + 1; var step = 1; hi = lo
            while hi < n && ids[hi] < id { lo = hi + 1; hi += step; step <<= 1 }
            hi = min(hi, n)
        } else {
            hi = h; var step = 1; lo = hi
            while lo > 0 && ids[lo - 1] >= id { hi = lo - 1; lo -= step; step <<= 1; lo = max(lo, 0) }
        }
        while lo < hi {
            let mid = (lo + hi) / 2
            if ids[mid] < id { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
