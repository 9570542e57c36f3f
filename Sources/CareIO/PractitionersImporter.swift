import CareGeo
import CareModel

/// Reads a generic practitioners file: one row per GP (or per post), located by Lambert-93 `x,y`, by WGS84
/// `lon,lat`, or by `commune` (INSEE code); `fte` (default 1) and an optional `birth_year`. For the APL:
/// `activity` (yearly consultations + visits + teleconsultations), or its parts `consultations`, `visits`,
/// `teleconsultations` (summed, an empty part counting 0; a row with all parts empty has no record);
/// `new_to_practice` (`1`/`0`, `true`/`false`, `yes`/`no`; the DREES imputes 5,400); `kind` of the site
/// (`practice` by default, `msp`, `health_centre`, `salaried_centre`, …: health centres are not capped; rows
/// of one site may leave it empty, but not state two kinds).
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

    /// The latest plausible `birth_year`: years outside 1900…`currentYear` are input errors.
    public var currentYear: Int

    /// An importer accepting birth years up to `currentYear` (the study's reference year by default).
    public init(currentYear: Int = StudyDefaults.referenceYear) { self.currentYear = currentYear }

    /// Reads the practitioners file at `path` (plain or xz-compressed) and imports it as
    /// ``importBytes(_:file:territory:)`` does; errors name `displayName` when given, else `path`.
    public func importFile(path: String, territory: Territory, displayName: String? = nil) throws(InputError) -> SupplyImport {
        try importBytes(try FileInput.bytes(path: path), file: displayName ?? path, territory: territory)
    }

    /// The sites of the practitioners table in `bytes`, in order of first appearance, each with its practitioners
    /// and `gps` the sum of their FTE; a site located by coordinates takes the département of the nearest commune.
    ///
    /// Throws an ``InputError`` naming `file`, the line and the column for missing location columns, both
    /// `activity` and its parts, an empty or repeated `id`, an FTE outside ``PlausibleRange/gpsAmount`` (0…100,000),
    /// a birth year outside 1900…``currentYear``, a negative activity, a flag other than 1/0, true/false or yes/no,
    /// an unknown `kind`, one site at two locations or of two kinds, or a file without data rows.
    public func importBytes(_ bytes: [UInt8], file: String, territory: Territory) throws(InputError) -> SupplyImport {
        var table = try CSVTableReader(bytes: bytes, file: file)
        var location = try LocationColumns(table)
        let cFTE = table.header.firstIndex(of: "fte")
        let cBirth = table.header.firstIndex(of: "birth_year")
        let cSite = table.header.firstIndex(of: "site")
        let cID = table.header.firstIndex(of: "id")
        let cActivity = table.header.firstIndex(of: "activity")
        let cParts = ["consultations", "visits", "teleconsultations"].compactMap { table.header.firstIndex(of: $0) }
        if cActivity != nil, let first = cParts.first {
            throw InputError(file: file, line: 1, field: table.header[first],
                             message: "give 'activity' or its parts (consultations, visits, teleconsultations), not both")
        }
        let cNew = table.header.firstIndex(of: "new_to_practice")
        let cKind = table.header.firstIndex(of: "kind")
        var seenIDs = Set<String>()
        var sites: [SupplySite] = []
        var siteByKey: [String: Int] = [:]
        var statedKind: [Int: SiteKind] = [:]  // kind given on some row of the site (empty rows inherit it)
        var report = ImportReport(source: file)
        while try table.next() {
            if let cID {
                let id = try table.nonEmptyString(cID)
                guard seenIDs.insert(id).inserted else { throw table.error(cID, "duplicate id \(id)") }
            }
            let fte = try cFTE.map { (c) throws(InputError) in try table.optionalDouble(c) ?? 1 } ?? 1
            if let cFTE, fte < 0 { throw table.error(cFTE, "\(fte) is negative") }
            if let cFTE, !PlausibleRange.gpsAmount.contains(fte) {
                throw table.error(cFTE, "\(fte) is outside \(PlausibleRange.text(PlausibleRange.gpsAmount)) (FTE on one row)")
            }
            var birthYear: Int?
            if let cBirth, let y = try table.optionalInt(cBirth) {
                guard (1900...currentYear).contains(y) else { throw table.error(cBirth, "\(y) is not a plausible birth year") }
                birthYear = y
            }
            let located = try location.locate(table, territory: territory)
            let point = located.place.point, crs = located.place.crs, communeCode = located.communeCode, key = located.key
            var activity: Double?
            for c in (cActivity.map { [$0] } ?? cParts) {
                guard let a = try table.optionalDouble(c) else { continue }
                guard a >= 0 else { throw table.error(c, "\(a) is negative") }
                activity = (activity ?? 0) + a
            }
            let newToPractice = try cNew.map { (c) throws(InputError) in try Self.flag(table, c) } ?? false
            var kind: SiteKind?
            if let cKind, !table.string(cKind).trimmingSpaces.isEmpty {
                let text = table.string(cKind).trimmingSpaces
                guard let k = SiteKind(rawValue: text) else {
                    throw table.error(cKind, "unknown kind '\(text)' (expected \(SiteKind.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                kind = k
            }
            let practitioner = Practitioner(fte: fte, birthYear: birthYear, activity: activity, newToPractice: newToPractice)
            let siteKey = try cSite.map { (c) throws(InputError) in try table.nonEmptyString(c) } ?? key
            if let s = siteByKey[siteKey] {
                if sites[s].point != point { throw table.error(cSite ?? 0, "site \(siteKey) appears at two different locations") }
                if let cKind, let kind {
                    if let earlier = statedKind[s], earlier != kind {
                        throw table.error(cKind, "site \(siteKey) is \(earlier.rawValue) on an earlier row, \(kind.rawValue) here")
                    }
                    statedKind[s] = kind
                    sites[s].kind = kind
                }
                sites[s].gps += fte
                sites[s].practitioners.append(practitioner)
            } else {
                siteByKey[siteKey] = sites.count
                if let kind { statedKind[sites.count] = kind }
                let dep = communeCode.map(Commune.departement(ofCode:))
                sites.append(SupplySite(id: cSite == nil ? (communeCode ?? "site-\(sites.count + 1)") : siteKey,
                                        communeCode: communeCode, departement: dep, point: point, crs: crs,
                                        gps: fte, practitioners: [practitioner], kind: kind ?? .practice))
            }
        }
        if table.recordsRead == 0 { throw InputError(file: file, line: 2, message: "no data rows") }
        try assignDepartements(&sites, territory: territory, file: file)
        report.count("rows read", table.recordsRead)
        report.count("sites", sites.count)
        return SupplyImport(sites: sites, report: report, unknownCodes: [])
    }

    /// A yes/no field: `1`/`0`, `true`/`false`, `yes`/`no` (any case); empty is no.
    static func flag(_ table: CSVTableReader, _ column: Int) throws(InputError) -> Bool {
        switch table.string(column).trimmingSpaces.lowercased() {
        case "", "0", "false", "no": return false
        case "1", "true", "yes": return true
        default: throw table.error(column, "'\(table.echo(column))' is not 1/0, true/false or yes/no")
        }
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
