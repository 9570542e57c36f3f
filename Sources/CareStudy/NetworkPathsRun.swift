import CareKernel
import CareNetwork

/// `careaccess network paths` as a function of its spec: shortest-path minutes (Dijkstra 1959) from seeded
/// random source nodes to every node they reach, and optionally one multi-source search over all of them, for
/// comparison with networkx or scipy (Scripts/network_networkx_check.py --compare).
///
/// ```swift
/// var spec = NetworkPathsRun.Spec(networkPath: "synthetic:40")
/// spec.sources = 3
/// let run = try NetworkPathsRun.run(spec)
/// run.minutes[0][run.sources[0]]   // 0
/// ```
public struct NetworkPathsRun: Sendable {
    /// What `network paths` is asked.
    public struct Spec: Sendable, Hashable, Codable {
        /// The road network (``CareNetwork/RoadGraph/open(_:progress:)``).
        public var networkPath: String
        /// Number of source nodes (≥ 1), each drawn as `next() % nodes` from ``seed``, as in the tests.
        public var sources = 5
        /// Seed of the sources (``CareKernel/SplitMix64``).
        public var seed: UInt64 = 77
        /// Also one multi-source search over all sources.
        public var multiSource = false

        /// Paths from the default sources of `networkPath`.
        public init(networkPath: String) {
            self.networkPath = networkPath
        }
    }

    /// The spec run.
    public var spec: Spec
    /// Nodes of the graph.
    public var nodeCount: Int
    /// The source nodes drawn, in draw order.
    public var sources: [Int]
    /// Per source, minutes to every node (`+infinity` where unreachable).
    public var minutes: [[Double]]
    /// With ``Spec/multiSource``, minutes from the nearest source to every node.
    public var multiSourceMinutes: [Double]?

    /// Runs `spec`; an error when there is no source to draw or no node to draw it from.
    public static func run(_ spec: Spec) throws -> NetworkPathsRun {
        guard spec.sources > 0 else { throw StudyError("--sources must be at least 1") }
        let graph = try RoadGraph.open(spec.networkPath)
        guard graph.nodeCount > 0 else { throw StudyError("\(spec.networkPath): the road graph has no node") }
        var rng = SplitMix64(seed: spec.seed)
        let nodes = (0..<spec.sources).map { _ in Int(rng.next() % UInt64(graph.nodeCount)) }
        let minutes = nodes.map { graph.shortestPathMinutes(from: $0) }
        let multi = spec.multiSource
            ? graph.multiSourceDijkstra(sources: nodes.map { DijkstraSource(node: Int32($0)) }).minutes : nil
        return NetworkPathsRun(spec: spec, nodeCount: graph.nodeCount, sources: nodes, minutes: minutes, multiSourceMinutes: multi)
    }
}
