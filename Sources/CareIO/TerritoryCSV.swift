import CareGeo
import CareModel

/// The territory as a readable CSV: one row per commune, then one row per alias.
///
/// Columns: `code,name,population,departement,lon,lat,x,y,epsg,point_source,alias_of`. Commune rows leave
/// `alias_of` empty; alias rows fill only `code` and `alias_of` (the code of the commune they map to, or for a
/// commune split into arrondissements, the codes of its arrondissements separated by `|`).
/// `x,y` are metres in the CRS `epsg`; `lon,lat` WGS84 degrees. The Ardèche fixture uses this form.
///
/// An optional trailing column `boundary` holds the commune's boundary as WKT `MULTIPOLYGON` in the row's CRS,
/// coordinates rounded to whole metres (QGIS reads it as the layer geometry); empty for a commune without one
/// and for alias rows. It is written only when the territory carries boundaries; files without it load as before.
public enum TerritoryCSV {
    /// The required columns, in the order ``encode(_:)`` writes them.
    public static let columns = ["code", "name", "population", "departement", "lon", "lat", "x", "y", "epsg", "point_source", "alias_of"]
    /// The optional trailing column holding each commune's boundary (WKT, whole metres).
    public static let boundaryColumn = "boundary"

    /// The territory as CSV text; the `boundary` column is added when the territory carries boundaries.
    ///
    /// Complexity: O(communes + boundary vertices).
    public static func encode(_ territory: Territory) -> String {
        let withBoundaries = territory.boundaries != nil
        let tail = withBoundaries ? "," : ""
        var out = columns.joined(separator: ",") + (withBoundaries ? "," + boundaryColumn : "") + "\n"
        for (i, c) in territory.communes.enumerated() {
            out += [c.code, CSVWriter.escape(c.name), String(c.population), c.departement,
                    "\(c.location.lon)", "\(c.location.lat)", "\(c.point.x)", "\(c.point.y)",
                    String(c.crs.epsg), c.pointSource.rawValue, ""].joined(separator: ",")
            if withBoundaries {
                out += "," + (territory.boundary(at: i).map { CSVWriter.escape(WKT.string($0, wholeUnits: true)) } ?? "")
            }
            out += "\n"
        }
        for (alias, target) in territory.aliases.sorted(by: { $0.key < $1.key }) {
            out += "\(alias),,,,,,,,,,\(target)\(tail)\n"
        }
        for (code, parts) in territory.subdivisions.sorted(by: { $0.key < $1.key }) {
            out += "\(code),,,,,,,,,,\(parts.joined(separator: "|"))\(tail)\n"
        }
        return out
    }

    /// The territory of the CSV in `bytes` (as ``encode(_:)`` writes it; extra columns are ignored): communes in
    /// row order, aliases and arrondissement splits from the `alias_of` rows, boundaries when the `boundary`
    /// column is present.
    ///
    /// Throws an ``InputError`` naming `file`, the line and the column for a missing column, a repeated code, a
    /// population outside ``PlausibleRange/communePopulation``, an unknown `point_source`, a département that does
    /// not match the code, an EPSG that is not the département's projected CRS, coordinates outside that CRS's area
    /// of use, malformed WKT or a boundary vertex outside that area, an alias to a code that is not in the file, or
    /// no commune row at all.
    public static func decode(_ bytes: [UInt8], file: String) throws(InputError) -> Territory {
        var table = try CSVTableReader(bytes: bytes, file: file, required: columns)
        let col = columns.map { table.header.firstIndex(of: $0) ?? 0 }
        let (cCode, cName, cPop, cDep, cLon, cLat, cX, cY, cEPSG, cSource, cAlias) =
            (col[0], col[1], col[2], col[3], col[4], col[5], col[6], col[7], col[8], col[9], col[10])
        var communes: [Commune] = []
        var aliases: [String: String] = [:]
        var subdivisions: [String: [String]] = [:]
        var lines: [String: Int] = [:]
        let cBoundary = table.header.firstIndex(of: boundaryColumn)
        var boundaries: [MultiPolygon?] = []
        let check = CommuneRecordCheck()
        while try table.next() {
            let code = try table.nonEmptyString(cCode)
            if let previous = lines.updateValue(table.line, forKey: code) {
                throw table.error(cCode, "duplicate code \(code) (first on line \(previous))")
            }
            if !table.isNull(cAlias) {
                let target = try table.nonEmptyString(cAlias)
                if target.contains("|") {
                    subdivisions[code] = target.split(separator: "|").map(String.init)
                } else {
                    aliases[code] = target
                }
                continue
            }
            let epsg = try table.int(cEPSG, in: 0...99_999, what: "EPSG code")
            let dep = try table.nonEmptyString(cDep)
            let sourceText = try table.nonEmptyString(cSource)
            guard let source = PointSource(rawValue: sourceText) else {
                throw table.error(cSource, "unknown point source '\(table.echo(cSource))' (expected \(PointSource.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            let lon = try table.double(cLon), lat = try table.double(cLat)
            let x = try table.double(cX), y = try table.double(cY)
            if let (field, message) = check.problem(code: code, departement: dep, epsg: epsg, lon: lon, lat: lat, x: x, y: y) {
                throw InputError(file: file, line: table.line, field: field, message: message)
            }
            communes.append(Commune(
                code: code, name: table.string(cName), population: try table.int(cPop, in: PlausibleRange.communePopulation, what: "inhabitants of one commune"), departement: dep,
                location: LonLat(lon: lon, lat: lat), point: ProjectedPoint(x: x, y: y),
                crs: CRS(epsg: epsg), pointSource: source))
            if let cBoundary {
                let shape = try boundary(table, cBoundary)
                if let shape, let problem = check.boundaryProblem(shape, crs: CRS(epsg: epsg)) {
                    throw table.error(cBoundary, problem)
                }
                boundaries.append(shape)
            }
        }
        if communes.isEmpty { throw InputError(file: file, line: 2, message: "no commune rows") }
        do {
            var territory = try Territory(communes: communes, aliases: aliases, subdivisions: subdivisions)
            if cBoundary != nil { try territory.setBoundaries(boundaries) }
            return territory
        } catch {
            if case .danglingAlias(let alias, _) = error {
                throw InputError(file: file, line: lines[alias], field: "alias_of", message: error.description)
            }
            throw InputError(file: file, message: error.description)
        }
    }

    /// The row's boundary (`nil` when the field is empty); malformed WKT names the line and the field.
    private static func boundary(_ table: CSVTableReader, _ column: Int) throws(InputError) -> MultiPolygon? {
        guard !table.isNull(column) else { return nil }
        do { return try WKT.multiPolygon(from: table.string(column)) } catch {
            throw table.error(column, "invalid WKT boundary: \(error)")
        }
    }
}
