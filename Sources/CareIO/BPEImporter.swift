import CareModel

/// Reads the INSEE BPE general-practitioner counts per commune (`CODGEO`, `NB_D201`; equipment D201) and places
/// one site per commune at the commune point.
///
/// The BPE uses an older commune geography: codes of communes déléguées or associées are mapped to their parent
/// (their counts added up), counts of Lyon or Marseille as a whole are spread over their arrondissements in
/// proportion to population (an assumption, reported), a row repeated verbatim is counted once, and codes unknown to the territory are listed in the ``SupplyImport`` (and so on
/// stderr and in the summary), never silently dropped. Duplicate codes and counts outside
/// ``PlausibleRange/gpsPerRow`` (negative, or more than 100,000 on one row) are input errors.
/// Another BPE equipment is counted with `countColumn` (`NB_D107`: maternity units): the import then records the
/// column (``SupplyImport/countColumn``) so that outputs do not call its units GPs. A column missing from the
/// header is an error naming the file, line 1, the column and the columns present.
public struct BPEImporter: Sendable {
    /// The header name of the commune-code column (INSEE code, 5 characters such as `01004`): `CODGEO` in the BPE.
    public var codeColumn = "CODGEO"
    /// The header name of the counted column: `NB_D201` (general practitioners) by default.
    public var countColumn = BPECountColumn.generalPractitioners.name

    /// An importer counting `countColumn` (default `NB_D201`, general practitioners).
    public init(countColumn: String = BPECountColumn.generalPractitioners.name) { self.countColumn = countColumn }

    /// Reads the BPE file at `path` (plain, or xz/lzma-compressed: ``FileInput/bytes(path:limit:)``) and imports it
    /// as ``importBytes(_:file:territory:)`` does; errors name `displayName` when given, else `path`.
    public func importFile(path: String, territory: Territory, displayName: String? = nil) throws(InputError) -> SupplyImport {
        try importBytes(try FileInput.bytes(path: path), file: displayName ?? path, territory: territory)
    }

    /// Imports the BPE table in `bytes` (`,`, `;` or tab separated) against `territory`: one ``CareModel/SupplySite``
    /// per commune that receives a count, in the order communes first appear, `gps` the sum of the counts mapped to
    /// it. Unknown codes, codes mapped to a parent, spread city counts and repeated rows are listed in the
    /// ``SupplyImport/report``.
    ///
    /// Throws an ``InputError`` naming `file`, the line and the column when a required column is missing, a code is
    /// empty, a count is not an integer or is outside ``PlausibleRange/gpsPerRow``, a code repeats with different
    /// values, or the file has no data row.
    public func importBytes(_ bytes: [UInt8], file: String, territory: Territory) throws(InputError) -> SupplyImport {
        var table = try CSVTableReader(bytes: bytes, file: file, required: [codeColumn, countColumn])
        let cCode = try table.columnIndex(codeColumn), cCount = try table.columnIndex(countColumn)
        var seen: [String: (fields: [String], line: Int)] = [:]
        var gpsByCommune: [Int: Double] = [:]
        var order: [Int] = []
        var report = ImportReport(source: file)
        var unknown: [(code: String, gps: Double, line: Int)] = []
        var total = 0
        while try table.next() {
            let code = try table.nonEmptyString(cCode)
            let fields = (0..<table.header.count).map { table.string($0) }
            if let first = seen[code] {
                // The published file repeats one row verbatim (58062): an exact repeat is dropped and reported,
                // a conflicting one is an error.
                guard first.fields == fields else {
                    throw table.error(cCode, "duplicate commune code \(code) with different values (first on line \(first.line))")
                }
                report.add(.duplicateRow, code: code, "line \(table.line) repeats line \(first.line) exactly; counted once")
                continue
            }
            seen[code] = (fields, table.line)
            let count = try table.int(cCount, in: PlausibleRange.gpsPerRow, what: "GPs on one row")
            total += count
            if let parts = territory.subdivisionIndices(ofCode: code) {
                // Lyon and Marseille are counted as whole communes in this BPE extract, but studied by
                // arrondissement: spread the count in proportion to population (an assumption, reported).
                let population = parts.reduce(0) { $0 + territory.communes[$1].population }
                for p in parts {
                    let share = population > 0 ? Double(territory.communes[p].population) / Double(population) : 1 / Double(parts.count)
                    if gpsByCommune[p] == nil { order.append(p) }
                    gpsByCommune[p, default: 0] += Double(count) * share
                }
                report.add(.splitOverSubdivisions, code: code,
                           "\(count) GPs spread over its \(parts.count) arrondissements in proportion to population (assumption)")
                continue
            }
            guard let index = territory.index(ofCode: code) else {
                unknown.append((code, Double(count), table.line))
                report.add(.unknownCode, code: code, "code unknown to the territory (\(count) GPs not placed)")
                continue
            }
            if !territory.isCommuneCode(code) {
                report.add(.codeMappedToParent, code: code,
                           "mapped to \(territory.communes[index].code) \(territory.communes[index].name)")
            }
            if gpsByCommune[index] == nil { order.append(index) }
            gpsByCommune[index, default: 0] += Double(count)
        }
        if table.recordsRead == 0 { throw InputError(file: file, line: 2, message: "no data rows") }
        let sites = order.map { i -> SupplySite in
            let c = territory.communes[i]
            return SupplySite(id: c.code, communeCode: c.code, departement: c.departement, point: c.point, crs: c.crs,
                              gps: gpsByCommune[i] ?? 0)
        }
        report.count("rows read", table.recordsRead)
        report.count("GPs read", total)
        report.count("sites", sites.count)
        report.count("codes mapped to a parent commune", report.entries(of: .codeMappedToParent).count)
        report.count("unknown codes", unknown.count)
        return SupplyImport(sites: sites, report: report, unknownCodes: unknown, countColumn: BPECountColumn(countColumn))
    }
}
