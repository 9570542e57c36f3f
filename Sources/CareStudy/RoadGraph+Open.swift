import CareModel
import CareNetwork

extension RoadGraph {
    /// A graph from an OSM file (`.osm.pbf`, `.osm`, `.osm.gz`), a cache, or `synthetic:SIDE` (a seeded
    /// SYNTHETIC grid, ``RoadGraph/synthetic(side:)``), as the `network` commands and the timing harness name it;
    /// `progress` is told of the reading passes.
    public static func open(_ path: String, progress: any ProgressReporter = SilentProgress()) throws -> RoadGraph {
        if path.hasPrefix("synthetic:"), let side = Int(path.dropFirst("synthetic:".count)) {
            return try RoadGraph.synthetic(side: side)
        }
        return try RoadGraph.load(path: path, progress: NetworkProgressBar(progress))
    }
}
