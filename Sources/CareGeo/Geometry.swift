/// A decoded (E)WKB geometry: the three kinds CareAccess reads.
///
/// ```swift
/// let (geometry, srid) = try EWKB.decode(hex: "0101000000B9FDFF1F27AE1340D00B00206A134740")
/// if case .point(let p) = geometry { print(p.x, p.y, srid as Any) }   // 4.92… 46.15… nil
/// ```
public enum Geometry: Sendable, Equatable {
    /// A point (`POINT EMPTY` decodes to NaN coordinates).
    case point(XY)
    /// A polygon with its exterior ring first.
    case polygon(Polygon)
    /// A multipolygon.
    case multiPolygon(MultiPolygon)

    /// The areal geometry as a multipolygon (a polygon becomes a one-part multipolygon); `nil` for points.
    ///
    /// ```swift
    /// let shape = try EWKB.decode(hex: field).geometry.multiPolygon
    /// ```
    public var multiPolygon: MultiPolygon? {
        switch self {
        case .point: return nil
        case .polygon(let polygon): return MultiPolygon(polygons: [polygon])
        case .multiPolygon(let multi): return multi
        }
    }

    /// The point, if the geometry is one.
    public var point: XY? {
        if case .point(let p) = self { return p }
        return nil
    }
}
