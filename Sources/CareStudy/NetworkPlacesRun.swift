import CareGeo
import CareIO
import CareKernel
import CareModel
import CareNetwork

/// `careaccess network places` as a function of its spec: which communes of a territory a road network covers.
/// Each studied commune's point is attached to its nearest node when within the snap limit, as
/// `--travel network` does (``NetworkModel/snap(_:)``); the attached ones can be written as a territory of
/// their own, so that a study on an extract covers only the communes it reaches.
///
/// ```swift
/// var spec = NetworkPlacesRun.Spec(networkPath: "andorra.osm.pbf", territoryPath: "territory.catr")
/// let run = try NetworkPlacesRun.run(spec)
/// print(run.attached.count, "of", run.communes.count)
/// ```
public struct NetworkPlacesRun: Sendable {
    /// What `network places` is asked.
    public struct Spec: Sendable, Hashable, Codable {
        /// The road network: an OSM file, a cache or `synthetic:SIDE` (``CareNetwork/RoadGraph/open(_:progress:)``).
        public var networkPath: String
        /// The territory whose communes are attached.
        public var territoryPath: String
        /// Only the communes of these départements (empty: all).
        public var departements: [String] = []
        /// Speed on the connector from a commune's point to its node, km/h (> 0).
        public var accessSpeedKmh = RoadSnapper.defaultAccessSpeedKmh
        /// Communes farther than this from every node are not attached, metres (≥ 0).
        public var snapLimitMetres = RoadSnapper.defaultLimitMetres

        /// The communes of `territoryPath` on `networkPath`, connector and limit at their defaults.
        public init(networkPath: String, territoryPath: String) {
            self.networkPath = networkPath
            self.territoryPath = territoryPath
        }
    }

    /// The spec run.
    public var spec: Spec
    /// The road graph.
    public var graph: RoadGraph
    /// The studied communes, in territory order.
    public var communes: [Commune]
    /// Per studied commune: its node (−1 when not attached), connector metres and minutes.
    public var snap: RoadSnapper.Result
    /// Positions in ``communes`` of the attached ones.
    public var attached: [Int]
    /// The boundaries of ``communes`` when the territory has them.
    public var boundaries: [MultiPolygon?]?

    /// Runs `spec`.
    public static func run(_ spec: Spec) throws -> NetworkPlacesRun {
        let graph = try RoadGraph.open(spec.networkPath)
        let loaded = try TerritoryFile.load(path: spec.territoryPath).territory
        let studied = try loaded.indices(inDepartements: Set(spec.departements))
        let model = try NetworkModel(graph: graph, accessSpeedKmh: spec.accessSpeedKmh,
                                     snapLimitMetres: spec.snapLimitMetres, threads: 2)
        let communes = studied.map { loaded.communes[$0] }
        let snap = model.snap(communes.map(\.place))
        let attached = communes.indices.filter { snap.nodes[$0] >= 0 }
        return NetworkPlacesRun(spec: spec, graph: graph, communes: communes, snap: snap, attached: attached,
                                boundaries: loaded.boundaries.map { b in studied.map { b[$0] } })
    }

    /// The attached communes as a territory (boundaries kept); an error when none is attached.
    public func attachedTerritory() throws -> Territory {
        guard !attached.isEmpty else {
            throw StudyError("--territory-out: no commune\(scope) is within \(spec.snapLimitMetres.fixed(0)) m of the network \(spec.networkPath)")
        }
        var covered = try Territory(communes: attached.map { communes[$0] })
        if let boundaries { try covered.setBoundaries(attached.map { boundaries[$0] }) }
        return covered
    }

    /// " of 07, 26" when départements are chosen, else empty: for sentences about the studied communes.
    public var scope: String {
        spec.departements.isEmpty ? "" : " of \(spec.departements.joined(separator: ", "))"
    }
}
