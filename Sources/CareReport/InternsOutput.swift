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
        lines.append("Supply:     an intern counts as \(g.gpFraction.fixed(2)) GP for the months of the internship (temporary supply, an assumption)")
        lines.append("")
        lines.append(" #  id     commune                            faculty        type               months      km  band    grant €  eligible")
        for (k, r) in g.rows.enumerated() {
            let p = r.placement, f = file.faculties[p.faculty]
            var line = "\(k + 1)".leftPadded(2) + "  " + p.id.rightPadded(6) + " " + "\(p.communeCode) \(p.communeName)".rightPadded(34)
            line += " " + f.id.rightPadded(14) + " " + p.type.rawValue.rightPadded(17) + "\(p.months)".leftPadded(7)
            line += r.km.fixed(1).leftPadded(8) + (r.band.map { "\($0 + 1)" } ?? "—").leftPadded(6) + r.grant.groupedWhole.leftPadded(11)
            line += "  " + (r.eligible ? "yes" : "no: " + (r.reason ?? ""))
            lines.append(line)
        }
        lines.append("")
        let eligible = g.rows.filter(\.eligible).count
        var total = "Total:      \(g.totalGrants.groupedWhole) € for \(eligible) eligible placements of \(g.rows.count)"
        if let b = file.budget {
            let d = g.totalGrants - b
            total += "; budget \(b.groupedWhole) €: " + (d > 0 ? "\(d.groupedWhole) € over" : d < 0 ? "\((-d).groupedWhole) € left" : "exactly spent")
        }
        lines.append(total)
        for (i, f) in file.faculties.enumerated() {
            let rows = g.rows.filter { $0.placement.faculty == i }
            guard !rows.isEmpty else { continue }
            lines.append("  \(f.id.rightPadded(12)) \("\(rows.count)".leftPadded(3)) placements, \(rows.reduce(0) { $0 + $1.grant }.groupedWhole.leftPadded(7)) €  (\(f.name))")
        }
        lines.append("Temporary supply: \(g.totalGPYears.fixed(2)) GP-years (\(g.gpFraction.fixed(2)) GP × months / 12 per intern), whatever the grant")
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
}
