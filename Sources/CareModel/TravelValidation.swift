/// A travel model's modelled minutes set against observed trips, summarised overall, by observed-time band
/// (0–10, 10–20, 20–30, > 30 min) and by the origin's département: what `careaccess travel validate` prints
/// and what `travel calibrate` reports for its held-out predictions.
///
/// ```swift
/// let v = try TravelValidation(model: model, trips: observed.trips, territory: territory)
/// print(v.upTo30Minutes.medianRelativeError, v.departements.first?.summary.bias ?? 0)
/// ```
/// Complexity: that of the model's ``TravelTimeModel/minutes(between:)`` plus O(n log n).
public struct TravelValidation: Sendable {
    /// Modelled minutes of each trip (`+infinity` when the model cannot reach it).
    public var modelled: [Double]
    /// Error figures over every trip.
    public var all: TravelErrorSummary
    /// Trips of at most 30 observed minutes: the range of coverage thresholds (the headline).
    public var upTo30Minutes: TravelErrorSummary
    /// By observed-time band (`0–10 min`, `10–20 min`, `20–30 min`, `> 30 min`; lower bound exclusive, upper
    /// inclusive), with the band's label.
    public var bands: [(label: String, summary: TravelErrorSummary)]
    /// By département of the origin commune, sorted by code; trips whose origin is no commune are left out.
    public var departements: [(code: String, summary: TravelErrorSummary)]

    /// Upper bounds of the observed-time bands, minutes (the last band is open).
    public static let bandLimits: [Double] = [10, 20, 30]

    /// Runs `model` on the trips.
    public init(model: any TravelTimeModel, trips: [ObservedTrip], territory: Territory) throws {
        let modelled = try model.minutes(between: trips.map { PlacePair(origin: $0.origin, destination: $0.destination) })
        self.init(trips: trips, modelled: modelled, territory: territory)
    }

    /// Summarises given modelled minutes (one per trip, e.g. held-out predictions).
    public init(trips: [ObservedTrip], modelled: [Double], territory: Territory) {
        precondition(trips.count == modelled.count, "one modelled time per trip")
        self.modelled = modelled
        let observed = trips.map(\.minutes)
        func summary(_ indices: [Int]) -> TravelErrorSummary {
            TravelErrorSummary(observed: indices.map { observed[$0] }, modelled: indices.map { modelled[$0] })
        }
        all = TravelErrorSummary(observed: observed, modelled: modelled)
        upTo30Minutes = summary(trips.indices.filter { observed[$0] <= 30 })
        var bands: [(String, TravelErrorSummary)] = []
        var lower = 0.0
        for upper in Self.bandLimits {
            bands.append(("\(Int(lower))–\(Int(upper)) min", summary(trips.indices.filter { observed[$0] > lower && observed[$0] <= upper })))
            lower = upper
        }
        bands.append(("> \(Int(lower)) min", summary(trips.indices.filter { observed[$0] > lower })))
        self.bands = bands
        var byDepartement: [String: [Int]] = [:]
        for (k, t) in trips.enumerated() {
            guard let code = t.originCode, let i = territory.index(ofCode: code) else { continue }
            byDepartement[territory.communes[i].departement, default: []].append(k)
        }
        departements = byDepartement.keys.sorted().map { ($0, summary(byDepartement[$0] ?? [])) }
    }

    /// Départements with at least `minimumTrips` trips of at most 30 observed minutes that the model reaches,
    /// with that summary.
    public func departementsUpTo30(trips: [ObservedTrip], territory: Territory, minimumTrips: Int)
        -> [(code: String, summary: TravelErrorSummary)]
    {
        var byDepartement: [String: [Int]] = [:]
        for (k, t) in trips.enumerated() where t.minutes <= 30 {
            guard let code = t.originCode, let i = territory.index(ofCode: code) else { continue }
            byDepartement[territory.communes[i].departement, default: []].append(k)
        }
        return byDepartement.keys.sorted().compactMap { code in
            let indices = byDepartement[code] ?? []
            let s = TravelErrorSummary(observed: indices.map { trips[$0].minutes }, modelled: indices.map { modelled[$0] })
            return s.trips >= minimumTrips ? (code, s) : nil
        }
    }
}
