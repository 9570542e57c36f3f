/// A travel time someone measured: from an origin to a destination, in minutes (e.g. an INSEE METRIC
/// commune-to-commune drive time published by DREES). The yardstick of ``TravelCalibration`` and
/// `careaccess travel validate`.
///
/// ```swift
/// let trip = ObservedTrip(origin: a.place, destination: b.place, minutes: 18,
///                         originCode: "01002", destinationCode: "01004", line: 3)
/// ```
public struct ObservedTrip: Sendable, Hashable {
    /// Where the trip starts, as placed for the travel-time models.
    public var origin: Place
    /// Where the trip ends.
    public var destination: Place
    /// Observed minutes (> 0).
    public var minutes: Double
    /// Commune codes of the ends when the trip was given by commune (as placed: after remapping).
    public var originCode: String?
    /// Commune code of the destination, when the trip was given by commune (after remapping).
    public var destinationCode: String?
    /// Line of the source file the trip comes from.
    public var line: Int

    /// Creates a trip from its parts, unchecked (the reader checks that `minutes` is > 0).
    public init(origin: Place, destination: Place, minutes: Double, originCode: String? = nil,
                destinationCode: String? = nil, line: Int = 0) {
        self.origin = origin
        self.destination = destination
        self.minutes = minutes
        self.originCode = originCode
        self.destinationCode = destinationCode
        self.line = line
    }

    /// What cross-validation groups trips by: the origin commune, else the origin point.
    public var originKey: String {
        originCode ?? "\(origin.crs.epsg):\(origin.point.x),\(origin.point.y)"
    }

    /// Straight-line distance between the ends, metres (infinite across CRS zones).
    public var metres: Double {
        guard origin.crs == destination.crs else { return .infinity }
        let dx = destination.point.x - origin.point.x, dy = destination.point.y - origin.point.y
        return (dx * dx + dy * dy).squareRoot()
    }
}
