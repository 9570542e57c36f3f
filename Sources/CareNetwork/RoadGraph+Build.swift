import CareGeo

extension RoadGraph {
    /// Builds a graph from node positions and directed edges: parallel edges keep the fastest (then shortest),
    /// self-loops are dropped, and with `keepLargestComponent` only the largest strongly connected component
    /// (Tarjan 1972) is kept, nodes renumbered in their original order.
    ///
    /// ```swift
    /// let g = try RoadGraph(points: [.init(x: 0, y: 0), .init(x: 100, y: 0)],
    ///                       edges: [.init(from: 0, to: 1, minutes: 0.2, metres: 100),
    ///                               .init(from: 1, to: 0, minutes: 0.2, metres: 100)],
    ///                       crs: .lambert93)
    /// ```
    /// Throws when an edge names a node out of range or has a negative or non-finite weight.
    /// Complexity: O(n + m log d) for n nodes, m edges and maximum degree d.
    public init(points: [ProjectedPoint], lonLats: [LonLat]? = nil, osmIDs: [Int64]? = nil, edges: [RoadEdge],
                crs: CRS, source: String = "edges", keepLargestComponent: Bool = true,
                report: RoadGraphReport = RoadGraphReport()) throws(NetworkError) {
        let n = points.count
        guard n < Int(Int32.max), edges.count < Int(Int32.max) else {
            throw NetworkError(file: source, message: "too large: \(n) nodes, \(edges.count) edges (limit 2^31 - 1)")
        }
        if let lonLats, lonLats.count != n { throw NetworkError(file: source, message: "\(lonLats.count) lon/lat positions for \(n) nodes") }
        if let osmIDs, osmIDs.count != n { throw NetworkError(file: source, message: "\(osmIDs.count) node ids for \(n) nodes") }
        var report = report
        if report.source.isEmpty { report.source = source }
        // Counting sort by source node.
        var counts = [Int32](repeating: 0, count: n + 1)
        for (k, e) in edges.enumerated() {
            guard e.from >= 0, Int(e.from) < n, e.to >= 0, Int(e.to) < n else {
                throw NetworkError(file: source, location: "edge \(k)", message: "node \(e.from) → \(e.to) out of range 0..<\(n)")
            }
            guard e.minutes.isFinite, e.minutes >= 0, e.metres.isFinite, e.metres >= 0 else {
                throw NetworkError(file: source, location: "edge \(k)", message: "weight \(e.minutes) min / \(e.metres) m must be finite and ≥ 0")
            }
            if e.from == e.to { report.selfLoops += 1; continue }
            counts[Int(e.from) + 1] += 1
        }
        for v in 0..<n { counts[v + 1] += counts[v] }
        var fill = counts
        var order = [Int32](repeating: 0, count: Int(counts[n]))
        for (k, e) in edges.enumerated() where e.from != e.to {
            order[Int(fill[Int(e.from)])] = Int32(k)
            fill[Int(e.from)] += 1
        }
        // Per node: sort by (target, minutes, metres), keep the first of each target.
        var offsets = [Int32](repeating: 0, count: n + 1)
        var targets: [Int32] = [], minutes: [Double] = [], metres: [Double] = []
        targets.reserveCapacity(order.count); minutes.reserveCapacity(order.count); metres.reserveCapacity(order.count)
        var row: [RoadEdge] = []
        for v in 0..<n {
            row.removeAll(keepingCapacity: true)
            for p in Int(counts[v])..<Int(counts[v + 1]) { row.append(edges[Int(order[p])]) }
            row.sort { ($0.to, $0.minutes, $0.metres) < ($1.to, $1.minutes, $1.metres) }
            var last: Int32 = -1
            for e in row {
                if e.to == last { report.mergedParallelEdges += 1; continue }
                last = e.to
                targets.append(e.to); minutes.append(e.minutes); metres.append(e.metres)
            }
            offsets[v + 1] = Int32(targets.count)
        }
        report.nodesBeforeComponents = n
        report.edgesBeforeComponents = targets.count
        var keep = [Int32](repeating: 0, count: n)  // new index, or -1
        if keepLargestComponent && n > 0 {
            let scc = StronglyConnectedComponents(offsets: offsets, targets: targets)
            report.components = scc.count
            let big = scc.largest
            var next: Int32 = 0
            for v in 0..<n {
                if scc.component[v] == big { keep[v] = next; next += 1 } else { keep[v] = -1 }
            }
        } else {
            report.components = n == 0 ? 0 : StronglyConnectedComponents(offsets: offsets, targets: targets).count
            for v in 0..<n { keep[v] = Int32(v) }
        }
        var newOffsets: [Int32] = [0]
        var newTargets: [Int32] = [], newMinutes: [Double] = [], newMetres: [Double] = []
        newTargets.reserveCapacity(targets.count); newMinutes.reserveCapacity(targets.count); newMetres.reserveCapacity(targets.count)
        var xs: [Double] = [], ys: [Double] = [], lons: [Double] = [], lats: [Double] = [], ids: [Int64] = []
        for v in 0..<n where keep[v] >= 0 {
            xs.append(points[v].x); ys.append(points[v].y)
            lons.append(lonLats?[v].lon ?? 0); lats.append(lonLats?[v].lat ?? 0)
            ids.append(osmIDs?[v] ?? Int64(v))
            for e in Int(offsets[v])..<Int(offsets[v + 1]) {
                let t = keep[Int(targets[e])]
                if t < 0 { continue }
                newTargets.append(t); newMinutes.append(minutes[e]); newMetres.append(metres[e])
            }
            newOffsets.append(Int32(newTargets.count))
        }
        report.droppedNodes = n - xs.count
        report.droppedEdges = targets.count - newTargets.count
        self.init(crs: crs, xs: xs, ys: ys, lons: lons, lats: lats, osmIDs: ids, offsets: newOffsets,
                  targets: newTargets, minutes: newMinutes, metres: newMetres, report: report)
    }

    /// Every directed edge, in CSR order.
    public var edgeList: [RoadEdge] {
        var out: [RoadEdge] = []
        out.reserveCapacity(edgeCount)
        for v in 0..<nodeCount {
            for e in edges(from: v) { out.append(RoadEdge(from: Int32(v), to: targets[e], minutes: minutes[e], metres: metres[e])) }
        }
        return out
    }

    /// The edge list as CSV `source,target,minutes,metres` (shortest round-trip decimal renderings, so another
    /// program parsing it gets the same `Double`s), for networkx / scipy checks.
    ///
    /// ```swift
    /// try graph.edgeListCSV().write(to: url)   // then Scripts/network_networkx_check.py edges.csv
    /// ```
    public func edgeListCSV() -> String {
        var s = "source,target,minutes,metres\n"
        s.reserveCapacity(edgeCount * 40)
        for v in 0..<nodeCount {
            for e in edges(from: v) { s += "\(v),\(targets[e]),\(minutes[e]),\(metres[e])\n" }
        }
        return s
    }

    /// The nodes as CSV `node,osm_id,x,y,lon,lat` (projected metres and WGS84 degrees, shortest round-trip
    /// renderings), the companion of ``edgeListCSV()`` for `careaccess network export`.
    public func nodeListCSV() -> String {
        var s = "node,osm_id,x,y,lon,lat\n"
        s.reserveCapacity(nodeCount * 60)
        for v in 0..<nodeCount { s += "\(v),\(osmIDs[v]),\(xs[v]),\(ys[v]),\(lons[v]),\(lats[v])\n" }
        return s
    }
}
