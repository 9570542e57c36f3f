import CareIO
import CareStudy
import CareModel
import Foundation

/// The terminal table and CSV of `careaccess interns`: every grant, the total against the budget, the
/// temporary supply, and what produced them (distance rule, schedule, zones, synthetic placements).
public enum InternsOutput {
    /// The terminal table of `grants`: the distance rule (great-circle km from the faculty), the schedule, the
    /// zones checked (communes of `level` in `zonesSource`, or none), one row per placement, the total against
    /// the budget, the totals per faculty and the temporary supply in GP-years.
    public static func text(_ g: InternGrants, file: InternsFile, zonesSource: String?, level: AccessZone) -> String {
        var lines = ["CareAccess intern grants — \(file.name)"]
        if file.synthetic { lines.append("Placements: SYNTHETIC (marked so in the file: not a real list of placements)") }
        lines.append("Distance:   straight line (great circle on WGS84 points, mean Earth radius 6,371 km) from the faculty to the placement; no travel model")
        lines.append("Schedule:   \(g.schedule.summary)" + (file.scheduleGiven ? " (the file's)" : " (default: an assumption shaped on the Grand Est scheme, 600 € to 3,000 €)"))
        lines.append("Zones:      " + (zonesSource.map { "\($0), eligible: \(level == .underServed ? "under-served" : "under-served and complementary") communes" }
                                       ?? "not checked (no --zones): every placement within the schedule is eligible"))
        lines.append("Supply:     an intern counts as \(fmt(g.gpFraction, 2)) GP for the months of the internship (temporary supply, an assumption)")
        lines.append("")
        lines.append(" #  id     commune                            faculty        type               months      km  band    grant €  eligible")
        for (k, r) in g.rows.enumerated() {
            let p = r.placement, f = file.faculties[p.faculty]
            var line = pad("\(k + 1)", 2) + "  " + pad(p.id, 6, left: true) + " " + pad("\(p.communeCode) \(p.communeName)", 34, left: true)
            line += " " + pad(f.id, 14, left: true) + " " + pad(p.type.rawValue, 17, left: true) + pad("\(p.months)", 7)
            line += pad(fmt(r.km, 1), 8) + pad(r.band.map { "\($0 + 1)" } ?? "—", 6) + pad(grouped(r.grant), 11)
            line += "  " + (r.eligible ? "yes" : "no: " + (r.reason ?? ""))
            lines.append(line)
        }
        lines.append("")
        let eligible = g.rows.filter(\.eligible).count
        var total = "Total:      \(grouped(g.totalGrants)) € for \(eligible) eligible placements of \(g.rows.count)"
        if let b = file.budget {
            let d = g.totalGrants - b
            total += "; budget \(grouped(b)) €: " + (d > 0 ? "\(grouped(d)) € over" : d < 0 ? "\(grouped(-d)) € left" : "exactly spent")
        }
        lines.append(total)
        for (i, f) in file.faculties.enumerated() {
            let rows = g.rows.filter { $0.placement.faculty == i }
            guard !rows.isEmpty else { continue }
            lines.append("  \(pad(f.id, 12, left: true)) \(pad("\(rows.count)", 3)) placements, \(pad(grouped(rows.reduce(0) { $0 + $1.grant }), 7)) €  (\(f.name))")
        }
        lines.append("Temporary supply: \(fmt(g.totalGPYears, 2)) GP-years (\(fmt(g.gpFraction, 2)) GP × months / 12 per intern), whatever the grant")
        return lines.joined(separator: "\n")
    }

    /// `id,commune,name,faculty,type,months,km,band,zone,eligible,reason,grant,gp_years`.
    public static func csv(_ g: InternGrants, file: InternsFile) -> String {
        var out = "id,commune,name,faculty,type,months,km,band,zone,eligible,reason,grant,gp_years\n"
        for r in g.rows {
            let p = r.placement
            out += [CSVWriter.escape(p.id), p.communeCode, CSVWriter.escape(p.communeName), CSVWriter.escape(file.faculties[p.faculty].id),
                    p.type.rawValue, String(p.months), CSVWriter.number(r.km), r.band.map { String($0 + 1) } ?? "",
                    r.zone?.rawValue ?? "", r.eligible ? "true" : "false", CSVWriter.escape(r.reason ?? ""), CSVWriter.number(r.grant),
                    CSVWriter.number(r.gpYears)].joined(separator: ",") + "\n"
        }
        return out
    }

    static func fmt(_ v: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", v) }
    static func grouped(_ v: Double) -> String { v.isFinite && abs(v) < 9e15 ? Int(v.rounded()).grouped : String(v) }
    static func pad(_ s: String, _ w: Int, left: Bool = false) -> String {
        s.count >= w ? s : (left ? s + String(repeating: " ", count: w - s.count) : String(repeating: " ", count: w - s.count) + s)
    }
}
