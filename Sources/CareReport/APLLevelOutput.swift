import CareIO
import CareStudy
import CareModel
import Foundation

/// Text rendering of an APL activity-level derivation (`careaccess access --method apl --derive-activity-level`):
/// the level, what it reproduces, what was excluded, and from which model and data. The lines `Derived level:`
/// and `Travel model:` are read by `Scripts/derive-apl-level.sh`.
public enum APLLevelOutput {
    /// The derivation's report: the derived activity level (consultations, visits and teleconsultations per GP
    /// per year), the reference and excluded communes with their inhabitants, the mean APL and share below the
    /// under-served mark it reproduces against DREES 2023, and the study's and derivation's notes.
    /// `modelSummary` is the travel model's one-line description.
    public static func summary(_ r: APLLevelDerivation.Result, derivation d: APLLevelDerivation, study: Study,
                               modelSummary: String) -> String {
        let t = study.territory
        let pop = { (ix: [Int]) in ix.reduce(0) { $0 + t.communes[$1].population } }
        let pct = { (part: Int, whole: Int) in String(format: "%.1f %%", whole > 0 ? Double(part) / Double(whole) * 100 : 0) }
        let holes = d.holes.sorted().joined(separator: ", ")
        var lines: [String] = []
        lines.append("CareAccess APL activity level — derived to reproduce a mean APL of \(d.target.formatted2), catchment \(d.threshold.formatted2) min")
        lines.append("Travel model: \(modelSummary)")
        lines.append("Territory: \(study.territorySource)")
        lines.append("Supply:    \(study.supplySummary)")
        for i in r.inputs where i.label != "Activity" {
            lines.append((i.label + ":").padding(toLength: 11, withPad: " ", startingAt: 0) + i.text)
        }
        let studied = r.reference.count + r.holeCommunes.count + r.reachingCommunes.count
        lines.append("Studied:   \(studied) communes, \(pop(r.reference + r.holeCommunes + r.reachingCommunes).grouped) inhabitants")
        lines.append("Excluded:  \(r.holeCommunes.count) communes of \(holes) (\(pop(r.holeCommunes).grouped) inhabitants; the supply has no GP there)")
        var byDep: [String: Int] = [:]
        for i in r.reachingCommunes { byDep[t.communes[i].departement, default: 0] += 1 }
        let deps = byDep.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
        lines.append("           and \(r.reachingCommunes.count) communes (\(pop(r.reachingCommunes).grouped) inhabitants) whose \(d.threshold.formatted2)-minute "
                     + "catchment reaches a commune point of \(holes)" + (deps.isEmpty ? "" : " (\(deps))"))
        lines.append("Reference: \(r.reference.count) communes, \(r.reproduced.population.grouped) inhabitants")
        lines.append("")
        lines.append(String(format: "Mean APL with 1 consultation per counted GP: %.9f", r.meanPerUnit)
                     + (r.fixedMean > 0 ? String(format: "; listed practitioners alone: %.6f", r.fixedMean) : ""))
        lines.append(String(format: "Derived level: %.3f consultations + visits + teleconsultations per GP per year", r.level))
        let s = r.reproduced
        lines.append(String(format: "Reproduces: population-weighted mean %.6f on the reference communes (target %@); ", s.meanScore, d.target.formatted2)
                     + "below \(d.underServed.formatted2): \(s.communesBelow) communes, \(s.populationBelow.grouped) inhabitants (\(pct(s.populationBelow, s.population)))")
        lines.append("DREES 2023 (metropolitan France): mean \(APLActivityLevel.dreesNationalMean2023.formatted2), "
                     + String(format: "%.1f %%", APLActivityLevel.dreesShareBelow2023 * 100) + " of the population below \(StudyDefaults.underServedAPL.shortText)")
        let a = r.allStudied
        lines.append(String(format: "Every studied commune at this level: mean %.3f; ", a.meanScore)
                     + "below \(d.underServed.formatted2): \(a.communesBelow) communes, \(a.populationBelow.grouped) inhabitants (\(pct(a.populationBelow, a.population)))")
        lines.append("Constant: Sources/CareModel/APLActivityLevel.swift (Scripts/derive-apl-level.sh --write rewrites it from this run)")
        let notes = study.notes + r.notes
        if !notes.isEmpty {
            lines.append("")
            lines.append(contentsOf: notes.map { "Note: \($0)" })
        }
        return lines.joined(separator: "\n")
    }
}
