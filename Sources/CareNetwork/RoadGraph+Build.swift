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
        let merged = try Self.mergedRows(edges, nodeCount: n, source: source, report: &report)
        report.nodesBeforeComponents = n
        report.edgesBeforeComponents = merged.targets.count
        let keep = Self.renumbering(merged, nodeCount: n, keepLargestComponent: keepLargestComponent, report: &report)
        var newOffsets: [Int32] = [0]
        var newTargets: [Int32] = [], newMinutes: [Double] = [], newMetres: [Double] = []
        let kept = merged.targets.count
        newTargets.reserveCapacity(kept); newMinutes.reserveCapacity(kept); newMetres.reserveCapacity(kept)
        var xs: [Double] = [], ys: [Double] = [], lons: [Double] = [], lats: [Double] = [], ids: [Int64] = []
        for v in 0..<n where keep[v] >= 0 {
            xs.append(points[v].x); ys.append(points[v].y)
            lons.append(lonLats?[v].lon ?? 0); lats.append(lonLats?[v].lat ?? 0)
            ids.append(osmIDs?[v] ?? Int64(v))
            for e in Int(merged.offsets[v])..<Int(merged.offsets[v + 1]) {
                let t = keep[Int(merged.targets[e])]
                if t < 0 { continue }
                newTargets.append(t); newMinutes.append(merged.minutes[e]); newMetres.append(merged.metres[e])
            }
            newOffsets.append(Int32(newTargets.count))
        }
        report.droppedNodes = n - xs.count
        report.droppedEdges = merged.targets.count - newTargets.count
        self.init(crs: crs, xs: xs, ys: ys, lons: lons, lats: lats, osmIDs: ids, offsets: newOffsets,
                  targets: newTargets, minutes: newMinutes, metres: newMetres, report: report)
    }

    /// Adjacency rows in CSR form, before components are dropped: row v's edges are
    /// `targets[offsets[v]..<offsets[v + 1]]`, with their ``minutes`` and ``metres``.
    private struct Rows {
        var offsets: [Int32], targets: [Int32], minutes: [Double], metres: [Double]
    }

    /// The edges as CSR rows by source node (a counting sort), each row sorted by (target, minutes, metres)
    /// with the first of each target kept: parallel edges keep the fastest, then shortest. Self-loops and
    /// merged edges are counted in `report`.
    ///
    /// - Throws: when an edge names a node out of range or has a negative or non-finite weight (naming the edge).
    private static func mergedRows(_ edges: [RoadEdge], nodeCount n: Int, source: String,
                                   report: inout RoadGraphReport) throws(NetworkError) -> Rows {
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
        var rows = Rows(offsets: [Int32](repeating: 0, count: n + 1), targets: [], minutes: [], metres: [])
        rows.targets.reserveCapacity(order.count); rows.minutes.reserveCapacity(order.count); rows.metres.reserveCapacity(order.count)
        var row: [RoadEdge] = []
        for v in 0..<n {
            row.removeAll(keepingCapacity: true)
            for p in Int(counts[v])..<Int(counts[v + 1]) { row.append(edges[Int(order[p])]) }
            row.sort { ($0.to, $0.minutes, $0.metres) < ($1.to, $1.minutes, $1.metres) }
            var last: Int32 = -1
            for e in row {
                if e.to == last { report.mergedParallelEdges += 1; continue }
                last = e.to
                rows.targets.append(e.to); rows.minutes.append(e.minutes); rows.metres.append(e.metres)
            }
            rows.offsets[v + 1] = Int32(rows.targets.count)
        }
        return rows
    }

    /// Each node's new index, or -1 when it is dropped: with `keepLargestComponent`, the nodes of the largest
    /// strongly connected component (Tarjan 1972) in their original order; else every node as it is. The
    /// number of components goes to `report`.
    private static func renumbering(_ rows: Rows, nodeCount n: Int, keepLargestComponent: Bool,
                                    report: inout RoadGraphReport) -> [Int32] {
        guard n > 0 else { report.components = 0; return [] }
        let scc = StronglyConnectedComponents(offsets: rows.offsets, targets: rows.targets)
        report.components = scc.count
        guard keepLargestComponent else { return (0..<n).map { Int32($0) } }
        let big = scc.largest
        var keep = [Int32](repeating: -1, count: n)
        var next: Int32 = 0
        for v in 0..<n where scc.component[v] == big { keep[v] = next; next += 1 }
        return keep
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
