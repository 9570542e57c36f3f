/// A point in a projected plane, in metres (for example Lambert-93, EPSG:2154).
///
/// ```swift
/// let gp = Point2D(x: 842_000, y: 6_520_000)
/// ```
///
/// Complexity: O(1) storage and comparisons.
public struct Point2D: Hashable, Sendable {
    /// Easting, metres.
    public var x: Double
    /// Northing, metres.
    public var y: Double

    /// Creates a point from its projected coordinates.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// Whether both coordinates are finite (neither NaN nor infinite).
    @inlinable
    public var isFinite: Bool { x.isFinite && y.isFinite }

    /// The squared Euclidean distance to `other`, computed exactly as `dx * dx + dy * dy` with
    /// `dx = other.x - x`, `dy = other.y - y` (two roundings per product, one per sum, no FMA).
    ///
    /// ```swift
    /// Point2D(x: 0, y: 0).squaredDistance(to: Point2D(x: 3, y: 4)) // 25
    /// ```
    ///
    /// This is the quantity every CareKernel index orders and breaks ties on.
    /// Complexity: O(1).
    @inlinable
    public func squaredDistance(to other: Point2D) -> Double {
        let dx = x - other.x
        let dy = y - other.y
        return dx * dx + dy * dy
    }
}
