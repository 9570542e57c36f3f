/// A WGS84 bounding box in degrees where a CRS is meant to be used.
///
/// ```swift
/// let area = try Projection(to: .lambert93).areaOfUse
/// area.contains(LonLat(lon: 4.6, lat: 44.7))   // true
/// ```
public struct AreaOfUse: Hashable, Sendable {
    /// Western bound, degrees longitude.
    public var west: Double
    /// Southern bound, degrees latitude.
    public var south: Double
    /// Eastern bound, degrees longitude (smaller than `west` when the area crosses the antimeridian).
    public var east: Double
    /// Northern bound, degrees latitude.
    public var north: Double
    /// PROJ's name of the area, e.g. "France - onshore and offshore, mainland and Corsica ...".
    public var name: String

    /// Creates an area from its bounds.
    public init(west: Double, south: Double, east: Double, north: Double, name: String = "") {
        self.west = west
        self.south = south
        self.east = east
        self.north = north
        self.name = name
    }

    /// Whether `p` lies in the area enlarged by `marginDegrees` on every side; false for non-finite input.
    public func contains(_ p: LonLat, marginDegrees: Double = 0) -> Bool {
        guard p.lon.isFinite, p.lat.isFinite else { return false }
        guard p.lat >= south - marginDegrees, p.lat <= north + marginDegrees else { return false }
        if west <= east {
            return p.lon >= west - marginDegrees && p.lon <= east + marginDegrees
        }
        // Crosses the antimeridian.
        return p.lon >= west - marginDegrees || p.lon <= east + marginDegrees
    }
}
