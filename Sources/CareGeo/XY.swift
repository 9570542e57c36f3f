/// A 2-D coordinate in some coordinate reference system (lon/lat degrees or projected metres).
///
/// ```swift
/// let p = XY(x: 826_554.57, y: 6_405_333.34)
/// ```
public struct XY: Hashable, Sendable {
    /// The first coordinate (longitude or easting).
    public var x: Double
    /// The second coordinate (latitude or northing).
    public var y: Double

    /// Creates a coordinate from its two components.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// Creates a coordinate from a longitude/latitude pair (x = lon, y = lat).
    ///
    /// ```swift
    /// XY(LonLat(lon: 4.6, lat: 44.7))   // XY(x: 4.6, y: 44.7)
    /// ```
    public init(_ p: LonLat) {
        self.init(x: p.lon, y: p.lat)
    }

    /// Creates a coordinate from a projected point (x = easting, y = northing).
    public init(_ p: ProjectedPoint) {
        self.init(x: p.x, y: p.y)
    }
}
