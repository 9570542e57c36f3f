import CareKernel
import Foundation

/// What the territory tells the calibrated model about each place: the commune it belongs to (the commune at
/// that very point, else the commune whose point is nearest in the same CRS zone), that commune's département,
/// population density (population over boundary area) and land mass.
///
/// ```swift
/// let context = TravelContext(parameters: p, territory: t)
/// let ends = context.ends(for: sites.map(\.place))
/// ```
/// Complexity: O(n log n) to build for n communes; O(log n) per place not at a commune point.
struct TravelContext: Sendable {
    /// One end per commune of the territory, in its order.
    let communeEnds: [TravelEnd]
    /// Commune index of each commune point (the lowest index when two share a point).
    let communeAtPlace: [Place: Int]
    /// Commune points by CRS zone, with their commune indices.
    let trees: [Int: (tree: KDTree, communes: [Int])]
    /// Communes whose density fell back to the model's default (no boundary area).
    let communesWithoutArea: Int
    /// Communes on an isolated land mass.
    let communesOnIsolatedLand: Int

    init(parameters p: CalibratedParameters, territory: Territory, geography: CommuneGeography? = nil) {
        let geography = geography ?? CommuneGeography(territory: territory)
        var landOfCode: [String: Int32] = [:]
        for (k, land) in p.isolatedLand.enumerated() {
            for code in land.communes { landOfCode[code] = Int32(k + 1) }
        }
        let fieldOfEPSG = Dictionary(p.fields.enumerated().map { ($0.element.epsg, Int32($0.offset)) },
                                     uniquingKeysWith: { a, _ in a })
        let logReference = log(p.reference.densityPerKm2)
        var ends: [TravelEnd] = []
        ends.reserveCapacity(territory.count)
        var withoutArea = 0, isolated = 0
        for (i, c) in territory.communes.enumerated() {
            let areaKm2 = geography.areasKm2[i]
            let density: Double
            if areaKm2.isFinite, areaKm2 > 0 {
                density = Double(c.population) / areaKm2
            } else {
                density = p.density.fallback
                withoutArea += 1
            }
            let rho = Swift.min(Swift.max(density.isFinite ? density : p.density.fallback, p.density.minimum), p.density.maximum)
            let ld = log(rho) - logReference
            let terms = p.terms(ofDepartement: c.departement)
            let land = landOfCode[c.code] ?? 0
            if land > 0 { isolated += 1 }
            ends.append(TravelEnd(
                x: c.point.x, y: c.point.y, epsg: c.crs.epsg, land: land, field: fieldOfEPSG[c.crs.epsg] ?? -1,
                departementIntercept: terms.intercept, departementSlope: terms.slope, logDensity: ld,
                asOrigin: p.base.originLogDensity * ld, asDestination: p.base.destinationLogDensity * ld,
                commune: Int32(i)))
        }
        communeEnds = ends
        communeAtPlace = geography.atPlace
        trees = geography.trees
        communesWithoutArea = withoutArea
        communesOnIsolatedLand = isolated
    }

    /// The end for a place: its commune's terms at the place's own coordinates. A place in a zone with no
    /// commune gets the national terms on the main land mass.
    func end(for place: Place) -> TravelEnd {
        if let i = communeAtPlace[place] { return communeEnds[i] }
        var e: TravelEnd
        if let zone = trees[place.crs.epsg],
           let n = zone.tree.nearest(to: Point2D(x: place.point.x, y: place.point.y)) {
            e = communeEnds[zone.communes[n.index]]
        } else {
            e = TravelEnd(x: 0, y: 0, epsg: place.crs.epsg, land: 0, field: -1, departementIntercept: 0,
                          departementSlope: 0, logDensity: 0, asOrigin: 0, asDestination: 0, commune: -1)
        }
        e.x = place.point.x
        e.y = place.point.y
        return e
    }

    /// Ends for many places, in parallel.
    func ends(for places: [Place], threads: Int) -> [TravelEnd] {
        let context = self
        return ParallelChunks.map(count: places.count, chunkSize: 1_024, threads: threads) { range in
            range.map { context.end(for: places[$0]) }
        }
    }
}

/// What the calibrated model reads from a territory whatever its parameters: commune areas, commune points by
/// place, and a spatial index of commune points per CRS zone (built once, shared by the fits of a
/// calibration).
struct CommuneGeography: Sendable {
    /// Boundary area of each commune, km² (0 without a boundary).
    let areasKm2: [Double]
    /// Commune index of each commune point (the lowest index when two share a point).
    let atPlace: [Place: Int]
    let trees: [Int: (tree: KDTree, communes: [Int])]

    init(territory: Territory) {
        areasKm2 = territory.communes.indices.map { (territory.boundary(at: $0)?.area ?? 0) / 1_000_000 }
        var atPlace: [Place: Int] = [:]
        atPlace.reserveCapacity(territory.count)
        var byZone: [Int: [Int]] = [:]
        for (i, c) in territory.communes.enumerated() {
            if atPlace[c.place] == nil { atPlace[c.place] = i }
            byZone[c.crs.epsg, default: []].append(i)
        }
        self.atPlace = atPlace
        trees = byZone.mapValues { indices in
            (KDTree(points: indices.map { Point2D(x: territory.communes[$0].point.x, y: territory.communes[$0].point.y) }), indices)
        }
    }
}
