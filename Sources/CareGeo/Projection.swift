internal import CProj

/// WGS84 lon/lat ↔ a projected CRS through PROJ, with explicit axis order.
///
/// Input is always ``LonLat`` (longitude first) and output ``ProjectedPoint`` (easting, northing):
/// the PROJ transformation is normalised with `proj_normalize_for_visualization`.
///
/// Thread safety: each `Projection` owns one PROJ context and transformation, shared by its
/// copies and guarded by a `Mutex`; calls from many tasks are serialised (a batch call takes
/// the lock once). For parallel throughput build one `Projection` per worker.
///
/// ```swift
/// let l93 = try Projection(to: .lambert93)
/// let p = try l93.forward(LonLat(lon: 4.5986, lat: 44.7356))   // ≈ (826554.5666, 6405333.3411)
/// let back = try l93.inverse(p)                                 // ≈ LonLat(lon: 4.5986, lat: 44.7356)
/// ```
public struct Projection: Sendable {
    private let transformer: ProjTransformer

    /// The projected CRS this projection converts to.
    public let target: CRS

    /// Creates a WGS84 → `target` projection; throws with PROJ's message if PROJ cannot build it.
    ///
    /// Complexity: opens PROJ's database; reuse the value rather than creating one per point.
    public init(to target: CRS) throws(ProjectionError) {
        self.target = target
        self.transformer = try ProjTransformer(target: target)
    }

    /// Area of use of the target CRS in WGS84 degrees (from `proj_get_area_of_use`).
    public var areaOfUse: AreaOfUse { transformer.areaOfUse }

    /// Whether `p` lies in the target CRS's area of use enlarged by `marginDegrees`.
    ///
    /// ```swift
    /// try Projection(to: .lambert93).isInAreaOfUse(LonLat(lon: 55.45, lat: -20.88))   // false
    /// ```
    public func isInAreaOfUse(_ p: LonLat, marginDegrees: Double = 0.5) -> Bool {
        areaOfUse.contains(p, marginDegrees: marginDegrees)
    }

    /// Projects one WGS84 position; throws on non-finite input or PROJ failure.
    public func forward(_ p: LonLat) throws(ProjectionError) -> ProjectedPoint {
        var buffer = [p.lon, p.lat]
        try transformer.transform(&buffer, direction: PJ_FWD, single: true)
        return ProjectedPoint(x: buffer[0], y: buffer[1])
    }

    /// Projects many positions in one PROJ call; the error message names the first failing index.
    ///
    /// ```swift
    /// try l93.forward([LonLat]())   // []
    /// ```
    /// Complexity: O(n), one lock acquisition.
    public func forward(_ points: [LonLat]) throws(ProjectionError) -> [ProjectedPoint] {
        var buffer: [Double] = []
        buffer.reserveCapacity(points.count * 2)
        for p in points { buffer.append(p.lon); buffer.append(p.lat) }
        try transformer.transform(&buffer, direction: PJ_FWD, single: false)
        return (0..<points.count).map { ProjectedPoint(x: buffer[2 * $0], y: buffer[2 * $0 + 1]) }
    }

    /// Converts one projected point back to WGS84.
    public func inverse(_ p: ProjectedPoint) throws(ProjectionError) -> LonLat {
        var buffer = [p.x, p.y]
        try transformer.transform(&buffer, direction: PJ_INV, single: true)
        return LonLat(lon: buffer[0], lat: buffer[1])
    }

    /// Converts many projected points back to WGS84 in one PROJ call.
    ///
    /// Complexity: O(n), one lock acquisition.
    public func inverse(_ points: [ProjectedPoint]) throws(ProjectionError) -> [LonLat] {
        var buffer: [Double] = []
        buffer.reserveCapacity(points.count * 2)
        for p in points { buffer.append(p.x); buffer.append(p.y) }
        try transformer.transform(&buffer, direction: PJ_INV, single: false)
        return (0..<points.count).map { LonLat(lon: buffer[2 * $0], lat: buffer[2 * $0 + 1]) }
    }

    /// Projects every vertex of a lon/lat multipolygon (x = lon, y = lat) in one PROJ call.
    ///
    /// ```swift
    /// let metres = try l93.forward(communeOutlineInDegrees)
    /// ```
    /// Complexity: O(vertices), one lock acquisition.
    public func forward(_ shape: MultiPolygon) throws(ProjectionError) -> MultiPolygon {
        try transformAll(shape, direction: PJ_FWD)
    }

    /// Converts every vertex of a projected multipolygon back to lon/lat in one PROJ call.
    public func inverse(_ shape: MultiPolygon) throws(ProjectionError) -> MultiPolygon {
        try transformAll(shape, direction: PJ_INV)
    }

    private func transformAll(_ shape: MultiPolygon, direction: PJ_DIRECTION) throws(ProjectionError) -> MultiPolygon {
        var buffer: [Double] = []
        for polygon in shape.polygons {
            for ring in polygon.rings {
                for p in ring { buffer.append(p.x); buffer.append(p.y) }
            }
        }
        try transformer.transform(&buffer, direction: direction, single: false)
        var next = 0
        return shape.mapCoordinates { _ in
            defer { next += 2 }
            return XY(x: buffer[next], y: buffer[next + 1])
        }
    }
}
