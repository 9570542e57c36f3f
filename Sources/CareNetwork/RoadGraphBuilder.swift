import CareGeo

/// Collects what a car graph needs while an OSM reader streams a file: every node's position (compactly, in
/// three arrays) and the drivable ways (refs, speed, direction) under a ``CarProfile``; then
/// ``build(source:format:stats:crs:)`` projects the nodes, makes the edges and keeps the largest strongly
/// connected component.
///
/// ```swift
/// var builder = RoadGraphBuilder(profile: .car)
/// let stats = try PBFReader.read(path: path, into: &builder)
/// let graph = try builder.build(source: path, format: "osm.pbf", stats: stats)
/// ```
/// Memory: 24 bytes per file node plus 8 bytes per drivable way reference.
public struct RoadGraphBuilder: OSMHandler, Sendable {
    /// The car profile deciding which ways are drivable, at what speed (km/h) and in which direction.
    public let profile: CarProfile
    var nodeIDs: [Int64] = []
    var nodeLons: [Double] = []
    var nodeLats: [Double] = []
    var refs: [Int64] = []
    var wayStarts: [Int] = [0]
    var waySpeeds: [Double] = []
    var wayDirections: [CarProfile.Direction] = []
    var report = RoadGraphReport()

    /// An empty builder under `profile` (the default car speeds unless told otherwise).
    public init(profile: CarProfile = .car) {
        self.profile = profile
    }

    /// Records node `id` at WGS84 `lon`, `lat` (degrees); every node is kept until ``build(source:format:stats:crs:)``
    /// keeps only those the drivable ways use.
    public mutating func node(id: Int64, lon: Double, lat: Double) {
        nodeIDs.append(id)
        nodeLons.append(lon)
        nodeLats.append(lat)
    }

    /// Records the way when ``profile`` finds it drivable (its node references, speed and direction); counts it in
    /// the report either way: drivable by class, excluded by access tags, or excluded by `highway` value. Ways
    /// without a `highway` tag are ignored.
    public mutating func way(id: Int64, refs wayRefs: [Int64], tags: OSMTags) {
        guard let highway = tags["highway"] else { return }
        report.highwayWays += 1
        guard let use = profile.way(tags) else {
            if profile.speeds[CarProfile.baseClass(highway, in: profile.speeds)] != nil {
                report.accessExcludedWays += 1
            } else {
                report.excludedClasses[highway, default: 0] += 1
            }
            return
        }
        report.drivableWays += 1
        report.waysByClass[use.highway, default: 0] += 1
        refs.append(contentsOf: wayRefs)
        wayStarts.append(refs.count)
        waySpeeds.append(use.speedKmh)
        wayDirections.append(use.direction)
    }

    /// Appends the ways and way counters another builder (of the same profile) collected: the two-pass
    /// import decodes blocks in parallel, one builder each, and absorbs them in file order.
    mutating func absorb(_ other: RoadGraphBuilder) {
        let base = refs.count
        refs.append(contentsOf: other.refs)
        wayStarts.append(contentsOf: other.wayStarts.dropFirst().map { $0 + base })
        waySpeeds.append(contentsOf: other.waySpeeds)
        wayDirections.append(contentsOf: other.wayDirections)
        report.highwayWays += other.report.highwayWays
        report.drivableWays += other.report.drivableWays
        report.accessExcludedWays += other.report.accessExcludedWays
        report.excludedClasses.merge(other.report.excludedClasses, uniquingKeysWith: +)
        report.waysByClass.merge(other.report.waysByClass, uniquingKeysWith: +)
    }

    /// Number of drivable ways collected so far.
    public var drivableWayCount: Int { waySpeeds.count }

    /// Builds the graph. `crs` defaults to ``RoadGraphBuilder/crs(forLon:lat:)`` at the centre of the drivable nodes.
    public func build(source: String, format: String, stats: OSMFileStats, crs requested: CRS? = nil) throws(NetworkError) -> RoadGraph {
        var report = self.report
        report.source = source
        report.format = format
        report.fileNodes = stats.nodes
        report.fileWays = stats.ways
        report.fileRelations = stats.relations
        report.speeds = profile.speeds
        // Node lookup: ids in file order are usually sorted; otherwise sort a permutation.
        let n = nodeIDs.count
        var sortedPositions: [Int32]? = nil
        var sorted = true
        for i in 1..<max(n, 1) where nodeIDs[i - 1] >= nodeIDs[i] { sorted = false; break }
        if !sorted {
            var perm = (0..<Int32(n)).map { $0 }
            perm.sort { nodeIDs[Int($0)] < nodeIDs[Int($1)] }
            for k in 1..<max(n, 1) where nodeIDs[Int(perm[k - 1])] == nodeIDs[Int(perm[k])] {
                throw NetworkError(file: source, message: "node id \(nodeIDs[Int(perm[k])]) appears twice")
            }
            sortedPositions = perm
        }
        func lookup(_ id: Int64) -> Int? {
            var lo = 0, hi = n
            while lo < hi {
                let mid = (lo + hi) / 2
                let p = sortedPositions.map { Int($0[mid]) } ?? mid
                if nodeIDs[p] < id { lo = mid + 1 } else { hi = mid }
            }
            guard lo < n else { return nil }
            let p = sortedPositions.map { Int($0[lo]) } ?? lo
            return nodeIDs[p] == id ? p : nil
        }
        // File node index of every ref (-1 when missing), and which file nodes the graph uses.
        var refNode = [Int32](repeating: -1, count: refs.count)
        var graphIndex = [Int32](repeating: -1, count: n)
        for (k, id) in refs.enumerated() {
            if let p = lookup(id) { refNode[k] = Int32(p); graphIndex[p] = 0 } else { report.missingNodeRefs += 1 }
        }
        var used: [Int] = []
        for p in 0..<n where graphIndex[p] == 0 { graphIndex[p] = Int32(used.count); used.append(p) }
        let refGraphNode = refNode.map { $0 < 0 ? -1 : graphIndex[Int($0)] }
        return try assemble(report: report, source: source, lonLats: used.map { LonLat(lon: nodeLons[$0], lat: nodeLats[$0]) },
                            osmIDs: used.map { nodeIDs[$0] }, refGraphNode: refGraphNode, crs: requested)
    }

    /// The graph from the collected ways, given the graph node of every way reference (-1 when its node is
    /// missing) and the nodes' positions and ids: projection, edges (metres, minutes at the way's speed, one-way
    /// rules), then ``RoadGraph/init(points:lonLats:osmIDs:edges:crs:source:keepLargestComponent:report:)``.
    /// Shared by the one-pass build and the two-pass PBF import, so both give the same graph.
    func assemble(report: RoadGraphReport, source: String, lonLats: [LonLat], osmIDs: [Int64], refGraphNode: [Int32],
                  crs requested: CRS?) throws(NetworkError) -> RoadGraph {
        guard !lonLats.isEmpty else {
            throw NetworkError(file: source, message: "no drivable road: \(report.highwayWays) highway ways, none usable by car with known nodes")
        }
        let crs: CRS
        if let requested { crs = requested } else { crs = try Self.crs(for: lonLats, file: source) }
        let projection: Projection
        let points: [ProjectedPoint]
        do {
            projection = try Projection.shared(to: crs)
            points = try projection.forward(lonLats)
        } catch { throw NetworkError(file: source, message: "cannot project the nodes to \(crs): \(error.message)") }
        var edges: [RoadEdge] = []
        edges.reserveCapacity(refGraphNode.count * 2)
        for w in 0..<waySpeeds.count {
            let metresPerMinute = waySpeeds[w] * 1000 / 60
            let dir = wayDirections[w]
            for k in wayStarts[w]..<max(wayStarts[w + 1] - 1, wayStarts[w]) {
                let u = refGraphNode[k], v = refGraphNode[k + 1]
                guard u >= 0, v >= 0 else { continue }
                let pu = points[Int(u)], pv = points[Int(v)]
                let dx = pv.x - pu.x, dy = pv.y - pu.y
                let metres = (dx * dx + dy * dy).squareRoot()
                let minutes = metres / metresPerMinute
                if dir != .backward { edges.append(RoadEdge(from: u, to: v, minutes: minutes, metres: metres)) }
                if dir != .forward { edges.append(RoadEdge(from: v, to: u, minutes: minutes, metres: metres)) }
            }
        }
        return try RoadGraph(points: points, lonLats: lonLats, osmIDs: osmIDs, edges: edges,
                             crs: crs, source: source, keepLargestComponent: true, report: report)
    }

    /// The projected CRS for data around a WGS84 position: Lambert-93 (metropolitan France, Corsica, Monaco,
    /// Andorra), EPSG:5490 (Guadeloupe, Martinique, Saint-Barthélemy, Saint-Martin), EPSG:2972 (Guyane),
    /// EPSG:2975 (La Réunion), EPSG:4471 (Mayotte); `nil` elsewhere.
    ///
    /// ```swift
    /// RoadGraphBuilder.crs(forLon: 7.42, lat: 43.74)    // .lambert93 (Monaco)
    /// RoadGraphBuilder.crs(forLon: -62.85, lat: 17.9)   // .rgaf09UTM20 (Saint-Barthélemy)
    /// ```
    public static func crs(forLon lon: Double, lat: Double) -> CRS? {
        if (-5.5...10).contains(lon) && (41...51.5).contains(lat) { return .lambert93 }
        if (-63.5...(-60.5)).contains(lon) && (14...18.5).contains(lat) { return .rgaf09UTM20 }
        if (-55...(-51)).contains(lon) && (2...6).contains(lat) { return .rgfg95UTM22 }
        if (55...56).contains(lon) && (-21.5...(-20.8)).contains(lat) { return .rgr92UTM40S }
        if (44.8...45.5).contains(lon) && (-13.2...(-12.5)).contains(lat) { return .rgm04UTM38S }
        return nil
    }

    static func crs(for points: [LonLat], file: String) throws(NetworkError) -> CRS {
        var lons = points.map(\.lon), lats = points.map(\.lat)
        let lon = select(&lons, rank: lons.count / 2), lat = select(&lats, rank: lats.count / 2)
        guard let crs = crs(forLon: lon, lat: lat) else {
            throw NetworkError(file: file, message: "no French projected CRS for data around lon \(lon), lat \(lat) (metropolitan France, Monaco, Andorra and the overseas départements are supported)")
        }
        return crs
    }

    /// The element of rank `k` (0-based) in ascending order — `values.sorted()[k]` without the sort
    /// (Hoare's FIND / quickselect, 1961, median-of-three pivots), reordering `values`. Complexity: O(n) expected.
    static func select(_ values: inout [Double], rank k: Int) -> Double {
        var lo = 0, hi = values.count - 1
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            let a = values[lo], b = values[mid], c = values[hi]
            let pivot = max(min(a, b), min(max(a, b), c))
            var i = lo, j = hi
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j { values.swapAt(i, j); i += 1; j -= 1 }
            }
            if k <= j { hi = j } else if k >= i { lo = i } else { return values[k] }
        }
        return values[k]
    }
}
