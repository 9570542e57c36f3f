import CareKernel
import CareModel

/// Observed travel times read from a file, placed in a territory: the yardstick of `careaccess travel
/// validate` and the input of `travel calibrate`.
///
/// Two formats, told apart by the header:
/// - **DREES** access to emergency care (`codgeo`, `typ_equip`, `tps_SU_SMUR`, `com_equipee`, …): INSEE
///   METRIC drive times from each commune to the commune of its nearest emergency service. Only rows with
///   `typ_equip = SU_SMUR` are road trips between two communes; helicopter and MCS rows are counted and left
///   out, as are equipped communes (0 minutes at home) and rows without minutes (isolated islands). Codes
///   of communes déléguées map to their parent, retired codes are listed, and both ends sit at the
///   territory's commune points.
/// - **Generic pairs**: `minutes` plus the origin and the destination as commune codes (`origin`,
///   `destination`), Lambert-93 `origin_x,origin_y,destination_x,destination_y`, or WGS84
///   `origin_lon,origin_lat,destination_lon,destination_lat` (the two ends may use different forms).
///
/// ```swift
/// let observed = try ObservedTripsFile.load(path: "drees-acces-urgences-2019-by-commune.csv", territory: t)
/// print(observed.trips.count, observed.notes)
/// ```
/// Errors name file, line and field (negative or absurd minutes, unknown equipment types, unknown codes in
/// a generic file). Complexity: O(rows).
public struct ObservedTripsFile: Sendable {
    /// The two layouts the reader recognises by their header: the DREES emergency-care table, or generic pairs.
    public enum Format: String, Sendable { case drees, pairs }

    /// The road trips kept, each placed at commune points (DREES) or at the given codes or coordinates (pairs).
    public var trips: [ObservedTrip]
    /// Which layout the file was read as.
    public var format: Format
    /// The file's description, name, size, FNV-1a hash and trip count, recorded in a calibrated model.
    public var source: CalibratedParameters.ObservedSource
    /// What was left out or changed, row counts.
    public var report: Report

    /// The source description (``CalibratedParameters/ObservedSource/description``) of the DREES table.
    public static let dreesDescription = "DREES 2019 access to emergency care: INSEE METRIC road times, commune to commune (SU_SMUR rows)"
    /// The source description of a generic pairs file, before its name.
    public static let pairsDescription = "observed pairs "

    /// Longest plausible observed trip, minutes (a day).
    public static let maximumMinutes = 1_440.0
    /// Longest plausible METRIC road time in the DREES table, minutes.
    public static let maximumDREESMinutes = 300.0

    /// Counts of the rows left out or changed, with examples.
    public struct Report: Sendable, Equatable {
        /// Data rows read (the header aside), kept or not.
        public var rows = 0
        /// DREES rows that are not road trips, by `typ_equip`.
        public var notRoad: [String: Int] = [:]
        /// Road rows without minutes (METRIC computes none for isolated islands), their lines.
        public var withoutMinutes: [Int] = []
        /// Rows whose origin is its own destination (0 minutes: the commune is equipped).
        public var atHome = 0
        /// Codes mapped from a commune déléguée or associée to its parent, per end.
        public var remappedOrigins = 0
        /// Destination codes mapped from a commune déléguée or associée to its parent (origins: ``remappedOrigins``).
        public var remappedDestinations = 0
        /// Codes unknown to the territory (retired communes), with their line.
        public var unknownCodes: [(code: String, line: Int)] = []
        /// Rows whose ends fall on one commune of the territory once remapped.
        public var collapsed = 0
        /// Rows whose ends are in two CRS zones.
        public var crossZone = 0

        /// Equal when every count and every unknown code with its line are equal (the tuples compared field by field).
        public static func == (a: Report, b: Report) -> Bool {
            a.rows == b.rows && a.notRoad == b.notRoad && a.withoutMinutes == b.withoutMinutes && a.atHome == b.atHome
                && a.remappedOrigins == b.remappedOrigins && a.remappedDestinations == b.remappedDestinations
                && a.unknownCodes.map(\.code) == b.unknownCodes.map(\.code) && a.unknownCodes.map(\.line) == b.unknownCodes.map(\.line)
                && a.collapsed == b.collapsed && a.crossZone == b.crossZone
        }
    }

    /// Reads the observed-trips file at `path` (plain or xz/lzma-compressed) and places it in `territory`, as
    /// ``parse(bytes:file:territory:)`` does.
    public static func load(path: String, territory: Territory) throws(InputError) -> ObservedTripsFile {
        let bytes = try FileInput.bytes(path: path)
        return try parse(bytes: bytes, file: path, territory: territory)
    }

    /// Parses observed trips from `bytes` (read from `file`), telling the format from the header. Throws an
    /// ``InputError`` naming the line and field of a bad row, or when no usable trip remains.
    public static func parse(bytes: [UInt8], file: String, territory: Territory) throws(InputError) -> ObservedTripsFile {
        let table = try CSVTableReader(bytes: bytes, file: file)
        let isDREES = ["codgeo", "typ_equip", "tps_SU_SMUR", "com_equipee"].allSatisfy(table.hasColumn)
        var result: ObservedTripsFile
        if isDREES {
            result = try readDREES(table, territory: territory)
        } else {
            result = try readPairs(table, territory: territory)
        }
        let name = file.split(separator: "/").last.map(String.init) ?? file
        result.source = .init(
            description: isDREES
                ? dreesDescription
                : pairsDescription + name,
            file: name, bytes: bytes.count, fnv1a: FNV1a.hex(FNV1a.hash(bytes)), trips: result.trips.count)
        guard !result.trips.isEmpty else {
            throw InputError(file: file, message: "no usable observed trip (\(result.report.rows) rows read)")
        }
        return result
    }

    private static func readDREES(_ input: CSVTableReader, territory: Territory) throws(InputError) -> ObservedTripsFile {
        var table = input
        let oc = try table.columnIndex("codgeo"), tc = try table.columnIndex("typ_equip")
        let mc = try table.columnIndex("tps_SU_SMUR"), dc = try table.columnIndex("com_equipee")
        var report = Report()
        var trips: [ObservedTrip] = []
        let known: Set<String> = ["SU_SMUR", "MCS", "HeliSMUR", "HeliETAT"]
        while try table.next() {
            report.rows += 1
            let kind = try table.nonEmptyString(tc)
            guard known.contains(kind) else {
                throw table.error(tc, "unknown equipment type '\(MessageText.value(kind))' (expected SU_SMUR, MCS, HeliSMUR or HeliETAT)")
            }
            let origin = try table.nonEmptyString(oc)
            guard kind == "SU_SMUR" else { report.notRoad[kind, default: 0] += 1; continue }
            guard let minutes = try table.optionalDouble(mc) else { report.withoutMinutes.append(table.line); continue }
            guard minutes >= 0 else { throw table.error(mc, "\(minutes) minutes is negative") }
            guard minutes <= maximumDREESMinutes else {
                throw table.error(mc, "\(minutes) minutes is beyond \(Int(maximumDREESMinutes)) (not a road time to the nearest service)")
            }
            let destination = try table.nonEmptyString(dc)
            if origin == destination {
                guard minutes == 0 else { throw table.error(mc, "\(minutes) minutes from commune \(origin) to itself") }
                report.atHome += 1
                continue
            }
            guard minutes > 0 else { throw table.error(mc, "0 minutes between two communes (\(origin) → \(destination))") }
            guard let o = resolve(origin, territory, &report, origin: true, line: table.line),
                  let d = resolve(destination, territory, &report, origin: false, line: table.line) else { continue }
            if o == d { report.collapsed += 1; continue }
            let a = territory.communes[o], b = territory.communes[d]
            guard a.crs == b.crs else { report.crossZone += 1; continue }
            trips.append(ObservedTrip(origin: a.place, destination: b.place, minutes: minutes, originCode: a.code,
                                      destinationCode: b.code, line: table.line))
        }
        return ObservedTripsFile(trips: trips, format: .drees,
                                 source: .init(description: "", file: "", bytes: 0, fnv1a: "", trips: 0), report: report)
    }

    /// The commune index of a DREES code: itself, its parent (counted), or nothing (listed as unknown).
    private static func resolve(_ code: String, _ territory: Territory, _ report: inout Report, origin: Bool,
                                line: Int) -> Int? {
        if territory.isCommuneCode(code) { return territory.index(ofCode: code) }
        if let i = territory.index(ofCode: code) {
            if origin { report.remappedOrigins += 1 } else { report.remappedDestinations += 1 }
            return i
        }
        report.unknownCodes.append((code, line))
        return nil
    }

    private static func readPairs(_ input: CSVTableReader, territory: Territory) throws(InputError) -> ObservedTripsFile {
        var table = input
        let mc = try table.columnIndex("minutes")
        var origins = try LocationColumns(table, prefix: "origin_", communeColumn: "origin")
        var destinations = try LocationColumns(table, prefix: "destination_", communeColumn: "destination")
        var report = Report()
        var trips: [ObservedTrip] = []
        while try table.next() {
            report.rows += 1
            let o = try origins.locate(table, territory: territory)
            let d = try destinations.locate(table, territory: territory)
            let minutes = try table.double(mc)
            guard minutes >= 0 else { throw table.error(mc, "\(minutes) minutes is negative") }
            guard minutes <= maximumMinutes else { throw table.error(mc, "\(minutes) minutes is more than a day") }
            if o.place == d.place {
                report.atHome += 1
                continue
            }
            guard o.place.crs == d.place.crs else { report.crossZone += 1; continue }
            guard minutes > 0 else { throw table.error(mc, "0 minutes between two distinct places") }
            trips.append(ObservedTrip(origin: o.place, destination: d.place, minutes: minutes, originCode: o.communeCode,
                                      destinationCode: d.communeCode, line: table.line))
        }
        return ObservedTripsFile(trips: trips, format: .pairs,
                                 source: .init(description: "", file: "", bytes: 0, fnv1a: "", trips: 0), report: report)
    }
}
