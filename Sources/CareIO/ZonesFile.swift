import CareModel
import CarePlacement

/// The under-served zones as a file: written by `careaccess access --zones FILE.csv`
/// (`code,name,departement,population,score,zone`, zone `under_served`, `complementary` or `other`), read back
/// by the commands that restrict candidates or grants to the zones (`place --zones`).
///
/// ```swift
/// try transaction.stage(ZonesFile.csv(zones, territory: study.territory), to: "zones.csv")
/// let z = try ZonesFile.load(path: "zones.csv")
/// z.zone(of: "08363")   // .underServed
/// ```
/// Reading checks the header, every code (once) and every zone name; errors name the file, line and field.
public struct ZonesFile: Sendable {
    /// The file read.
    public var path: String
    /// Zone of each commune code of the file.
    public var zones: [String: AccessZone]

    /// The per-commune CSV, in the run's row order; scores in the indicator's unit.
    public static func csv(_ zones: UnderServedZones, territory: Territory) -> String {
        var out = "code,name,departement,population,score,zone\n"
        for r in zones.rows {
            let c = territory.communes[r.commune]
            out += [c.code, CSVWriter.escape(c.name), c.departement, String(c.population), CSVWriter.number(r.score),
                    r.zone.rawValue].joined(separator: ",") + "\n"
        }
        return out
    }

    /// The terminal lines: the marks, then each zone's communes and population.
    public static func summary(_ zones: UnderServedZones, path: String) -> [String] {
        let u = zones.marks.underServed.formatted2
        var lines = ["Zones:     under-served below \(u)"
                     + (zones.marks.complementary.map { ", complementary \(u) to below \($0.formatted2)" } ?? "")
                     + " (written to \(path))"]
        for t in zones.totals {
            lines.append("           \(t.zone.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)) "
                         + "\(String(t.communes).leftPadded(6)) communes \(t.population.grouped.leftPadded(12)) inhabitants")
        }
        return lines
    }

    /// Reads the zones file at `path` (plain or xz-compressed) and parses it as ``parse(_:file:)``.
    public static func load(path: String) throws(InputError) -> ZonesFile {
        try parse(try FileInput.bytes(path: path), file: path)
    }

    /// The zones of the CSV in `bytes` (columns `code` and `zone` required, others ignored); throws an
    /// ``InputError`` naming `file`, the line and the column for a missing column, an empty code, a zone other than
    /// `under_served`, `complementary` or `other`, a repeated code, or a file without data rows.
    public static func parse(_ bytes: [UInt8], file: String) throws(InputError) -> ZonesFile {
        var table = try CSVTableReader(bytes: bytes, file: file, required: ["code", "zone"])
        let cCode = try table.columnIndex("code"), cZone = try table.columnIndex("zone")
        var zones: [String: AccessZone] = [:]
        while try table.next() {
            let code = try table.nonEmptyString(cCode)
            let name = try table.nonEmptyString(cZone)
            guard let zone = AccessZone(rawValue: name) else {
                throw table.error(cZone, "'\(name)' is not a zone (under_served, complementary, other)")
            }
            guard zones.updateValue(zone, forKey: code) == nil else { throw table.error(cCode, "duplicate commune \(code)") }
        }
        if table.recordsRead == 0 { throw InputError(file: file, line: 2, message: "no data rows") }
        return ZonesFile(path: file, zones: zones)
    }

    /// The zone of a commune code; `nil` when the file does not list it.
    public func zone(of code: String) -> AccessZone? { zones[code] }

    /// The candidates whose commune lies within `level` (see ``CareModel/AccessZone/isWithin(_:)``); candidates
    /// of a commune the file does not list are left out, like those outside the zones.
    public func restrict(_ candidates: [PlacementCandidate], to level: AccessZone) -> [PlacementCandidate] {
        candidates.filter { c in c.communeCode.flatMap { zones[$0] }.map { $0.isWithin(level) } ?? false }
    }
}
