import CareGeo
import Foundation

extension RoadGraph {
    /// Loads a road graph from an OSM file (`.osm.pbf`, `.osm`, `.osm.gz`, recognised by content) or from a
    /// cache written by ``save(to:)``.
    ///
    /// ```swift
    /// let graph = try RoadGraph.load(path: "most_monaco_riviera_network.osm")
    /// ```
    /// The CRS is chosen from the data's location unless given (see ``RoadGraphBuilder/crs(forLon:lat:)``).
    /// A `.osm.pbf` file is read in two passes on `threads` threads (``PBFCarImport``: memory scales with the car
    /// network, not the file), telling `progress` of each pass (bytes); a cache is memory-mapped and validated.
    /// Complexity: O(file size + m log d) time.
    public static func load(path: String, profile: CarProfile = .car, crs: CRS? = nil,
                            threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                            progress: any NetworkProgress = SilentNetworkProgress()) throws(NetworkError) -> RoadGraph {
        var file = try ChunkedFile(path: path)
        let head = try file.read(upTo: 64)
        file.close()
        if head.starts(with: RoadGraph.cacheMagic) { return try RoadGraph.loadCache(path: path) }
        if PBFReader.looksLikePBF(head) {
            return try PBFCarImport.load(path: path, profile: profile, crs: crs, threads: threads, progress: progress)
        }
        var builder = RoadGraphBuilder(profile: profile)
        let gzip = head.count >= 2 && head[0] == 0x1F && head[1] == 0x8B
        let text = head.drop(while: { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF })
        if gzip || text.first == 0x3C {
            let stats = try OSMXMLReader.read(path: path, into: &builder)
            return try builder.build(source: path, format: gzip ? "osm.gz" : "osm", stats: stats, crs: crs)
        }
        if head.count >= 8, path.hasSuffix(".pbf") {
            // Looks like nothing we know, but named .pbf: let the PBF reader say precisely what is wrong.
            return try PBFCarImport.load(path: path, profile: profile, crs: crs, threads: threads, progress: progress)
        }
        throw NetworkError(file: path, message: "unrecognised format: not OSM PBF (bad magic), OSM XML, gzip or a CareAccess network cache")
    }
}
