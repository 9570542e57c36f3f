/// A set of polygons (e.g. a commune with islands), with a cached bounding box.
///
/// ```swift
/// let commune = MultiPolygon(polygons: [mainland, island])
/// commune.area                                   // sum of the parts, holes subtracted
/// commune.contains(XY(x: 826_554, y: 6_405_333))
/// ```
public struct MultiPolygon: Sendable, Equatable {
    /// The parts; assigning recomputes ``boundingBox``.
    public var polygons: [Polygon] {
        didSet { boundingBox = BoundingBox(points: polygons.lazy.flatMap { $0.rings.joined() }) }
    }

    /// Bounding box of all finite vertices, `nil` when empty; kept up to date with ``polygons``.
    public private(set) var boundingBox: BoundingBox?

    /// Creates a multipolygon. Complexity: O(vertices) for the bounding box.
    public init(polygons: [Polygon]) {
        self.polygons = polygons
        self.boundingBox = BoundingBox(points: polygons.lazy.flatMap { $0.rings.joined() })
    }

    /// Equality of the parts (the cached box is derived from them).
    public static func == (lhs: MultiPolygon, rhs: MultiPolygon) -> Bool {
        lhs.polygons == rhs.polygons
    }

    /// Planar area in coordinate units², holes subtracted.
    ///
    /// Complexity: O(vertices).
    public var area: Double {
        polygons.reduce(0) { $0 + $1.area }
    }

    /// Whether `p` is inside by the even-odd rule over all rings of all parts, after a bounding-box check.
    ///
    /// ```swift
    /// squareWithHole.contains(XY(x: 5, y: 5))   // false: in the hole
    /// ```
    /// Complexity: O(1) outside the box, else O(vertices).
    public func contains(_ p: XY) -> Bool {
        guard let box = boundingBox, box.contains(p) else { return false }
        var count = 0
        for polygon in polygons {
            for ring in polygon.rings { count += Ring.crossings(ring, p) }
        }
        return count % 2 == 1
    }

    /// Planar distance from `p` to the nearest edge (`infinity` when empty).
    ///
    /// ```swift
    /// unitSquare.distanceToBoundary(XY(x: 0.5, y: 0.25))   // 0.25
    /// ```
    /// Complexity: O(vertices).
    public func distanceToBoundary(_ p: XY) -> Double {
        polygons.reduce(Double.infinity) { Swift.min($0, $1.distanceToBoundary(p)) }
    }

    /// A copy with `transform` applied to every vertex (e.g. a projection), in ring order.
    ///
    /// ```swift
    /// let metres = try shape.mapCoordinates { XY(try l93.forward(LonLat($0))) }
    /// ```
    /// Complexity: O(vertices).
    public func mapCoordinates<E: Error>(_ transform: (XY) throws(E) -> XY) throws(E) -> MultiPolygon {
        var result: [Polygon] = []
        result.reserveCapacity(polygons.count)
        for polygon in polygons {
            var rings: [[XY]] = []
            rings.reserveCapacity(polygon.rings.count)
            for ring in polygon.rings {
                var mapped: [XY] = []
                mapped.reserveCapacity(ring.count)
                for p in ring { mapped.append(try transform(p)) }
                rings.append(mapped)
            }
            result.append(Polygon(rings: rings))
        }
        return MultiPolygon(polygons: result)
    }
}
