import CareGeo
import CareModel
import CarePlacement

/// Reads candidate sites for `careaccess place`: one row per candidate with an `id`, located by Lambert-93
/// `x,y`, WGS84 `lon,lat` or `commune` (INSEE code), like the practitioners file.
///
/// ```csv
/// id,commune
/// msp-rimogne,08363
/// msp-signy,08420
/// ```
/// Candidates located by coordinates take the commune of the nearest commune point of the territory (same
/// CRS), for reporting. An optional `cost` column gives what opening the site costs in euros (finite, 0 to
/// 10,000,000,000; an empty cell for none), for `place --budget`. Errors name the file, line and field.
public enum CandidatesFile {
    /// Reads the candidates file at `path` (plain or xz-compressed) and parses it as ``parse(_:file:territory:)``.
    public static func load(path: String, territory: Territory) throws(InputError) -> [PlacementCandidate] {
        try parse(try FileInput.bytes(path: path), file: path, territory: territory)
    }

    /// The candidates of the CSV table in `bytes`, in file order; a candidate given by `commune` takes that
    /// commune, one given by coordinates the commune of the nearest commune point.
    ///
    /// Throws an ``InputError`` naming `file`, the line and the column for a missing `id` column or location
    /// columns, an empty or repeated `id`, coordinates outside Lambert-93 or France, an unknown commune code, a
    /// `cost` that is not a number in 0…10,000,000,000 euros (``PlausibleRange/euros``), or a file without data rows.
    public static func parse(_ bytes: [UInt8], file: String, territory: Territory) throws(InputError) -> [PlacementCandidate] {
        var table = try CSVTableReader(bytes: bytes, file: file, required: ["id"])
        let cID = try table.columnIndex("id")
        var location = try LocationColumns(table)
        let cCost = table.hasColumn("cost") ? try table.columnIndex("cost") : nil
        var seen = Set<String>()
        var out: [PlacementCandidate] = []
        while try table.next() {
            let id = try table.nonEmptyString(cID)
            guard seen.insert(id).inserted else { throw table.error(cID, "duplicate id \(id)") }
            let located = try location.locate(table, territory: territory)
            var cost: Double?
            if let cCost, !table.isNull(cCost) {
                let v = try table.double(cCost)
                guard PlausibleRange.euros.contains(v) else {
                    throw table.error(cCost, "\(v) is not a cost in euros in \(PlausibleRange.text(PlausibleRange.euros))")
                }
                cost = v
            }
            out.append(PlacementCandidate(id: id, place: located.place, communeCode: located.communeCode, cost: cost))
        }
        if table.recordsRead == 0 { throw InputError(file: file, line: 2, message: "no data rows") }
        try assignCommunes(&out, territory: territory, file: file)
        return out
    }

    /// `id,x,y` for the reference harness (`peer.py mclp --candidates`), projected metres, round-trip precision.
    public static func peerCSV(_ candidates: [PlacementCandidate]) -> String {
        var out = "id,x,y\n"
        for c in candidates { out += "\(CSVWriter.escape(c.id)),\(c.place.point.x),\(c.place.point.y)\n" }
        return out
    }

    /// Candidates placed by coordinates take the commune whose point is nearest (same CRS).
    static func assignCommunes(_ candidates: inout [PlacementCandidate], territory: Territory, file: String) throws(InputError) {
        let open = candidates.indices.filter { candidates[$0].communeCode == nil }
        guard !open.isEmpty, !territory.isEmpty else { return }
        let nearest: [NearestFacility]
        do {
            nearest = try CrowFlyModel().nearest(from: open.map { candidates[$0].place }, to: territory.communes.map(\.place))
        } catch {
            throw InputError(file: file, message: "cannot locate candidates in the territory: \(error)")
        }
        for (k, c) in open.enumerated() {
            if let i = nearest[k].site { candidates[c].communeCode = territory.communes[i].code }
        }
    }
}
