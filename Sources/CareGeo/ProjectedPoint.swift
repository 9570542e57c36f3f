/// A point in a projected CRS: easting and northing in metres.
///
/// ```swift
/// let p = ProjectedPoint(x: 826_554.5666, y: 6_405_333.3411)   // Privas in Lambert-93
/// ```
public struct ProjectedPoint: Hashable, Sendable {
    /// Easting in metres.
    public var x: Double
    /// Northing in metres.
    public var y: Double

    /// Creates a projected point from easting and northing in metres.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// Creates a projected point from a coordinate whose x is the easting and y the northing.
    public init(_ p: XY) {
        self.init(x: p.x, y: p.y)
    }
}
