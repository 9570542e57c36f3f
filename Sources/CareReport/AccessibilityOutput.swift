import CareIO
import CareStudy
import CareModel
import Foundation

/// Text and CSV renderings of an accessibility run.
public enum AccessibilityOutput {
    /// Per-commune CSV: `code,name,departement,population,demand,score` (score in the method's unit).
    public static func csv(_ result: AccessibilityResult, study: Study) -> String {
        var out = "code,name,departement,population,demand,score\n"
        for r in result.rows {
            let c = study.territory.communes[r.commune]
            out += [c.code, CSVWriter.escape(c.name), c.departement, String(c.population), CSVWriter.number(r.demand),
                    CSVWriter.number(r.score)].joined(separator: ",") + "\n"
        }
        return out
    }

    /// The terminal summary; `headline` lines (data gaps) come right after the studied communes, `Data gap:`,
    /// and are not repeated among the notes.
    /// `zones` lines (``ZonesFile/summary(_:path:)``) follow the under-served line.
    public static func summary(_ result: AccessibilityResult, study: Study, headline: [String] = [],
                               zones: [String] = []) -> String {
        let s = result.summary
        let f = { (v: Double) in v.fixed(3) }
        var lines: [String] = []
        lines.append("CareAccess accessibility — \(result.method.name) (\(result.method.decayDescription)), catchment \(result.threshold.formatted2) min, \(result.modelSummary)")
        lines.append("Territory: \(study.territorySource)")
        lines.append("Supply:    \(study.supplySummary)")
        lines.append("Studied:   \(s.communes) communes, \(s.population.grouped) inhabitants; \(result.pairCount.grouped) site–commune pairs within the catchment")
        for h in headline { lines.append("Data gap:  " + h) }
        lines.append("Unit:      \(result.method.unit)")
        for i in result.inputs { lines.append((i.label + ":").padding(toLength: 11, withPad: " ", startingAt: 0) + i.text) }
        lines.append("")
        lines.append("Population-weighted mean: \(f(s.meanScore))   min \(f(s.minScore))   max \(f(s.maxScore))")
        lines.append("Deciles (population-weighted): " + s.deciles.map(f).joined(separator: " "))
        if s.communesWithZero > 0 { lines.append("Communes with no GP in reach: \(s.communesWithZero)") }
        if let u = s.underServed {
            let share = s.population > 0 ? Double(s.populationBelow) / Double(s.population) * 100 : 0
            lines.append("Below \(u.formatted2): \(s.communesBelow) communes, \(s.populationBelow.grouped) inhabitants (\(share.fixed(2)) %)")
        }
        lines.append(contentsOf: zones)
        if s.byDepartement.count > 1 {
            lines.append("")
            lines.append("département  communes  population    mean" + (s.underServed != nil ? "  communes below  population below" : ""))
            for d in s.byDepartement {
                var line = d.departement.padding(toLength: 11, withPad: " ", startingAt: 0)
                    + String(d.communes).leftPadded(10) + d.population.grouped.leftPadded(12) + f(d.meanScore).leftPadded(8)
                if s.underServed != nil { line += String(d.communesBelow).leftPadded(16) + d.populationBelow.grouped.leftPadded(18) }
                lines.append(line)
            }
        }
        let notes = (study.notes + result.notes).map(\.description).filter { !headline.contains($0) }
        if !notes.isEmpty {
            lines.append("")
            lines.append(contentsOf: notes.map { "Note: " + $0 })
        }
        return lines.joined(separator: "\n")
    }
}

extension AccessibilityMethod {
    var decayDescription: String {
        switch self {
        case .twoStep: return "binary catchment"
        case .enhanced(let d), .gravity(let d), .threeStep(let d): return d.summary
        case .apl(let o): return "DREES weights " + o.weights.summary
        }
    }
}
