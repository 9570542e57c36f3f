import CareKernel
import Foundation

/// Drive times without a road network, from a model fit to observed trips (``TravelCalibration``): a
/// national log–log curve of straight-line distance, corrected for each end's département and population
/// density and for the region crossed (a smooth ``TravelField``). Fit on INSEE METRIC times (DREES 2019),
/// it is the default travel model of CareAccess for France; the formula is given by ``CalibratedParameters``.
///
/// Places on land masses with no road between them (islands without a bridge, from the commune boundaries
/// and the observed trips) are unreachable from each other, as are places in different CRS zones; a place
/// reaches a site at its own point in 0 minutes.
///
/// ```swift
/// let model = try CalibratedModel(parameters: p, territory: study.territory)
/// let nearest = try model.nearest(from: communes.map(\.place), to: sites.map(\.place))
/// ```
/// - ``nearest(from:to:)``: per origin, the straight-line nearest site gives an upper bound `m₀`; every site
///   within the origin's own ``TravelTimeBound`` radius of `m₀` (from its density term and the least field
///   value within reach) is then evaluated (exact: ties to the lowest site index).
/// - ``catchments(from:to:within:)``: per site, every origin within the site's own radius of the threshold is
///   evaluated and kept when `minutes ≤ threshold`.
/// Complexity: O(log m + c) per origin for c candidate sites; both searches run in parallel.
public struct CalibratedModel: TravelTimeModel {
    /// The fitted parameters, already checked by ``CalibratedParameters/problem()``.
    public let parameters: CalibratedParameters
    let context: TravelContext
    let bound: TravelTimeBound
    /// ``CalibratedParameters/BaseTerms/knotsKm`` in logs, and the constants of the hot loop.
    let logKnots: [Double]
    let curve: CalibratedParameters.BaseTerms
    let fields: [TravelField]
    /// The fields flattened for ``PairKernel``.
    let fieldGeometry: [PairKernel.FieldGeometry]
    let fieldValues: [Double]
    let samePlaceMetres: Double, minimumKm: Double, maximumKm: Double, logReferenceKm: Double, smearing: Double
    /// Threads for the parallel searches and pair evaluation (at least 1).
    public var threads: Int

    /// Binds the parameters to a territory (densities, départements, land masses of its communes).
    /// Throws when the parameters are not usable (``CalibratedParameters/problem()``).
    public init(parameters: CalibratedParameters, territory: Territory, threads: Int = KDTree.defaultThreadCount)
        throws(ModelError)
    {
        try self.init(parameters: parameters, territory: territory, geography: nil, threads: threads)
    }

    /// The same, reusing the territory's ``CommuneGeography`` (calibration builds it once for all its fits).
    init(parameters: CalibratedParameters, territory: Territory, geography: CommuneGeography?, threads: Int)
        throws(ModelError)
    {
        if let problem = parameters.problem() {
            throw .invalidParameter(name: "travel model", value: parameters.name, reason: problem)
        }
        self.parameters = parameters
        context = TravelContext(parameters: parameters, territory: territory, geography: geography)
        bound = TravelTimeBound(parameters: parameters, ends: context.communeEnds)
        logKnots = parameters.base.knotsKm.map { log($0) }
        curve = parameters.base
        fields = parameters.fields
        var geometry: [PairKernel.FieldGeometry] = [], values: [Double] = []
        for f in parameters.fields {
            geometry.append(.init(originX: f.originX, originY: f.originY, cellMetres: f.cellMetres, columns: f.columns,
                                  rows: f.rows, offset: values.count))
            values += f.values
        }
        fieldGeometry = geometry
        fieldValues = values
        samePlaceMetres = parameters.distance.samePlaceMetres
        minimumKm = parameters.distance.minimumKm
        maximumKm = parameters.distance.maximumKm
        logReferenceKm = log(parameters.reference.distanceKm)
        smearing = parameters.smearing
        self.threads = Swift.max(1, threads)
    }

    /// The parameters' one-line description (``CalibratedParameters/summary``): name and held-out error.
    public var summary: String { parameters.summary }
    /// ``summary`` as figures: the model name and the held-out error on trips ≤ 30 min, when measured.
    public var summaryParts: TravelModelSummary {
        .calibrated(name: parameters.name, heldOut: parameters.heldOut.map {
            .init(folds: $0.folds, medianRelativeError: $0.upTo30Minutes.medianRelativeError,
                  meanAbsoluteError: $0.upTo30Minutes.meanAbsoluteError, bias: $0.upTo30Minutes.bias)
        })
    }

    /// The parameters' caveats (``CalibratedParameters/caveats``): calibration source, held-out error, islands.
    public var caveats: [TravelCaveat] { parameters.caveats }

    /// The held-out mean absolute error on trips of at most 30 observed minutes.
    public var typicalErrorMinutes: Double? { parameters.heldOut?.upTo30Minutes.meanAbsoluteError }

    /// Communes of the territory whose density fell back to the model's default (no boundary).
    public var communesWithoutArea: Int { context.communesWithoutArea }
    /// Communes of the territory on a land mass without a road to the rest of their zone.
    public var communesOnIsolatedLand: Int { context.communesOnIsolatedLand }

    /// Minutes from `o` to `s` (the origin and destination roles differ only in the density terms).
    func minutes(from o: TravelEnd, to s: TravelEnd) -> Double {
        withKernel { $0.minutes(from: o, to: s) }
    }

    /// Modelled minutes per pair, in parallel; `+infinity` between land masses without a road or different CRS zones.
    public func minutes(between pairs: [PlacePair]) throws -> [Double] {
        let origins = context.ends(for: pairs.map(\.origin), threads: threads)
        let destinations = context.ends(for: pairs.map(\.destination), threads: threads)
        let threads = self.threads
        return withKernel { kernel in
            ParallelChunks.map(count: pairs.count, chunkSize: 1_024, threads: threads) { range in
                range.map { kernel.minutes(from: origins[$0], to: destinations[$0]) }
            }
        }
    }

    /// For every origin, the site with the fewest modelled minutes (exact, ties: lowest site index), with its
    /// straight-line metres; ``NearestFacility/unreachable`` when no site shares its zone and land mass.
    public func nearest(from origins: [Place], to sites: [Place]) throws -> [NearestFacility] {
        let originEnds = context.ends(for: origins, threads: threads)
        let siteEnds = context.ends(for: sites, threads: threads)
        let groups = Self.groups(of: siteEnds)
        let (bound, threads, model) = (self.bound, self.threads, self)
        return withKernel { kernel in
            ParallelChunks.map(count: origins.count, chunkSize: 256, threads: threads) { range in
                // As in ``catchments(from:to:within:)``: the group is copied only when it changes.
                var groupKey: GroupKey?
                var group: (tree: KDTree, sites: [Int])?
                return range.map { i -> NearestFacility in
                    let o = originEnds[i]
                    if groupKey != GroupKey(o) {
                        groupKey = GroupKey(o)
                        group = groups[GroupKey(o)]
                    }
                    guard let group else { return .unreachable }
                    let q = Point2D(x: o.x, y: o.y)
                    guard let first = group.tree.nearest(to: q) else { return .unreachable }
                    let upperBound = kernel.minutes(from: o, to: siteEnds[group.sites[first.index]])
                    var best = NearestFacility.unreachable
                    var reach = bound.radius(forMinutes: upperBound)
                    if o.field >= 0, reach.isFinite {
                        // The origin's own terms: a tighter radius (``TravelTimeBound/radius(forMinutes:end:asOrigin:localField:)``).
                        let local = model.fields[Int(o.field)].minimum(aroundX: o.x, y: o.y, radius: reach)
                        reach = Swift.min(reach, bound.radius(forMinutes: upperBound, end: o, asOrigin: true, localField: local))
                    }
                    for n in group.tree.neighbors(of: q, within: reach) {
                        let j = group.sites[n.index]
                        // Sites certainly slower than the best so far are skipped before their field term.
                        let m = kernel.minutes(from: o, to: siteEnds[j], limit: best.minutes)
                        if m < best.minutes || (m == best.minutes && m.isFinite && j < (best.site ?? Int.max)) {
                            best = NearestFacility(site: j, minutes: m, metres: n.distance)
                        }
                    }
                    return best
                }
            }
        }
    }

    /// For every site, the origins within `threshold` modelled minutes (inclusive). Throws
    /// ``ModelError/invalidParameter(name:value:reason:)`` when `threshold` is not finite and ≥ 0.
    public func catchments(from sites: [Place], to origins: [Place], within threshold: Double) throws -> Catchments {
        guard threshold.isFinite, threshold >= 0 else {
            throw ModelError.invalidParameter(name: "threshold", value: "\(threshold)", reason: "must be a finite number of minutes ≥ 0")
        }
        let originEnds = context.ends(for: origins, threads: threads)
        let siteEnds = context.ends(for: sites, threads: threads)
        let radius = bound.radius(forMinutes: threshold)
        let threads = self.threads
        // Each site's own radius: its density term and the field within reach can only lengthen its trips.
        let siteRadius = siteEnds.map { s -> Double in
            let local = s.field >= 0 ? fields[Int(s.field)].minimum(aroundX: s.x, y: s.y, radius: radius) : 0
            return Swift.min(radius, bound.radius(forMinutes: threshold, end: s, asOrigin: false, localField: local))
        }
        // Candidates: origins of the site's land mass within the site's radius, from a fixed-radius grid per
        // mass (cells half the bound's radius), queried site by site.
        var members: [GroupKey: [Int]] = [:]
        for (i, e) in originEnds.enumerated() { members[GroupKey(e), default: []].append(i) }
        let grids = members.mapValues { origins in
            (grid: FixedRadiusGrid(points: origins.map { Point2D(x: originEnds[$0].x, y: originEnds[$0].y) },
                                   cellSize: Swift.max(radius / 2, 1)), origins: origins)
        }
        let rows = withKernel { kernel in
            ParallelChunks.map(count: sites.count, chunkSize: 64, threads: threads) { range in
                // The group is looked up again only when it changes (sites come mostly in one group): copying it
                // per site retains its arrays from every thread at once, which cost more than the queries.
                var groupKey: GroupKey?
                var group: (grid: FixedRadiusGrid, origins: [Int])?
                return range.map { j -> [(Int32, Double)] in
                    let s = siteEnds[j]
                    if groupKey != GroupKey(s) {
                        groupKey = GroupKey(s)
                        group = grids[GroupKey(s)]
                    }
                    guard let group else { return [] }
                    var row: [(Int32, Double)] = []
                    for n in group.grid.neighbors(of: Point2D(x: s.x, y: s.y), within: siteRadius[j]) {
                        let i = group.origins[n.index]
                        let m = kernel.minutes(from: originEnds[i], to: s, limit: threshold)
                        if m <= threshold { row.append((Int32(i), m)) }
                    }
                    row.sort { $0.0 < $1.0 }
                    return row
                }
            }
        }
        var offsets = [0], demand: [Int32] = [], minutes: [Double] = []
        offsets.reserveCapacity(sites.count + 1)
        for row in rows {
            for (i, m) in row { demand.append(i); minutes.append(m) }
            offsets.append(demand.count)
        }
        return Catchments(threshold: threshold, offsets: offsets, demand: demand, minutes: minutes)
    }

    /// Places grouped by CRS zone and land mass (pairs across groups are unreachable).
    struct GroupKey: Hashable {
        var epsg: Int
        var land: Int32
        init(_ e: TravelEnd) { epsg = e.epsg; land = e.land }
    }

    /// A spatial index per group over `ends`, with each tree point's index in `ends`.
    static func groups(of ends: [TravelEnd]) -> [GroupKey: (tree: KDTree, sites: [Int])] {
        var members: [GroupKey: [Int]] = [:]
        for (j, e) in ends.enumerated() { members[GroupKey(e), default: []].append(j) }
        return members.mapValues { indices in
            (KDTree(points: indices.map { Point2D(x: ends[$0].x, y: ends[$0].y) }), indices)
        }
    }
}
