import CareGeo
import CareKernel

/// Attaches points (communes, GP sites) to their nearest graph node with a k-d tree (CareKernel's exact
/// ``KDTree``: ties to the lowest node index), and prices the straight connector at an access speed.
///
/// The connector covers the last stretch off the mapped car network (town-hall square, car park, unmapped
/// drive). Default **15 km/h**: the service-road speed of ``CarProfile`` (20 km/h) with the usual crow-fly
/// detour factor 1.3 (20 / 1.3 ≈ 15), so a connector is never faster than driving the mapped roads around it.
/// Points farther than ``limitMetres`` (default 2 km) from every node are reported and, unless
/// ``attachFarPoints``, left unattached (unreachable): such a point is outside the extract or off-road, and
/// a long straight connector would invent a road.
///
/// ```swift
/// let snapper = RoadSnapper(graph: graph)
/// let snap = snapper.snap([ProjectedPoint(x: 1_046_000, y: 6_303_000)])
/// snap.nodes[0], snap.minutes[0], snap.far   // node, connector minutes, indices beyond 2 km
/// ```
/// Complexity: build O(n log n); snapping O(k log n) for k points.
public struct RoadSnapper: Sendable {
    /// The projected CRS of the graph's nodes: points to snap must be in it.
    public let crs: CRS
    /// The k-d tree over the graph's node positions (projected metres), indexed by node.
    public let tree: KDTree
    /// Connector speed, km/h.
    public var accessSpeedKmh: Double
    /// Distance beyond which a point is reported as far from any road, metres.
    public var limitMetres: Double
    /// Whether points beyond ``limitMetres`` are still attached (else unattached).
    public var attachFarPoints: Bool

    /// The default connector speed, 15 km/h: the ``CarProfile`` service-road speed (20 km/h) over the crow-fly
    /// detour factor 1.3.
    public static let defaultAccessSpeedKmh = 15.0
    /// The default distance beyond which a point counts as off the network, 2,000 m.
    public static let defaultLimitMetres = 2_000.0

    /// A snapper over the nodes of `graph`, pricing connectors at `accessSpeedKmh` (km/h, > 0) and reporting
    /// points farther than `limitMetres` (metres) from every node, attached anyway only when `attachFarPoints`.
    /// Complexity: O(n log n) to build the tree.
    public init(graph: RoadGraph, accessSpeedKmh: Double = RoadSnapper.defaultAccessSpeedKmh,
                limitMetres: Double = RoadSnapper.defaultLimitMetres, attachFarPoints: Bool = false) {
        crs = graph.crs
        tree = KDTree(points: zip(graph.xs, graph.ys).map { Point2D(x: $0, y: $1) })
        self.accessSpeedKmh = accessSpeedKmh
        self.limitMetres = limitMetres
        self.attachFarPoints = attachFarPoints
    }

    /// Where each point attaches.
    public struct Result: Sendable, Hashable {
        /// Graph node of each point, -1 when unattached (far, not finite, or other CRS).
        public var nodes: [Int32]
        /// Straight distance to the nearest node, metres (`+infinity` when not computed).
        public var metres: [Double]
        /// Connector minutes at the access speed (`+infinity` when unattached).
        public var minutes: [Double]
        /// Indices of the points farther than the limit from every node.
        public var far: [Int]
    }

    /// Snaps points given in the graph's CRS (`inCRS` false marks points of another CRS: unattached).
    public func snap(_ points: [ProjectedPoint], inCRS: [Bool]? = nil, threads: Int = 2) -> Result {
        let metresPerMinute = accessSpeedKmh * 1000 / 60
        let queries = points.map { Point2D(x: $0.x, y: $0.y) }
        var ok = [Bool](repeating: true, count: points.count)
        for i in points.indices where !queries[i].isFinite || !(inCRS?[i] ?? true) { ok[i] = false }
        let usable = points.indices.filter { ok[$0] }
        let table = tree.nearest(to: usable.map { queries[$0] }, threads: threads)
        var result = Result(nodes: .init(repeating: -1, count: points.count), metres: .init(repeating: .infinity, count: points.count),
                            minutes: .init(repeating: .infinity, count: points.count), far: [])
        for (k, i) in usable.enumerated() {
            let node = table.indices[k]
            guard node >= 0 else { continue }
            let d = table.distances[k]
            result.metres[i] = d
            if d > limitMetres {
                result.far.append(i)
                if !attachFarPoints { continue }
            }
            result.nodes[i] = node
            result.minutes[i] = d / metresPerMinute
        }
        return result
    }
}
