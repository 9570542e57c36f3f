import CareGeo
import CareKernel

/// Straight-line travel time: `minutes = metres × circuity / (speed_kmh × 1000 / 60)`.
///
/// The default 60 km/h with a circuity (detour) factor of 1.3 makes the 20-minute threshold a crow-fly
/// radius of about 15.4 km. Nearest sites come from a ``KDTree`` per projected CRS, queried in parallel.
///
/// ```swift
/// let model = try CrowFlyModel(speedKmh: 60, circuity: 1.3)
/// let nearest = try model.nearest(from: communes.map(\.place), to: sites.map(\.place))
/// ```
/// Complexity: O((n + m) log m) for n origins and m sites.
public struct CrowFlyModel: TravelTimeModel {
    /// Road speed assumed along the detoured line, km/h (> 0).
    public var speedKmh: Double
    /// Detour factor applied to the straight-line distance (≥ 1; 1.3 by default).
    public var circuity: Double
    /// Threads for the parallel k-d tree and grid queries (at least 1).
    public var threads: Int

    /// Creates the model; throws ``ModelError/invalidParameter(name:value:reason:)`` when `speedKmh` is not a
    /// positive finite number or `circuity` is below 1. `threads` below 1 is raised to 1.
    public init(speedKmh: Double = StudyDefaults.crowFlySpeedKmh, circuity: Double = StudyDefaults.crowFlyCircuity, threads: Int = KDTree.defaultThreadCount)
        throws(ModelError)
    {
        guard speedKmh.isFinite, speedKmh > 0 else {
            throw .invalidParameter(name: "speed", value: "\(speedKmh)", reason: "must be a positive number of km/h")
        }
        guard circuity.isFinite, circuity >= 1 else {
            throw .invalidParameter(name: "circuity", value: "\(circuity)", reason: "must be a finite factor ≥ 1")
        }
        self.speedKmh = speedKmh
        self.circuity = circuity
        self.threads = max(1, threads)
    }

    /// The speed and circuity in one line, e.g. `"crow-fly, 60 km/h, circuity 1.3"`.
    public var summary: String { "crow-fly, \(speedKmh.shortText) km/h, circuity \(circuity.shortText)" }
    /// ``summary`` as figures (``TravelModelSummary/crowFly(speedKmh:circuity:)``).
    public var summaryParts: TravelModelSummary { .crowFly(speedKmh: speedKmh, circuity: circuity) }

    /// Always ``TravelCaveat/crowFly``: the model is blind to roads, relief and the sea.
    public var caveats: [TravelCaveat] { [.crowFly] }

    /// Metres travelled per minute at ``speedKmh``.
    public var metresPerMinute: Double { speedKmh * 1000 / 60 }

    /// Minutes for a straight-line distance in metres (same operation order as the reference harness).
    public func minutes(forMetres metres: Double) -> Double { metres * circuity / metresPerMinute }

    /// The crow-fly radius in metres that a travel time in minutes allows.
    public func radius(forMinutes minutes: Double) -> Double { minutes * metresPerMinute / circuity }

    /// Straight-line minutes per pair; pairs in different CRS zones are unreachable. Crow-fly knows no sea:
    /// an island is reached across the water at road speed.
    public func minutes(between pairs: [PlacePair]) throws -> [Double] {
        pairs.map { pair in
            guard pair.origin.crs == pair.destination.crs else { return .infinity }
            let dx = pair.destination.point.x - pair.origin.point.x, dy = pair.destination.point.y - pair.origin.point.y
            return minutes(forMetres: (dx * dx + dy * dy).squareRoot())
        }
    }

    /// For every origin, the site at the least straight-line distance in the same CRS zone (ties: lowest site
    /// index), with its metres; origins with no site in their zone are ``NearestFacility/unreachable``.
    public func nearest(from origins: [Place], to sites: [Place]) throws -> [NearestFacility] {
        var result = [NearestFacility](repeating: .unreachable, count: origins.count)
        let sitesByCRS = Dictionary(uniqueKeysWithValues: Self.groupByCRS(sites))
        for (crs, originIndices) in Self.groupByCRS(origins) {
            guard let siteIndices = sitesByCRS[crs], !siteIndices.isEmpty else { continue }
            // Site indices within a CRS group are ascending, so kernel ties (lowest local index)
            // map to the lowest global index.
            let tree = KDTree(points: siteIndices.map { Point2D(x: sites[$0].point.x, y: sites[$0].point.y) })
            let queries = originIndices.map { Point2D(x: origins[$0].point.x, y: origins[$0].point.y) }
            let table = tree.nearest(to: queries, threads: threads)
            for (k, o) in originIndices.enumerated() {
                let local = Int(table.indices[k])
                guard local >= 0 else { continue }
                let metres = table.distances[k]
                result[o] = NearestFacility(site: siteIndices[local], minutes: minutes(forMetres: metres), metres: metres)
            }
        }
        return result
    }
}

extension CrowFlyModel {
    /// Radius queries from each site on a ``FixedRadiusGrid`` of the origins of its CRS (cells half the radius:
    /// a 5 × 5 scan per site), in parallel. The search radius is
    /// widened by 1e-9 relative and pairs are then kept on `minutes <= threshold`, so the inclusive
    /// threshold is decided on the reported minutes themselves.
    public func catchments(from sites: [Place], to origins: [Place], within threshold: Double) throws -> Catchments {
        guard threshold.isFinite, threshold >= 0 else {
            throw ModelError.invalidParameter(name: "threshold", value: "\(threshold)", reason: "must be a finite number of minutes ≥ 0")
        }
        let radius = self.radius(forMinutes: threshold) * (1 + 1e-9)
        // One radius table per CRS zone; `location[j]` locates site j's row in its zone's table.
        var tables: [(table: NeighborTable, origins: [Int])] = []
        var location = [(zone: Int, row: Int)](repeating: (-1, 0), count: sites.count)
        for (crs, siteIndices) in Self.groupByCRS(sites) {
            let originIndices = origins.indices.filter { origins[$0].crs == crs }
            guard !originIndices.isEmpty else { continue }
            let grid = FixedRadiusGrid(points: originIndices.map { Point2D(x: origins[$0].point.x, y: origins[$0].point.y) },
                                       cellSize: radius / 2)
            let table = grid.neighbors(of: siteIndices.map { Point2D(x: sites[$0].point.x, y: sites[$0].point.y) },
                                       within: radius, threads: threads)
            for (k, j) in siteIndices.enumerated() { location[j] = (tables.count, k) }
            tables.append((table, originIndices))
        }
        // Common case (one CRS zone holding every site, its origins first): the grid's table is already the CSR.
        if tables.count == 1, let only = tables.first, only.origins.enumerated().allSatisfy({ $0.offset == $0.element }),
           location.allSatisfy({ $0.zone == 0 }), location.enumerated().allSatisfy({ $0.offset == $0.element.row }) {
            let minutes = only.table.distances.map(minutes(forMetres:))
            if minutes.allSatisfy({ $0 <= threshold }) {
                return Catchments(threshold: threshold, offsets: only.table.offsets, demand: only.table.indices, minutes: minutes)
            }
        }
        let pairs = tables.reduce(0) { $0 + $1.table.indices.count }
        var offsets = [Int](repeating: 0, count: sites.count + 1)
        var demand = [Int32](), minutesOut = [Double]()
        demand.reserveCapacity(pairs)
        minutesOut.reserveCapacity(pairs)
        for j in sites.indices {
            let (zone, row) = location[j]
            if zone >= 0 {
                let (table, originIndices) = tables[zone]
                for p in table.offsets[row]..<table.offsets[row + 1] {
                    let m = minutes(forMetres: table.distances[p])
                    if m <= threshold {
                        demand.append(Int32(originIndices[Int(table.indices[p])]))
                        minutesOut.append(m)
                    }
                }
            }
            offsets[j + 1] = demand.count
        }
        return Catchments(threshold: threshold, offsets: offsets, demand: demand, minutes: minutesOut)
    }

    /// Indices of `places` grouped by CRS, ascending within each group (one pass; few distinct CRSs).
    static func groupByCRS(_ places: [Place]) -> [(CRS, [Int])] {
        var groups: [(CRS, [Int])] = []
        for (i, p) in places.enumerated() {
            if let g = groups.firstIndex(where: { $0.0 == p.crs }) {
                groups[g].1.append(i)
            } else {
                groups.append((p.crs, [i]))
            }
        }
        return groups
    }
}
