import CareGeo

/// A located point as travel-time models see it: projected coordinates in a CRS. Points in different CRSs
/// (metropolitan France and each overseas département) never reach each other.
public struct Place: Sendable, Hashable {
    /// Projected coordinates in ``crs``, metres.
    public var point: ProjectedPoint
    /// The projected CRS of the point (Lambert-93 in metropolitan France, a local one overseas).
    public var crs: CRS

    /// Creates a place from its parts.
    public init(point: ProjectedPoint, crs: CRS) {
        self.point = point
        self.crs = crs
    }
}

extension Commune {
    /// The commune's representative point (``Commune/point``) in its CRS, for the travel-time models.
    public var place: Place { Place(point: point, crs: crs) }
}

extension SupplySite {
    /// The site's point in its CRS, for the travel-time models.
    public var place: Place { Place(point: point, crs: crs) }
}
