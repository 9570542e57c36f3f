import CareModel
import Foundation
import Yams

/// An intern grants file for `careaccess interns` (YAML): faculties of medicine (id, name, WGS84 lon/lat),
/// an optional distance schedule, the GP fraction an intern counts for, an optional budget, and placements
/// (commune code, name, lon/lat, faculty id, internship type, months).
///
/// ```yaml
/// name: Grand Est — intern grants
/// budget: 61400
/// gp_fraction: 0.5
/// faculties:
///   - {id: reims, name: "UFR Médecine, 51 rue Cognacq-Jay, Reims", lon: 4.0620, lat: 49.2410}
/// schedule:                       # optional; default InternGrantSchedule.grandEstDefault
///   - {up_to_km: 25, grant: 600}
///   - {grant: 3000}               # open last band
/// placements:
///   - {id: p01, commune: "08081", name: Bogny-sur-Meuse, lon: 4.76614, lat: 49.85567, faculty: reims, type: saspas, months: 6}
/// ```
/// Every value is range-checked where it is read (lon −180…180, lat −90…90, months 1…12, euros
/// 0…10,000,000,000, km > 0); errors name the file, line and key.
public struct InternsFile: Sendable {
    /// The study's title (`name:`), else the file name without its extension.
    public var name: String
    /// The faculties of medicine interns travel from, in file order (ids unique; WGS84 lon/lat in degrees).
    public var faculties: [InternGrants.Faculty]
    /// The internship placements, in file order: commune code and name, lon/lat, faculty (index into
    /// ``faculties``), internship type (`general_practice`, the default, or `saspas`) and months (1…12, default 6).
    public var placements: [InternGrants.Placement]
    /// The grant per distance band (`up_to_km`, `grant` in euros; the last band open), or
    /// ``CareModel/InternGrantSchedule/grandEstDefault`` when the file gives none.
    public var schedule: InternGrantSchedule
    /// Whether the file gave its own schedule (else the default, an assumption).
    public var scheduleGiven: Bool
    /// The share of a full-time GP an intern counts for, in 0.01…1 (`gp_fraction`, default 0.5).
    public var gpFraction: Double
    /// The grant budget in euros (0…10,000,000,000), `nil` when the file sets none.
    public var budget: Double?
    /// `synthetic: true` in the file: the placements are invented, and every output says so.
    public var synthetic: Bool

    /// Reads the UTF-8 YAML file at `path` and parses it (``parse(_:file:)``); throws an ``InputError`` naming
    /// `path` (and the line of the first invalid byte) when it cannot be read or is not UTF-8.
    public static func load(path: String) throws -> InternsFile {
        let (text, _) = try YAMLDocument.read(path: path)
        return try parse(text, file: path)
    }

    /// The interns file in the YAML `text`; `file` names it in errors.
    ///
    /// Throws an ``InputError`` naming `file`, the line and the key for invalid YAML, an unknown key, an empty
    /// `faculties` or `placements` list, a missing or repeated id, an unknown faculty or internship type, months
    /// outside 1…12, a longitude, latitude, distance, grant, budget or `gp_fraction` outside its range, or a schedule
    /// ``CareModel/InternGrantSchedule`` refuses.
    public static func parse(_ text: String, file: String) throws(InputError) -> InternsFile {
        let y = YAMLDocument(file: file)
        let root = try y.parse(text)
        let top = try y.mapping(root, allowed: ["name", "budget", "gp_fraction", "faculties", "schedule", "placements", "synthetic"],
                                context: "the interns file")
        func list(_ key: String) throws(InputError) -> [Node] {
            guard let e = top[key], case .sequence(let seq) = e.value, !seq.isEmpty else {
                throw y.error(top[key]?.value ?? root, key, "expected a non-empty list of \(key)")
            }
            return Array(seq)
        }
        func number(_ m: [String: (key: Node, value: Node)], _ key: String, _ range: ClosedRange<Double>, _ what: String,
                    required: Bool = true, in node: Node? = nil) throws(InputError) -> Double? {
            guard let v = try y.double(m[key], key) else {
                if required { throw y.error(node, key, "missing \(what)") }
                return nil
            }
            func text(_ b: Double) -> String { b == b.rounded() && abs(b) < 1e15 ? PlausibleRange.grouped(Int(b)) : String(b) }
            guard range.contains(v) else { throw y.error(m[key]?.value, key, "\(v) is not \(what) in \(text(range.lowerBound))…\(text(range.upperBound))") }
            return v
        }
        var faculties: [InternGrants.Faculty] = []
        var facultyIndex: [String: Int] = [:]
        for node in try list("faculties") {
            let m = try y.mapping(node, allowed: ["id", "name", "lon", "lat"], context: "a faculty")
            guard let id = try y.string(m["id"], "id") else { throw y.error(node, "id", "a faculty needs an id") }
            guard facultyIndex[id] == nil else { throw y.error(m["id"]?.value, "id", "duplicate faculty \(id)") }
            let lon = try number(m, "lon", -180...180, "a longitude", in: node) ?? 0
            let lat = try number(m, "lat", -90...90, "a latitude", in: node) ?? 0
            facultyIndex[id] = faculties.count
            faculties.append(.init(id: id, name: try y.string(m["name"], "name") ?? id, lon: lon, lat: lat))
        }
        var schedule = InternGrantSchedule.grandEstDefault
        if top["schedule"] != nil {
            var bands: [InternGrantSchedule.Band] = []
            for node in try list("schedule") {
                let m = try y.mapping(node, allowed: ["up_to_km", "grant"], context: "a schedule band")
                let upTo = try number(m, "up_to_km", 0.001...40_000, "a distance in km", required: false)
                let grant = try number(m, "grant", PlausibleRange.euros, "a grant in euros", in: node) ?? 0
                bands.append(.init(upToKm: upTo, grant: grant))
            }
            do { schedule = try InternGrantSchedule(bands: bands) } catch {
                throw y.error(top["schedule"]?.value, "schedule", "\(error)")
            }
        }
        var placements: [InternGrants.Placement] = []
        var ids = Set<String>()
        for node in try list("placements") {
            let m = try y.mapping(node, allowed: ["id", "commune", "name", "lon", "lat", "faculty", "type", "months"], context: "a placement")
            guard let commune = try y.string(m["commune"], "commune") else { throw y.error(node, "commune", "a placement needs a commune (INSEE code)") }
            let id = try y.string(m["id"], "id") ?? "\(placements.count + 1)"
            guard ids.insert(id).inserted else { throw y.error(m["id"]?.value ?? node, "id", "duplicate placement \(id)") }
            guard let fid = try y.string(m["faculty"], "faculty") else { throw y.error(node, "faculty", "a placement needs a faculty id") }
            guard let f = facultyIndex[fid] else {
                throw y.error(m["faculty"]?.value, "faculty", "unknown faculty '\(fid)' (the file has: \(faculties.map(\.id).joined(separator: ", ")))")
            }
            let typeText = try y.string(m["type"], "type") ?? InternGrants.InternshipType.generalPractice.rawValue
            guard let type = InternGrants.InternshipType(rawValue: typeText) else {
                throw y.error(m["type"]?.value, "type", "unknown internship type '\(typeText)' (expected general_practice or saspas)")
            }
            guard let months = try y.int(m["months"], "months") ?? 6 as Int?, (1...12).contains(months) else {
                throw y.error(m["months"]?.value, "months", "expected a number of months in 1…12")
            }
            guard m["lon"] != nil, m["lat"] != nil else { throw y.error(node, "lon", "a placement needs lon and lat (WGS84)") }
            let lon = try number(m, "lon", -180...180, "a longitude") ?? 0, lat = try number(m, "lat", -90...90, "a latitude") ?? 0
            placements.append(.init(id: id, communeCode: commune, communeName: try y.string(m["name"], "name") ?? "", lon: lon, lat: lat,
                                    faculty: f, type: type, months: months))
        }
        let gpFraction = try number(top, "gp_fraction", 0.01...1, "a fraction of a GP", required: false) ?? 0.5
        var budget: Double?
        if top["budget"] != nil { budget = try number(top, "budget", PlausibleRange.euros, "a budget in euros") }
        let name = try y.string(top["name"], "name") ?? ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        return InternsFile(name: name, faculties: faculties, placements: placements, schedule: schedule,
                           scheduleGiven: top["schedule"] != nil, gpFraction: gpFraction, budget: budget,
                           synthetic: try y.bool(top["synthetic"], "synthetic") ?? false)
    }
}
