/// An axis-aligned rectangle in the units of its coordinates (bounds inclusive).
///
/// ```swift
/// let box = BoundingBox(points: [XY(x: 0, y: 0), XY(x: 4, y: 2)])   // (0, 0)–(4, 2)
/// box?.contains(XY(x: 1, y: 1))                                    // true
/// ```
public struct BoundingBox: Hashable, Sendable {
    /// Smallest x.
    public var minX: Double
    /// Smallest y.
    public var minY: Double
    /// Largest x.
    public var maxX: Double
    /// Largest y.
    public var maxY: Double

    /// Creates a box from its bounds.
    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    /// The smallest box holding the finite points of `points`; `nil` if there are none.
    ///
    /// Complexity: O(n).
    public init?(points: some Sequence<XY>) {
        var minX = Double.infinity, minY = Double.infinity
        var maxX = -Double.infinity, maxY = -Double.infinity
        for p in points where p.x.isFinite && p.y.isFinite {
            minX = Swift.min(minX, p.x); maxX = Swift.max(maxX, p.x)
            minY = Swift.min(minY, p.y); maxY = Swift.max(maxY, p.y)
        }
        guard minX <= maxX else { return nil }
        self.init(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
    }

    /// Width (`maxX - minX`).
    public var width: Double { maxX - minX }
    /// Height (`maxY - minY`).
    public var height: Double { maxY - minY }

    /// Whether `p` lies inside or on the edge of the box.
    public func contains(_ p: XY) -> Bool {
        p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY
    }

    /// Whether the two boxes share a point (edges included).
    public func intersects(_ other: BoundingBox) -> Bool {
        other.maxX >= minX && other.minX <= maxX && other.maxY >= minY && other.minY <= maxY
    }

    /// The box widened by `margin` on every side.
    public func expanded(by margin: Double) -> BoundingBox {
        BoundingBox(minX: minX - margin, minY: minY - margin, maxX: maxX + margin, maxY: maxY + margin)
    }

    /// The smallest box holding both boxes.
    public func union(_ other: BoundingBox) -> BoundingBox {
        BoundingBox(
            minX: Swift.min(minX, other.minX), minY: Swift.min(minY, other.minY),
            maxX: Swift.max(maxX, other.maxX), maxY: Swift.max(maxY, other.maxY))
    }
}
