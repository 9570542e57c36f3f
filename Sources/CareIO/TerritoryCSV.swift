import CareGeo
import CareModel

/// The territory as a readable CSV: one row per commune, then one row per alias.
///
/// Columns: `code,name,population,departement,lon,lat,x,y,epsg,point_source,alias_of`. Commune rows leave
/// `alias_of` empty; alias rows fill only `code` and `alias_of` (the code of the commune they map to, or for a
/// commune split into arrondissements, the codes of its arrondissements separated by `|`).
/// `x,y` are metres in the CRS `epsg`; `lon,lat` WGS84 degrees. The Ardèche fixture uses this form.
public enum TerritoryCSV {
    public static let columns = ["code", "name", "population", "departement", "lon", "lat", "x", "y", "epsg", "point_source", "alias_of"]

    public static func encode(_ territory: Territory) -> String {
        var out = columns.joined(separator: ",") + "\n"
        for c in territory.communes {
            out += [c.code, CSVWriter.escape(c.name), String(c.population), c.departement,
                    "\(c.location.lon)", "\(c.location.lat)", "\(c.point.x)", "\(c.point.y)",
                    String(c.crs.epsg), c.pointSource.rawValue, ""].joined(separator: ",") + "\n"
        }
        for (alias, target) in territory.aliases.sorted(by: { $0.key < $1.key }) {
            out += "\(alias),,,,,,,,,,\(target)\n"
        }
        for (code, parts) in territory.subdivisions.sorted(by: { $0.key < $1.key }) {
            out += "\(code),,,,,,,,,,\(parts.joined(separator: "|"))\n"
        }
        return out
    }

    public static func decode(_ bytes: [UInt8], file: String) throws(InputError) -> Territory {
        var table = try CSVTableReader(bytes: bytes, file: file, required: columns)
        let col = columns.map { table.header.firstIndex(of: $0) ?? 0 }
        let (cCode, cName, cPop, cDep, cLon, cLat, cX, cY, cEPSG, cSource, cAlias) =
            (col[0], col[1], col[2], col[3], col[4], col[5], col[6], col[7], col[8], col[9], col[10])
        var communes: [Commune] = []
        var aliases: [String: String] = [:]
        var subdivisions: [String: [String]] = [:]
        var lines: [String: Int] = [:]
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
            let epsg = try table.int(cEPSG)
            let crs = CRS(epsg: epsg)
            let dep = try table.nonEmptyString(cDep)
            guard dep == Commune.departement(ofCode: code) else {
                throw table.error(cDep, "département \(dep) does not match code \(code)")
            }
            guard CRS.forDepartement(dep) == crs else {
                throw table.error(cEPSG, "EPSG:\(epsg) is not the projected CRS of département \(dep)")
            }
            let sourceText = try table.nonEmptyString(cSource)
            guard let source = PointSource(rawValue: sourceText) else {
                throw table.error(cSource, "unknown point source '\(sourceText)' (expected \(PointSource.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            let lon = try table.double(cLon), lat = try table.double(cLat)
            guard (-180...180).contains(lon) else { throw table.error(cLon, "\(lon) is not a longitude") }
            guard (-90...90).contains(lat) else { throw table.error(cLat, "\(lat) is not a latitude") }
            communes.append(Commune(
                code: code, name: table.string(cName), population: try table.int(cPop), departement: dep,
                location: LonLat(lon: lon, lat: lat), point: ProjectedPoint(x: try table.double(cX), y: try table.double(cY)),
                crs: crs, pointSource: source))
        }
        if communes.isEmpty { throw InputError(file: file, line: 2, message: "no commune rows") }
        do {
            return try Territory(communes: communes, aliases: aliases, subdivisions: subdivisions)
        } catch {
            if case .danglingAlias(let alias, _) = error {
                throw InputError(file: file, line: lines[alias], field: "alias_of", message: error.description)
            }
            throw InputError(file: file, message: error.description)
        }
    }
}
