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
/// CRS), for reporting. Errors name the file, line and field.
public enum CandidatesFile {
    public static func load(path: String, territory: Territory) throws(InputError) -> [PlacementCandidate] {
        try parse(try FileInput.bytes(path: path), file: path, territory: territory)
    }

    public static func parse(_ bytes: [UInt8], file: String, territory: Territory) throws(InputError) -> [PlacementCandidate] {
        var table = try CSVTableReader(bytes: bytes, file: file, required: ["id"])
        let cID = try table.columnIndex("id")
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
        var projections: [CRS: Projection] = [:]
        var seen = Set<String>()
        var out: [PlacementCandidate] = []
        while try table.next() {
            let id = try table.nonEmptyString(cID)
            guard seen.insert(id).inserted else { throw table.error(cID, "duplicate id \(id)") }
            switch locator {
            case let .xy(cx, cy):
                let x = try table.double(cx), y = try table.double(cy)
                let b = PractitionersImporter.lambert93Bounds
                guard (b.minX...b.maxX).contains(x) else { throw table.error(cx, "\(x) is outside metropolitan Lambert-93 (\(Int(b.minX))–\(Int(b.maxX)) m)") }
                guard (b.minY...b.maxY).contains(y) else { throw table.error(cy, "\(y) is outside metropolitan Lambert-93 (\(Int(b.minY))–\(Int(b.maxY)) m)") }
                out.append(PlacementCandidate(id: id, place: Place(point: ProjectedPoint(x: x, y: y), crs: .lambert93)))
            case let .lonlat(clon, clat):
                let lon = try table.double(clon), lat = try table.double(clat)
                guard (-180...180).contains(lon) else { throw table.error(clon, "\(lon) is not a longitude") }
                guard (-90...90).contains(lat) else { throw table.error(clat, "\(lat) is not a latitude") }
                let ll = LonLat(lon: lon, lat: lat)
                var placed: Place?
                for crs in [CRS.lambert93] + PractitionersImporter.overseasCRS {
                    let proj: Projection
                    if let p = projections[crs] { proj = p } else {
                        do { proj = try Projection(to: crs) } catch { throw InputError(file: file, message: "projection \(crs): \(error)") }
                        projections[crs] = proj
                    }
                    guard proj.isInAreaOfUse(ll, marginDegrees: 0) else { continue }
                    do { placed = Place(point: try proj.forward(ll), crs: crs) } catch { throw table.error(clon, "cannot project: \(error)") }
                    break
                }
                guard let placed else { throw table.error(clon, "(\(lon), \(lat)) is outside France and its overseas départements") }
                out.append(PlacementCandidate(id: id, place: placed))
            case let .commune(cc):
                let code = try table.nonEmptyString(cc)
                if let parts = territory.subdivisions[code] {
                    throw table.error(cc, "commune \(code) is studied by arrondissement: give one of \(parts.joined(separator: ", "))")
                }
                guard let i = territory.index(ofCode: code) else { throw table.error(cc, "unknown commune code \(code)") }
                let c = territory.communes[i]
                out.append(PlacementCandidate(id: id, place: c.place, communeCode: c.code))
            }
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
