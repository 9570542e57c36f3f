import CareGeo
import CareModel

/// Reads a generic practitioners file: one row per GP (or per post), located by Lambert-93 `x,y`, by WGS84
/// `lon,lat`, or by `commune` (INSEE code); `fte` (default 1) and an optional `birth_year`.
///
/// ```csv
/// id,commune,fte,birth_year
/// dr-martin,07186,1,1961
/// msp-juniville,08240,13,
/// ```
/// Rows with the same `site` value (when that column exists), else the same location, form one site.
/// `lon,lat` points get the projected CRS whose area of use contains them; `x,y` are Lambert-93 and must
/// lie in metropolitan France.
public struct PractitionersImporter: Sendable {
    /// Lambert-93 bounds accepted for `x,y` (metropolitan France and Corsica, with a margin).
    public static let lambert93Bounds = (minX: 0.0, maxX: 1_350_000.0, minY: 6_000_000.0, maxY: 7_200_000.0)
    static let overseasCRS: [CRS] = [.rgaf09UTM20, .rgfg95UTM22, .rgr92UTM40S, .rgm04UTM38S]

    public var currentYear: Int

    public init(currentYear: Int = 2026) { self.currentYear = currentYear }

    public func importFile(path: String, territory: Territory, displayName: String? = nil) throws(InputError) -> SupplyImport {
        try importBytes(try FileInput.bytes(path: path), file: displayName ?? path, territory: territory)
    }

    public func importBytes(_ bytes: [UInt8], file: String, territory: Territory) throws(InputError) -> SupplyImport {
        var table = try CSVTableReader(bytes: bytes, file: file)
        let has = { (n: String) in table.hasColumn(n) }
        enum Locator { case xy(Int, Int), lonlat(Int, Int), commune(Int) }
        let locator: Locator
        if has("x") || has("y") {
            locator = .xy(try table.columnIndex("x"), try table.columnIndex("y"))
        } else if has("lon") || has("lat") {
            locator = .lonlat(try table.columnIndex("lon"), try table.columnIndex("lat"))
        } else if has("commune") {
            locator = .commune(try table.columnIndex("commune"))
        } else {
            throw InputError(file: file, line: 1, message: "no location columns: expected x,y (Lambert-93), lon,lat (WGS84) or commune (INSEE code)")
        }
        let cFTE = table.header.firstIndex(of: "fte")
        let cBirth = table.header.firstIndex(of: "birth_year")
        let cSite = table.header.firstIndex(of: "site")
        let cID = table.header.firstIndex(of: "id")
        let cActivity = table.header.firstIndex(of: "activity")
        var projections: [CRS: Projection] = [:]
        var seenIDs = Set<String>()
        var sites: [SupplySite] = []
        var siteByKey: [String: Int] = [:]
        var report = ImportReport(source: file)
        while try table.next() {
            if let cID {
                let id = try table.nonEmptyString(cID)
                guard seenIDs.insert(id).inserted else { throw table.error(cID, "duplicate id \(id)") }
            }
            let fte = try cFTE.map { (c) throws(InputError) in try table.optionalDouble(c) ?? 1 } ?? 1
            if let cFTE, fte < 0 { throw table.error(cFTE, "\(fte) is negative") }
            var birthYear: Int?
            if let cBirth, let y = try table.optionalInt(cBirth) {
                guard (1900...currentYear).contains(y) else { throw table.error(cBirth, "\(y) is not a plausible birth year") }
                birthYear = y
            }
            let point: ProjectedPoint, crs: CRS, communeCode: String?, key: String
            switch locator {
            case let .xy(cx, cy):
                let x = try table.double(cx), y = try table.double(cy)
                let b = Self.lambert93Bounds
                guard (b.minX...b.maxX).contains(x) else { throw table.error(cx, "\(x) is outside metropolitan Lambert-93 (\(Int(b.minX))–\(Int(b.maxX)) m)") }
                guard (b.minY...b.maxY).contains(y) else { throw table.error(cy, "\(y) is outside metropolitan Lambert-93 (\(Int(b.minY))–\(Int(b.maxY)) m)") }
                point = ProjectedPoint(x: x, y: y)
                crs = .lambert93
                communeCode = nil
                key = "xy:\(x),\(y)"
            case let .lonlat(clon, clat):
                let lon = try table.double(clon), lat = try table.double(clat)
                guard (-180...180).contains(lon) else { throw table.error(clon, "\(lon) is not a longitude") }
                guard (-90...90).contains(lat) else { throw table.error(clat, "\(lat) is not a latitude") }
                let ll = LonLat(lon: lon, lat: lat)
                var found: (CRS, Projection)?
                for c in [CRS.lambert93] + Self.overseasCRS {
                    let proj: Projection
                    if let p = projections[c] { proj = p } else {
                        do { proj = try Projection(to: c) } catch { throw InputError(file: file, message: "projection \(c): \(error)") }
                        projections[c] = proj
                    }
                    if proj.isInAreaOfUse(ll, marginDegrees: 0) { found = (c, proj); break }
                }
                guard let (c, proj) = found else {
                    throw table.error(clon, "(\(lon), \(lat)) is outside France and its overseas départements")
                }
                do { point = try proj.forward(ll) } catch { throw table.error(clon, "cannot project: \(error)") }
                crs = c
                communeCode = nil
                key = "ll:\(lon),\(lat)"
            case let .commune(cc):
                let code = try table.nonEmptyString(cc)
                if let parts = territory.subdivisions[code] {
                    throw table.error(cc, "commune \(code) is studied by arrondissement: give one of \(parts.joined(separator: ", "))")
                }
                guard let i = territory.index(ofCode: code) else {
                    throw table.error(cc, "unknown commune code \(code)")
                }
                let c = territory.communes[i]
                point = c.point
                crs = c.crs
                communeCode = c.code
                key = "c:\(c.code)"
            }
            var activity: Double?
            if let cActivity, let a = try table.optionalDouble(cActivity) {
                guard a >= 0 else { throw table.error(cActivity, "\(a) is negative") }
                activity = a
            }
            let practitioner = Practitioner(fte: fte, birthYear: birthYear, activity: activity)
            let siteKey = try cSite.map { (c) throws(InputError) in try table.nonEmptyString(c) } ?? key
            if let s = siteByKey[siteKey] {
                if sites[s].point != point { throw table.error(cSite ?? 0, "site \(siteKey) appears at two different locations") }
                sites[s].gps += fte
                sites[s].practitioners.append(practitioner)
            } else {
                siteByKey[siteKey] = sites.count
                let dep = communeCode.map(Commune.departement(ofCode:))
                sites.append(SupplySite(id: cSite == nil ? (communeCode ?? "site-\(sites.count + 1)") : siteKey,
                                        communeCode: communeCode, departement: dep, point: point, crs: crs,
                                        gps: fte, practitioners: [practitioner]))
            }
        }
        if table.recordsRead == 0 { throw InputError(file: file, line: 2, message: "no data rows") }
        try assignDepartements(&sites, territory: territory, file: file)
        report.count("rows read", table.recordsRead)
        report.count("sites", sites.count)
        return SupplyImport(sites: sites, report: report, unknownCodes: [])
    }

    /// Sites placed by coordinates take the département of the nearest commune of the territory (same CRS),
    /// so that GPs-per-inhabitant figures by area count them.
    func assignDepartements(_ sites: inout [SupplySite], territory: Territory, file: String) throws(InputError) {
        let unassigned = sites.indices.filter { sites[$0].departement == nil }
        guard !unassigned.isEmpty, !territory.isEmpty else { return }
        let nearest: [NearestFacility]
        do {
            nearest = try CrowFlyModel().nearest(from: unassigned.map { sites[$0].place }, to: territory.communes.map(\.place))
        } catch {
            throw InputError(file: file, message: "cannot locate sites in the territory: \(error)")
        }
        for (k, s) in unassigned.enumerated() {
            if let c = nearest[k].site { sites[s].departement = territory.communes[c].departement }
        }
    }
}
