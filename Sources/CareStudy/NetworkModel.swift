import CareModel
import CareIO
import CareGeo
import CareKernel
import CareNetwork

/// Drive times on a road network: places attach to their nearest graph node (``RoadSnapper``: connector
/// minutes at an access speed, default 15 km/h; beyond 2 km unattached and reported), and minutes are
/// shortest paths on the car graph (Dijkstra 1959) from the origin to the site, following one-way streets.
///
/// `minutes(origin → site) = site connector + path minutes (summed from the site end) + origin connector`.
/// Places in a CRS other than the graph's, or farther than the snap limit from every road, are unreachable.
/// An origin and a site at the very same place are 0 minutes apart, with no connector (as with crow-fly:
/// a commune reaches the GPs counted at its own commune point without driving).
///
/// ```swift
/// let graph = try RoadGraph.load(path: "../shared/data/roads/most_monaco_riviera_network.osm")
/// let model = try NetworkModel(graph: graph)
/// let nearest = try model.nearest(from: communes.map(\.place), to: sites.map(\.place))
/// ```
/// - ``nearest(from:to:)``: one multi-source Dijkstra from every site on the reverse graph (each site starts
///   at its connector minutes): O((n + m) log n) whatever the number of sites. Ties on the node minutes go to
///   the lowest site index.
/// - ``catchments(from:to:within:)``: one bounded Dijkstra per site on the reverse graph up to the threshold
///   (inclusive, decided on the reported minutes), in parallel across sites with per-thread scratch.
/// - `metres` is `nil`: path lengths are not tracked (it would slow every relaxation).
public struct NetworkModel: TravelTimeModel {
    /// The car graph the shortest paths run on (its CRS is the only one the model reaches).
    public let graph: RoadGraph
    /// Attaches places to their nearest graph node, with the connector speed and snap limit.
    public let snapper: RoadSnapper
    /// Threads for snapping and the per-site catchment searches (at least 1).
    public var threads: Int
    /// A short name for the summary (the file name by default).
    public var name: String
    /// Told of the bounded searches of ``catchments(from:to:within:)`` (one unit per site); silent by default.
    public var progress: any ProgressReporter
    /// Every class speed multiplied by this (path minutes divided by it), e.g. as fit to observed trips by
    /// `careaccess network calibrate --observed`; 1 keeps the car profile's speeds. Connectors keep their speed.
    public let speedFactor: Double

    /// Creates the model over `graph`: connectors at `accessSpeedKmh` (km/h), places beyond `snapLimitMetres` (metres)
    /// unattached unless `attachFarPoints`, class speeds × `speedFactor`. Throws ``ModelError/invalidParameter(name:value:reason:)``
    /// for a speed factor outside 0.1–10, a non-positive access speed, a negative snap limit or an empty graph.
    public init(graph: RoadGraph, accessSpeedKmh: Double = RoadSnapper.defaultAccessSpeedKmh,
                snapLimitMetres: Double = RoadSnapper.defaultLimitMetres, attachFarPoints: Bool = false,
                threads: Int = 2, name: String? = nil, speedFactor: Double = 1,
                progress: any ProgressReporter = SilentProgress()) throws(ModelError) {
        guard speedFactor.isFinite, speedFactor >= 0.1, speedFactor <= 10 else {
            throw .invalidParameter(name: "speed factor", value: "\(speedFactor)", reason: "must be a factor between 0.1 and 10")
        }
        guard accessSpeedKmh.isFinite, accessSpeedKmh > 0 else {
            throw .invalidParameter(name: "access speed", value: "\(accessSpeedKmh)", reason: "must be a positive number of km/h")
        }
        guard snapLimitMetres.isFinite, snapLimitMetres >= 0 else {
            throw .invalidParameter(name: "snap limit", value: "\(snapLimitMetres)", reason: "must be a finite number of metres ≥ 0")
        }
        guard graph.nodeCount > 0 else {
            throw .invalidParameter(name: "network", value: graph.report.source, reason: "the road graph has no node")
        }
        self.graph = graph
        snapper = RoadSnapper(graph: graph, accessSpeedKmh: accessSpeedKmh, limitMetres: snapLimitMetres,
                              attachFarPoints: attachFarPoints)
        self.threads = max(1, threads)
        self.name = name ?? graph.report.source
        self.progress = progress
        self.speedFactor = speedFactor
    }

    /// The network name, node count and access speed, plus the speed factor when it is not 1.
    public var summary: String {
        "road network \(name) (\(graph.nodeCount) nodes), access \(snapper.accessSpeedKmh.shortText) km/h"
            + (speedFactor == 1 ? "" : ", class speeds × \(speedFactor.shortText)")
    }

    /// ``TravelCaveat/roadNetwork(accessSpeedKmh:limitMetres:)``: free-flow class speeds, connector speed and snap limit.
    public var caveats: [TravelCaveat] { [.roadNetwork(accessSpeedKmh: snapper.accessSpeedKmh, limitMetres: Int(snapper.limitMetres))] }

    /// Where places attach (connector node, metres, minutes; far and other-CRS places unattached).
    public func snap(_ places: [Place]) -> RoadSnapper.Result {
        snapper.snap(places.map(\.point), inCRS: places.map { $0.crs == graph.crs }, threads: threads)
    }

    /// For every origin, the site with the fewest road minutes (ties: lowest site index), from one multi-source
    /// Dijkstra on the reverse graph; `metres` is nil. Unattached origins are unreachable, except at a site's own place.
    public func nearest(from origins: [Place], to sites: [Place]) throws -> [NearestFacility] {
        let siteSnap = snap(sites)
        let sources = sites.indices.compactMap { j -> DijkstraSource? in
            let v = siteSnap.nodes[j]
            // Searches run in graph minutes (class speeds as built): connectors enter scaled by the factor.
            return v >= 0 ? DijkstraSource(node: v, minutes: siteSnap.minutes[j] * speedFactor, label: Int32(j)) : nil
        }
        let best = sources.isEmpty
            ? NodeLabels(minutes: [], labels: [])
            : graph.multiSourceDijkstra(sources: sources, direction: .reverse)
        let originSnap = snap(origins)
        let samePlace = Self.lowestIndex(of: sites)
        return origins.indices.map { i in
            if let j = samePlace[origins[i]] { return NearestFacility(site: j, minutes: 0, metres: nil) }
            let v = Int(originSnap.nodes[i])
            guard v >= 0, v < best.labels.count, best.labels[v] >= 0 else { return .unreachable }
            return NearestFacility(site: Int(best.labels[v]), minutes: (best.minutes[v] + originSnap.minutes[i] * speedFactor) / speedFactor,
                                   metres: nil)
        }
    }

    /// Drive minutes per pair: one full search from each distinct origin's node (forward, following one-way
    /// streets), plus both connectors. Places off the network are unreachable; a pair at one point is 0.
    /// Complexity: O(k·(V + E) log V) for k distinct origins.
    public func minutes(between pairs: [PlacePair]) throws -> [Double] {
        var distinct: [Place: Int] = [:], origins: [Place] = []
        for pair in pairs where distinct[pair.origin] == nil {
            distinct[pair.origin] = origins.count
            origins.append(pair.origin)
        }
        let originSnap = snap(origins)
        let destinationSnap = snap(pairs.map(\.destination))
        let graph = self.graph
        let trees = ParallelChunks.map(count: origins.count, chunkSize: 1, threads: threads) { range in
            range.map { k -> [Double] in
                let v = Int(originSnap.nodes[k])
                return v >= 0 ? graph.shortestPathMinutes(from: v, direction: .forward) : []
            }
        }
        return pairs.indices.map { i in
            let pair = pairs[i]
            if pair.origin == pair.destination { return 0 }
            guard let k = distinct[pair.origin] else { return .infinity }
            let tree = trees[k], w = Int(destinationSnap.nodes[i])
            guard w >= 0, w < tree.count, tree[w].isFinite else { return .infinity }
            return (originSnap.minutes[k] * speedFactor + tree[w] + destinationSnap.minutes[i] * speedFactor) / speedFactor
        }
    }

    /// A search's table in minutes: graph minutes divided by `factor`, pairs within `threshold` minutes.
    static func catchments(_ table: TargetTable, dividedBy factor: Double, within threshold: Double) -> Catchments {
        guard factor != 1 else {
            return Catchments(threshold: threshold, offsets: table.offsets, demand: table.targets, minutes: table.minutes)
        }
        var offsets = [0], targets: [Int32] = [], minutes: [Double] = []
        for s in 0..<(table.offsets.count - 1) {
            for k in table.range(of: s) {
                let m = table.minutes[k] / factor
                if m <= threshold { targets.append(table.targets[k]); minutes.append(m) }
            }
            offsets.append(targets.count)
        }
        return Catchments(threshold: threshold, offsets: offsets, demand: targets, minutes: minutes)
    }

    /// The lowest index of each distinct place.
    static func lowestIndex(of places: [Place]) -> [Place: Int] {
        var out: [Place: Int] = [:]
        for (j, p) in places.enumerated() where out[p] == nil { out[p] = j }
        return out
    }

    /// For every site, the origins within `threshold` road minutes (inclusive), one bounded Dijkstra per site. Throws
    /// ``ModelError/invalidParameter(name:value:reason:)`` when `threshold` is not finite and ≥ 0.
    public func catchments(from sites: [Place], to origins: [Place], within threshold: Double) throws -> Catchments {
        guard threshold.isFinite, threshold >= 0 else {
            throw ModelError.invalidParameter(name: "threshold", value: "\(threshold)", reason: "must be a finite number of minutes ≥ 0")
        }
        let originSnap = snap(origins)
        let siteSnap = snap(sites)
        let f = speedFactor
        let targets = NodeTargets(nodeCount: graph.nodeCount, nodes: originSnap.nodes, minutes: originSnap.minutes.map { $0 * f })
        // Unattached sites get an out-of-range source: the search ignores it and the row stays empty.
        let sources = sites.indices.map { j in
            DijkstraSource(node: siteSnap.nodes[j], minutes: siteSnap.minutes[j] * f, label: Int32(j))
        }
        let reporter = progress
        reporter.begin(total: sources.count, label: "catchments")
        let searched = graph.boundedOneToMany(sources: sources, targets: targets, limit: threshold * f,
                                              direction: .reverse, threads: threads) { reporter.advance(by: $0) }
        reporter.end()
        // Back to minutes (the inclusive threshold decided again on the reported minutes).
        let table = Self.catchments(searched, dividedBy: f, within: threshold)
        // Origins at a site's very place: 0 minutes (see the type's documentation).
        var originsAt: [Place: [Int32]] = [:]
        let sitePlaces = Set(sites)
        for (i, p) in origins.enumerated() where sitePlaces.contains(p) { originsAt[p, default: []].append(Int32(i)) }
        if originsAt.isEmpty { return table }
        var offsets = [0], demand: [Int32] = [], minutes: [Double] = []
        demand.reserveCapacity(table.pairCount); minutes.reserveCapacity(table.pairCount)
        var row: [Int32: Double] = [:]
        for j in sites.indices {
            let r = table.range(of: j)
            if let same = originsAt[sites[j]] {
                row.removeAll(keepingCapacity: true)
                for k in r { row[table.demand[k]] = table.minutes[k] }
                for i in same { row[i] = 0 }
                for (i, m) in row.sorted(by: { $0.key < $1.key }) { demand.append(i); minutes.append(m) }
            } else {
                demand.append(contentsOf: table.demand[r])
                minutes.append(contentsOf: table.minutes[r])
            }
            offsets.append(demand.count)
        }
        return Catchments(threshold: threshold, offsets: offsets, demand: demand, minutes: minutes)
    }
}
