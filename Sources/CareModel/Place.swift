import CareGeo

/// A located point as travel-time models see it: projected coordinates in a CRS. Points in different CRSs
/// (metropolitan France and each overseas département) never reach each other.
public struct Place: Sendable, Hashable {
    public var point: ProjectedPoint
    public var crs: CRS

    public init(point: ProjectedPoint, crs: CRS) {
        self.point = point
        self.crs = crs
    }
}

extension Commune {
    public var place: Place { Place(point: point, crs: crs) }
}

extension SupplySite {
    public var place: Place { Place(point: point, crs: crs) }
}
