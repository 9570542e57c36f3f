/// A way of turning places into travel times, in minutes. Coverage, accessibility indicators and placement
/// only see this protocol, so a road network or an origin–destination matrix plugs in beside the crow-fly model.
public protocol TravelTimeModel: Sendable {
    /// Short description for reports, e.g. `"crow-fly, 60 km/h, circuity 1.3"`.
    var summary: String { get }

    /// For every origin, the site reachable in the least time. Ties are broken by the lowest site index.
    /// Sites with no capacity must be filtered by the caller.
    func nearest(from origins: [Place], to sites: [Place]) throws -> [NearestFacility]

    /// For every site, the origins reachable within `minutes` (inclusive), as a compact table.
    /// Floating-catchment indicators and placement use it.
    func catchments(from sites: [Place], to origins: [Place], within minutes: Double) throws -> Catchments

    /// Minutes from each pair's origin to its destination (`+infinity` when unreachable): what
    /// `careaccess travel pairs` prints and `travel validate` compares with observed trips.
    func minutes(between pairs: [PlacePair]) throws -> [Double]

    /// What the model is known to get wrong, for every output that uses it (renderers give the words).
    var caveats: [TravelCaveat] { get }

    /// The model's typical error in minutes against observed drive times (a held-out mean absolute error),
    /// when it has been measured: coverage counts the communes that close to the threshold.
    var typicalErrorMinutes: Double? { get }

    /// ``summary`` as figures, for reports in other languages; by default the English line (`.text`).
    var summaryParts: TravelModelSummary { get }
}

extension TravelTimeModel {
    /// By default the error is not measured (`nil`): coverage then counts no communes as near the threshold.
    public var typicalErrorMinutes: Double? { nil }
    /// By default the English ``summary`` line, untranslated.
    public var summaryParts: TravelModelSummary { .text(summary) }
}

/// An origin and a destination, for ``TravelTimeModel/minutes(between:)``.
public struct PlacePair: Sendable, Hashable {
    /// The place the trip starts from.
    public var origin: Place
    /// The place the trip ends at.
    public var destination: Place

    /// Creates a pair from its origin and destination.
    public init(origin: Place, destination: Place) {
        self.origin = origin
        self.destination = destination
    }
}
