import Synchronization

/// A travel model that remembers each site's catchment row: what a sweep needs, where thousands of tasks ask
/// for the catchments of nearly the same sites (retirement draws change capacities, never places).
///
/// A site's row (the origins within the threshold and their minutes) depends only on the site's place, the
/// origins and the threshold, for every model of this package (crow-fly, calibrated, road network, OD matrix:
/// each row is searched on its own). So for the same origins and threshold as the first call, the rows of
/// sites already seen are copied and only new places are searched, with `model`; the result equals
/// `model.catchments(from:to:within:)` exactly. Other origins or thresholds go to `model` unchanged and are
/// not remembered. ``nearest(from:to:)`` and ``minutes(between:)`` are `model`'s.
///
/// ```swift
/// let memo = CatchmentMemo(model: try CalibratedModel(parameters: p, territory: t))
/// let c = try memo.catchments(from: sites, to: communes, within: 20)   // searched
/// let d = try memo.catchments(from: sites, to: communes, within: 20)   // copied: d == c
/// ```
/// Memory: the rows of every distinct site place seen (12 bytes per pair). Thread-safe: rows are searched
/// outside the lock and added under it.
public final class CatchmentMemo: TravelTimeModel, Sendable {
    /// The model whose rows are remembered.
    public let model: any TravelTimeModel

    private struct Rows {
        var origins: [Place]
        var threshold: Double
        var rowOfPlace: [Place: (demand: [Int32], minutes: [Double])] = [:]
    }

    private let state = Mutex<Rows?>(nil)

    /// Wraps `model`; nothing is remembered until the first ``catchments(from:to:within:)`` call.
    public init(model: any TravelTimeModel) {
        self.model = model
    }

    /// The wrapped model's summary.
    public var summary: String { model.summary }
    /// The wrapped model's summary as figures, so that a report built on the memo words it in its own language.
    public var summaryParts: TravelModelSummary { model.summaryParts }
    /// The wrapped model's caveats.
    public var caveats: [TravelCaveat] { model.caveats }
    /// The wrapped model's typical error, minutes (nil when not measured).
    public var typicalErrorMinutes: Double? { model.typicalErrorMinutes }

    /// The wrapped model's nearest sites, not remembered.
    public func nearest(from origins: [Place], to sites: [Place]) throws -> [NearestFacility] {
        try model.nearest(from: origins, to: sites)
    }

    /// The wrapped model's minutes per pair, not remembered.
    public func minutes(between pairs: [PlacePair]) throws -> [Double] {
        try model.minutes(between: pairs)
    }

    /// Distinct site places remembered so far (0 before the first call).
    public var rememberedSites: Int { state.withLock { $0?.rowOfPlace.count ?? 0 } }

    /// The wrapped model's catchments within `minutes` (inclusive): remembered rows are copied when `origins` and
    /// `minutes` are those of the first call, other calls go to `model` unchanged. Throws what `model` throws.
    public func catchments(from sites: [Place], to origins: [Place], within minutes: Double) throws -> Catchments {
        // The remembered rows, when they are for these origins and this threshold (the first call fixes both).
        let known: [Place: (demand: [Int32], minutes: [Double])]? = state.withLock { rows in
            if rows == nil { rows = Rows(origins: origins, threshold: minutes) }
            guard let rows, rows.threshold == minutes, rows.origins == origins else { return nil }
            return rows.rowOfPlace
        }
        guard var known else { return try model.catchments(from: sites, to: origins, within: minutes) }
        var missing: [Place] = []
        var seen = Set<Place>()
        for s in sites where known[s] == nil && seen.insert(s).inserted { missing.append(s) }
        if !missing.isEmpty {
            let fresh = try model.catchments(from: missing, to: origins, within: minutes)
            var found: [Place: (demand: [Int32], minutes: [Double])] = [:]
            for (j, place) in missing.enumerated() {
                let r = fresh.range(of: j)
                found[place] = (Array(fresh.demand[r]), Array(fresh.minutes[r]))
            }
            known.merge(found) { old, _ in old }
            state.withLock { rows in
                guard rows?.threshold == minutes, rows?.origins == origins else { return }
                rows?.rowOfPlace.merge(found) { old, _ in old }
            }
        }
        var offsets = [0], demand: [Int32] = [], kept: [Double] = []
        offsets.reserveCapacity(sites.count + 1)
        for s in sites {
            if let row = known[s] {
                demand.append(contentsOf: row.demand)
                kept.append(contentsOf: row.minutes)
            }
            offsets.append(demand.count)
        }
        return Catchments(threshold: minutes, offsets: offsets, demand: demand, minutes: kept)
    }
}
