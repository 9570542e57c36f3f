/// A WGS84 geographic position in decimal degrees, longitude first.
///
/// ```swift
/// let privas = LonLat(lon: 4.5986, lat: 44.7356)
/// ```
public struct LonLat: Hashable, Sendable {
    /// Longitude in degrees, positive east.
    public var lon: Double
    /// Latitude in degrees, positive north.
    public var lat: Double

    /// Creates a position from longitude and latitude in degrees.
    public init(lon: Double, lat: Double) {
        self.lon = lon
        self.lat = lat
    }

    /// Creates a position from a coordinate whose x is the longitude and y the latitude.
    ///
    /// ```swift
    /// LonLat(XY(x: 4.6, y: 44.7))   // LonLat(lon: 4.6, lat: 44.7)
    /// ```
    public init(_ p: XY) {
        self.init(lon: p.x, lat: p.y)
    }
}
