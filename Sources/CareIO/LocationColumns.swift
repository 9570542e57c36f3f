import CareKernel
import CareGeo
import CareModel

/// The location columns of a CSV row, as the practitioners and candidates files give them: Lambert-93 `x,y`,
/// WGS84 `lon,lat` (the projected CRS is the one whose area of use contains the point: Lambert-93 or an
/// overseas CRS), or `commune` (INSEE code, at the commune point). Errors name file, line and field.
struct LocationColumns {
    /// Lambert-93 bounds accepted for `x,y` (metropolitan France and Corsica, with a margin).
    static let lambert93Bounds = (minX: 0.0, maxX: 1_350_000.0, minY: 6_000_000.0, maxY: 7_200_000.0)
    static let overseasCRS: [CRS] = [.rgaf09UTM20, .rgfg95UTM22, .rgr92UTM40S, .rgm04UTM38S]

    enum Kind { case xy(Int, Int), lonlat(Int, Int), commune(Int) }

    /// A located row: the place, the commune when given by code, and a key equal for equal locations.
    struct Located {
        var place: Place
        var communeCode: String?
        var key: String
    }

    let kind: Kind
    private var projections: [CRS: Projection] = [:]

    /// Finds the location columns in the header (`x,y`, `lon,lat` or `commune`, each name after `prefix`, e.g.
    /// `origin_x`; the commune column is `communeColumn`); throws when there are none.
    init(_ table: CSVTableReader, prefix: String = "", communeColumn: String = "commune") throws(InputError) {
        let x = prefix + "x", y = prefix + "y", lon = prefix + "lon", lat = prefix + "lat"
        if table.hasColumn(x) || table.hasColumn(y) {
            kind = .xy(try table.columnIndex(x), try table.columnIndex(y))
        } else if table.hasColumn(lon) || table.hasColumn(lat) {
            kind = .lonlat(try table.columnIndex(lon), try table.columnIndex(lat))
        } else if table.hasColumn(communeColumn) {
            kind = .commune(try table.columnIndex(communeColumn))
        } else {
            throw InputError(file: table.file, line: 1,
                             message: "no location columns: expected \(x),\(y) (Lambert-93), \(lon),\(lat) (WGS84) or \(communeColumn) (INSEE code)")
        }
    }

    /// A hint for a code a spreadsheet may have cut: `" — did you mean 07186?"` for `7186`, else empty.
    /// The location of the table's current record.
    mutating func locate(_ table: CSVTableReader, territory: Territory) throws(InputError) -> Located {
        switch kind {
        case let .xy(cx, cy):
            let x = try table.double(cx), y = try table.double(cy)
            let b = Self.lambert93Bounds
            guard (b.minX...b.maxX).contains(x) else { throw table.error(cx, "\(x) is outside metropolitan Lambert-93 (\(Int(b.minX))–\(Int(b.maxX)) m)") }
            guard (b.minY...b.maxY).contains(y) else { throw table.error(cy, "\(y) is outside metropolitan Lambert-93 (\(Int(b.minY))–\(Int(b.maxY)) m)") }
            return Located(place: Place(point: ProjectedPoint(x: x, y: y), crs: .lambert93), communeCode: nil, key: "xy:\(x),\(y)")
        case let .lonlat(clon, clat):
            let lon = try table.double(clon), lat = try table.double(clat)
            guard (-180...180).contains(lon) else { throw table.error(clon, "\(lon) is not a longitude") }
            guard (-90...90).contains(lat) else { throw table.error(clat, "\(lat) is not a latitude") }
            let ll = LonLat(lon: lon, lat: lat)
            for crs in [CRS.lambert93] + Self.overseasCRS {
                let proj: Projection
                if let p = projections[crs] { proj = p } else {
                    do { proj = try Projection.shared(to: crs) } catch { throw InputError(file: table.file, message: "projection \(crs): \(error)") }
                    projections[crs] = proj
                }
                guard proj.isInAreaOfUse(ll, marginDegrees: 0) else { continue }
                let point: ProjectedPoint
                do { point = try proj.forward(ll) } catch { throw table.error(clon, "cannot project: \(error)") }
                return Located(place: Place(point: point, crs: crs), communeCode: nil, key: "ll:\(lon),\(lat)")
            }
            throw table.error(clon, "(\(lon), \(lat)) is outside France and its overseas départements")
        case let .commune(cc):
            let code = try table.nonEmptyString(cc)
            if let parts = territory.subdivisions[code] {
                throw table.error(cc, "commune \(code) is studied by arrondissement: give one of \(parts.joined(separator: ", "))")
            }
            guard let i = territory.index(ofCode: code) else {
                throw table.error(cc, "unknown commune code \(MessageText.value(code))" + territory.hint(forUnknownCode: code))
            }
            let c = territory.communes[i]
            return Located(place: c.place, communeCode: c.code, key: "c:\(c.code)")
        }
    }
}
