import CareGeo
import CareKernel
import CareModel

/// The checks every territory reader (CSV and `.catr`) applies to one commune record before it becomes a
/// ``CareModel/Commune``: the département matches the code, the CRS is the projected CRS of that département,
/// the WGS84 position lies in the CRS's area of use (PROJ's, with a 0.5° margin) and the projected position in
/// the bounds that enlarged area projects to (with a further 20 km margin). A coordinate of 1e308, or a commune of Ardèche given
/// in EPSG:4326, is refused here instead of reaching a grid or a map.
///
/// ```swift
/// let check = CommuneRecordCheck()
/// check.problem(code: "07001", departement: "07", epsg: 4326, lon: 4.39, lat: 44.89, x: 4.39, y: 44.89)
/// // ("epsg", "EPSG:4326 is not the projected CRS of département 07 (EPSG:2154)")
/// ```
/// Projections and bounds are computed once per process. Complexity: O(1) per record.
struct CommuneRecordCheck {
    /// Degrees added around the area of use.
    static let marginDegrees = 0.5
    /// Metres added around the projected bounds of the area of use.
    static let marginMetres = 20_000.0

    /// Area of use and projected bounds of every CRS ``CareGeo/CRS/forDepartement(_:)`` names, computed once per
    /// process (PROJ set-up costs milliseconds; territories are loaded many times in tests and fuzzing).
    static let areas: [CRS: (area: AreaOfUse, bounds: BoundingBox)] = {
        var out: [CRS: (area: AreaOfUse, bounds: BoundingBox)] = [:]
        for crs in [CRS.lambert93, .rgaf09UTM20, .rgfg95UTM22, .rgr92UTM40S, .rgm04UTM38S] {
            if let found = areaAndBounds(crs) { out[crs] = found }
        }
        return out
    }()

    /// The first problem of the record, as the field (a territory CSV column name) and a message; `nil` when the
    /// record is sound.
    func problem(code: String, departement: String, epsg: Int,
                          lon: Double, lat: Double, x: Double, y: Double) -> (field: String, message: String)? {
        guard departement == Commune.departement(ofCode: code) else {
            return ("departement", "département \(MessageText.value(departement)) does not match code \(MessageText.value(code))")
        }
        guard let expected = CRS.forDepartement(departement) else {
            return ("departement", "\(MessageText.value(departement)) is not a département this tool projects (01–95, 2A, 2B, 971–974, 976)")
        }
        guard expected.epsg == epsg else {
            return ("epsg", "EPSG:\(epsg) is not the projected CRS of département \(departement) (\(expected))")
        }
        guard lon.isFinite, (-180...180).contains(lon) else { return ("lon", "\(lon) is not a longitude") }
        guard lat.isFinite, (-90...90).contains(lat) else { return ("lat", "\(lat) is not a latitude") }
        guard let (area, bounds) = Self.areas[expected] else {
            return ("epsg", "EPSG:\(epsg): PROJ cannot project to this CRS")
        }
        let ll = LonLat(lon: lon, lat: lat)
        guard area.contains(ll, marginDegrees: Self.marginDegrees) else {
            let latitudeOut = lat < area.south - Self.marginDegrees || lat > area.north + Self.marginDegrees
            return (latitudeOut ? "lat" : "lon", "\(lon), \(lat) is outside the area of use of \(expected) (\(Self.text(area)))")
        }
        guard x.isFinite, x >= bounds.minX, x <= bounds.maxX else {
            return ("x", "\(x) is outside \(expected)'s area of use (x \(Int(bounds.minX))…\(Int(bounds.maxX)) m)")
        }
        guard y.isFinite, y >= bounds.minY, y <= bounds.maxY else {
            return ("y", "\(y) is outside \(expected)'s area of use (y \(Int(bounds.minY))…\(Int(bounds.maxY)) m)")
        }
        return nil
    }

    /// Why `shape`, a boundary in `crs`, cannot be a commune's: a vertex that is not finite or lies outside the
    /// projected bounds of the CRS's area of use (a vertex at 1e300 would size a map's grid at 10^18 cells); `nil`
    /// when every vertex is inside.
    func boundaryProblem(_ shape: MultiPolygon, crs: CRS) -> String? {
        guard let bounds = Self.areas[crs]?.bounds else { return "EPSG:\(crs.epsg): PROJ cannot project to this CRS" }
        for polygon in shape.polygons {
            for ring in polygon.rings {
                for p in ring where !(p.x.isFinite && p.y.isFinite && bounds.contains(p)) {
                    return "boundary vertex \(p.x), \(p.y) is outside \(crs)'s area of use (x \(Int(bounds.minX))…\(Int(bounds.maxX)), y \(Int(bounds.minY))…\(Int(bounds.maxY)) m)"
                }
            }
        }
        return nil
    }

    /// PROJ's area of use of `crs` and the projected bounds of its edges (64 points per edge), with the margin.
    private static func areaAndBounds(_ crs: CRS) -> (area: AreaOfUse, bounds: BoundingBox)? {
        guard let projection = try? Projection.shared(to: crs) else { return nil }
        let a = projection.areaOfUse
        // The box the lon/lat check accepts (the area enlarged by the margin), projected edge by edge.
        let m = Self.marginDegrees
        let west = a.west - m, south = max(-90, a.south - m), north = min(90, a.north + m)
        let east = (a.east >= a.west ? a.east : a.east + 360) + m
        var edge: [LonLat] = []
        for i in 0...64 {
            let t = Double(i) / 64
            let lon = west + (east - west) * t, lat = south + (north - south) * t
            func wrap(_ l: Double) -> Double { l > 180 ? l - 360 : (l < -180 ? l + 360 : l) }
            edge += [LonLat(lon: wrap(lon), lat: south), LonLat(lon: wrap(lon), lat: north),
                     LonLat(lon: wrap(west), lat: lat), LonLat(lon: wrap(east), lat: lat)]
        }
        let projected = edge.compactMap { try? projection.forward($0) }.filter { $0.x.isFinite && $0.y.isFinite }
        guard let box = BoundingBox(points: projected.map { XY(x: $0.x, y: $0.y) }) else { return nil }
        let metres = Self.marginMetres
        return (a, box.expanded(by: metres))
    }

    static func text(_ a: AreaOfUse) -> String {
        func f(_ v: Double) -> String { String(Double((v * 100).rounded()) / 100) }
        return "lon \(f(a.west))…\(f(a.east)), lat \(f(a.south))…\(f(a.north))"
    }
}
