import CareGeo

/// A directed road graph in compressed sparse row form (forward and reverse), with node positions in a
/// projected CRS and edge weights in minutes.
///
/// Node `v`'s outgoing edges are `targets[offsets[v]..<offsets[v+1]]` (minutes and metres alongside);
/// its incoming edges are `reverseSources[reverseOffsets[v]..<reverseOffsets[v+1]]`. Built from OSM
/// (``load(path:profile:crs:)``), from a cache file, or from explicit edges
/// (``init(points:edges:crs:source:keepLargestComponent:)``). Parallel edges keep the fastest; self-loops are
/// dropped; by default only the largest strongly connected component is kept, so every node reaches every
/// other node.
///
/// ```swift
/// let graph = try RoadGraph.load(path: "../shared/data/roads/andorra.osm.pbf")
/// print(graph.nodeCount, graph.edgeCount, graph.report.summaryLines())
/// let tree = graph.nearest(from: [graph.point(0)], sites: [.init(node: 5, minutes: 0, label: 0)])
/// ```
/// Memory: about 52 bytes per node and 64 bytes per edge (both directions, full and contracted).
public struct RoadGraph: Sendable {
    /// The projected CRS of ``xs``/``ys`` (Lambert-93 for metropolitan France).
    public let crs: CRS
    /// Projected coordinates of the nodes, metres.
    public let xs: [Double]
    /// Projected y (northing) of each node, metres, parallel to ``xs``.
    public let ys: [Double]
    /// WGS84 positions of the nodes (zero for graphs built from projected points only).
    public let lons: [Double]
    /// WGS84 latitude of each node, degrees, parallel to ``lons`` (zero like it when unknown).
    public let lats: [Double]
    /// OSM node id of each graph node (its index for synthetic graphs).
    public let osmIDs: [Int64]
    /// Forward CSR.
    public let offsets: [Int32]
    /// Head node of each forward edge; each row strictly ascending (no parallel edges, no self-loops).
    public let targets: [Int32]
    /// Travel time of each forward edge, minutes (finite, ≥ 0; the fastest of any parallel edges).
    public let minutes: [Double]
    /// Length of each forward edge, metres (that of the fastest parallel edge).
    public let metres: [Double]
    /// Reverse CSR (edge `u → v` stored at `v` as source `u`), for travel times *towards* a node.
    public let reverseOffsets: [Int32]
    /// Tail node of each reverse edge, parallel to ``reverseMinutes``.
    public let reverseSources: [Int32]
    /// Travel time of each reverse edge, minutes (equal to the forward edge's).
    public let reverseMinutes: [Double]
    /// What the graph was built from, and what was dropped.
    public var report: RoadGraphReport
    /// The degree-2 chains contracted, both directions: what the searches run on (same minutes, fewer heap
    /// operations).
    public let contracted: ContractedGraph

    /// Number of nodes (after the largest-component filter when it was applied). Complexity: O(1).
    public var nodeCount: Int { xs.count }
    /// Number of directed edges (a two-way road counts twice). Complexity: O(1).
    public var edgeCount: Int { targets.count }

    /// Projected position of node `v`.
    public func point(_ v: Int) -> ProjectedPoint { ProjectedPoint(x: xs[v], y: ys[v]) }

    /// Outgoing edge positions of node `v`.
    public func edges(from v: Int) -> Range<Int> { Int(offsets[v])..<Int(offsets[v + 1]) }

    /// Incoming edge positions of node `v` (into the reverse arrays).
    public func edges(into v: Int) -> Range<Int> { Int(reverseOffsets[v])..<Int(reverseOffsets[v + 1]) }

    /// Bounding box of the node positions in WGS84 degrees (minLon, minLat, maxLon, maxLat), `nil` when empty.
    public var lonLatBounds: (minLon: Double, minLat: Double, maxLon: Double, maxLat: Double)? {
        guard let a = lons.min(), let b = lats.min(), let c = lons.max(), let d = lats.max() else { return nil }
        return (a, b, c, d)
    }

    /// Bounding box of the projected positions (minX, minY, maxX, maxY), `nil` when empty.
    public var projectedBounds: (minX: Double, minY: Double, maxX: Double, maxY: Double)? {
        guard let a = xs.min(), let b = ys.min(), let c = xs.max(), let d = ys.max() else { return nil }
        return (a, b, c, d)
    }

    /// Initialiser for already-built forward CSR arrays: the reverse CSR and the contracted chains are derived.
    init(crs: CRS, xs: [Double], ys: [Double], lons: [Double], lats: [Double], osmIDs: [Int64],
         offsets: [Int32], targets: [Int32], minutes: [Double], metres: [Double], report: RoadGraphReport) {
        let reverse = Self.reverse(nodeCount: xs.count, offsets: offsets, targets: targets, minutes: minutes)
        let contracted = ContractedGraph(nodeCount: xs.count, offsets: offsets, targets: targets, minutes: minutes,
                                         reverseOffsets: reverse.offsets, reverseSources: reverse.sources, reverseMinutes: reverse.minutes)
        self.init(crs: crs, xs: xs, ys: ys, lons: lons, lats: lats, osmIDs: osmIDs, offsets: offsets, targets: targets,
                  minutes: minutes, metres: metres, reverseOffsets: reverse.offsets, reverseSources: reverse.sources,
                  reverseMinutes: reverse.minutes, contracted: contracted, report: report)
    }

    /// Memberwise initialiser for every array, derived ones included (the cache reader, which has validated them).
    init(crs: CRS, xs: [Double], ys: [Double], lons: [Double], lats: [Double], osmIDs: [Int64],
         offsets: [Int32], targets: [Int32], minutes: [Double], metres: [Double],
         reverseOffsets: [Int32], reverseSources: [Int32], reverseMinutes: [Double], contracted: ContractedGraph,
         report: RoadGraphReport) {
        self.crs = crs
        self.xs = xs
        self.ys = ys
        self.lons = lons
        self.lats = lats
        self.osmIDs = osmIDs
        self.offsets = offsets
        self.targets = targets
        self.minutes = minutes
        self.metres = metres
        self.reverseOffsets = reverseOffsets
        self.reverseSources = reverseSources
        self.reverseMinutes = reverseMinutes
        self.contracted = contracted
        self.report = report
        _checkInvariants()
    }

    static func reverse(nodeCount n: Int, offsets: [Int32], targets: [Int32], minutes: [Double])
        -> (offsets: [Int32], sources: [Int32], minutes: [Double])
    {
        var counts = [Int32](repeating: 0, count: n + 1)
        for t in targets { counts[Int(t) + 1] += 1 }
        for v in 0..<n { counts[v + 1] += counts[v] }
        var fill = counts
        var sources = [Int32](repeating: 0, count: targets.count)
        var revMinutes = [Double](repeating: 0, count: targets.count)
        for u in 0..<n {
            for e in Int(offsets[u])..<Int(offsets[u + 1]) {
                let t = Int(targets[e])
                let p = Int(fill[t])
                fill[t] += 1
                sources[p] = Int32(u)
                revMinutes[p] = minutes[e]
            }
        }
        return (counts, sources, revMinutes)
    }
}
