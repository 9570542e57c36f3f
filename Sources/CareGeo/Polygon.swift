/// A planar polygon: an exterior ring followed by zero or more holes.
///
/// Rings are stored as decoded from WKB, normally closed (first == last); every algorithm
/// here also accepts open rings. Orientation does not matter.
///
/// ```swift
/// let square = Polygon(exterior: [XY(x: 0, y: 0), XY(x: 4, y: 0), XY(x: 4, y: 4), XY(x: 0, y: 4), XY(x: 0, y: 0)])
/// square.area                      // 16
/// square.contains(XY(x: 1, y: 1))  // true
/// ```
public struct Polygon: Sendable, Equatable {
    /// Rings: the first is the exterior, the others are holes.
    public var rings: [[XY]]

    /// Creates a polygon from its rings (exterior first).
    public init(rings: [[XY]]) {
        self.rings = rings
    }

    /// Creates a polygon from an exterior ring and holes.
    public init(exterior: [XY], holes: [[XY]] = []) {
        self.rings = [exterior] + holes
    }

    /// The exterior ring (empty for an empty polygon).
    public var exterior: [XY] { rings.first ?? [] }

    /// Planar area in coordinate units², holes subtracted (shoelace; orientation-independent).
    ///
    /// Complexity: O(vertices).
    public var area: Double {
        guard let exterior = rings.first else { return 0 }
        var area = abs(Ring.signedArea(exterior))
        for hole in rings.dropFirst() { area -= abs(Ring.signedArea(hole)) }
        return area
    }

    /// The y of the area centroid (holes subtracted); NaN for zero area.
    ///
    /// Complexity: O(vertices).
    var centroidY: Double {
        var area = 0.0, moment = 0.0
        for (index, ring) in rings.enumerated() {
            let (a, cy) = Ring.areaAndCentroidY(ring)
            guard a != 0 else { continue }
            let weight = index == 0 ? abs(a) : -abs(a)
            area += weight
            moment += weight * cy
        }
        return area > 0 ? moment / area : .nan
    }

    /// Bounding box of all finite vertices; `nil` when there are none.
    public var boundingBox: BoundingBox? { BoundingBox(points: rings.joined()) }

    /// Whether `p` is inside by the even-odd rule over all rings (points exactly on an edge may go either way).
    ///
    /// Complexity: O(vertices).
    public func contains(_ p: XY) -> Bool {
        var count = 0
        for ring in rings { count += Ring.crossings(ring, p) }
        return count % 2 == 1
    }

    /// Planar distance from `p` to the nearest edge of any ring (`infinity` for an empty polygon).
    ///
    /// Complexity: O(vertices).
    public func distanceToBoundary(_ p: XY) -> Double {
        var best = Double.infinity
        for ring in rings { best = Swift.min(best, Ring.squaredDistance(ring, p)) }
        return best.squareRoot()
    }
}
