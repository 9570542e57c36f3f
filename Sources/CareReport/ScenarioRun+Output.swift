import CareIO
import CareModel
import CareStudy
import Foundation

// What a scenario run shows: the terminal summary and the CSV sidecars of its output folder.
extension ScenarioRun {
    /// The before/after summary printed by `careaccess scenario`.
    public func summaryText() -> String {
        let s = comparison.summary
        let t = s.threshold.formatted2
        let signed = { (v: Int) in v > 0 ? "+\(v.grouped)" : v.grouped }
        var lines = ["Scenario: \(file.scenario.name)" + (file.scenario.horizon.map { " (horizon \($0))" } ?? "")]
        lines.append("Baseline: \(study.territorySource); \(study.supplySource); \(study.demand.count) communes studied; \(file.baseline.travel.label)")
        lines.append(comparison.parameterLine)
        if let gap = study.supplyGap { lines.append("Data gap: \(gap)") }
        lines.append(contentsOf: comparison.inputLines)
        lines.append(contentsOf: travelNotes.map { "Note: \($0)" })
        lines.append("Events:")
        lines.append(contentsOf: outcome.log.map { "  - \($0)" })
        lines.append("")
        lines.append("                                   before        after       change")
        func row(_ label: String, _ a: String, _ b: String, _ c: String) -> String {
            label.padding(toLength: 30, withPad: " ", startingAt: 0) + a.leftPadded(11) + b.leftPadded(13) + c.leftPadded(13)
        }
        lines.append(row("GPs in the supply (FTE)", s.gpsBefore.formatted2, s.gpsAfter.formatted2, (s.gpsAfter - s.gpsBefore).signedFixed(2)))
        lines.append(row("population beyond \(t) min", s.populationBeyondBefore.grouped, s.populationBeyondAfter.grouped,
                         signed(s.populationBeyondAfter - s.populationBeyondBefore)))
        lines.append(row("mean minutes to nearest GP", s.meanMinutesBefore.fixed(2), s.meanMinutesAfter.fixed(2),
                         (s.meanMinutesAfter - s.meanMinutesBefore).signedFixed(3)))
        lines.append(row("mean \(comparison.indicator.name)", s.meanScoreBefore.fixed(3), s.meanScoreAfter.fixed(3),
                         (s.meanScoreAfter - s.meanScoreBefore).signedFixed(3)))
        if let u = s.underServed {
            lines.append(row("population below \(u.formatted2)", s.populationBelowBefore.grouped, s.populationBelowAfter.grouped,
                             signed(s.populationBelowChange)))
            lines.append(row("communes below \(u.formatted2)", String(s.communesBelowBefore), String(s.communesBelowAfter),
                             signed(s.communesBelowAfter - s.communesBelowBefore)))
        }
        lines.append("")
        lines.append("Newly within \(t) min: \(s.newlyCoveredCommunes) communes, \(s.newlyCoveredPopulation.grouped) inhabitants; "
                     + "newly beyond: \(s.newlyUncoveredCommunes) communes, \(s.newlyUncoveredPopulation.grouped) inhabitants")
        lines.append("\(comparison.indicator.name) (\(comparison.indicator.unit)): \(s.communesGaining) communes gain, \(s.communesLosing) lose")
        let movers = comparison.rows.sorted { abs($0.scoreAfter - $0.scoreBefore) > abs($1.scoreAfter - $1.scoreBefore) }.prefix(5)
            .filter { $0.scoreAfter != $0.scoreBefore }
        if !movers.isEmpty {
            lines.append("Largest changes: " + movers.map { r in
                let c = study.territory.communes[r.commune]
                return "\(c.name) (\(c.code)) \(r.scoreBefore.fixed(3)) → \(r.scoreAfter.fixed(3))"
            }.joined(separator: "; "))
        }
        if let cost = file.cost { lines.append(contentsOf: costLines(CostBenefit(cost: cost, comparison: comparison, territory: study.territory))) }
        let notes = study.notes.filter { $0 != study.supplyGap }.map(\.description) + (outcome.assumptions + comparison.notes).map(\.description)
        if !notes.isEmpty {
            lines.append("")
            lines.append(contentsOf: notes.map { "Note: " + $0 })
        }
        return lines.joined(separator: "\n")
    }

    /// The cost and what it buys: total, net population newly within T and indicator gain per 100 k€, gain per GP.
    func costLines(_ b: CostBenefit) -> [String] {
        let name = comparison.indicator.name
        let f1 = { (v: Double?) in v.map { $0.fixed(1) } ?? "n/a" }
        return ["",
                "Cost: \(CompareRun.euros(b.cost.investment)) € investment + \(CompareRun.euros(b.cost.yearly)) € a year × \(b.cost.years) year\(b.cost.years == 1 ? "" : "s") = \(CompareRun.euros(b.cost.total)) € (undiscounted)",
                "Per 100 k€ (the whole change, every event): \(f1(b.newlyCoveredPer100k)) inhabitants newly within \(comparison.summary.threshold.formatted2) min (net), \(f1(b.scoreGainPer100k)) \(name) gain; \(name) gain \(b.scoreGain.fixed(0)) (Σ inhabitants × change), \(f1(b.scoreGainPerGP)) per GP added"]
    }

    /// Per-commune before/after CSV.
    public func communesCSV() -> String {
        var out = "code,name,departement,population,minutes_before,minutes_after,within_before,within_after,score_before,score_after,score_change\n"
        for r in comparison.rows {
            let c = study.territory.communes[r.commune]
            out += [c.code, CSVWriter.escape(c.name), c.departement, String(c.population),
                    CSVWriter.number(r.minutesBefore), CSVWriter.number(r.minutesAfter),
                    r.withinBefore ? "1" : "0", r.withinAfter ? "1" : "0",
                    CSVWriter.number(r.scoreBefore), CSVWriter.number(r.scoreAfter),
                    CSVWriter.number(r.scoreAfter - r.scoreBefore)].joined(separator: ",") + "\n"
        }
        return out
    }

    /// Sites after the scenario, with their kind and capacity before and after.
    public func sitesCSV() -> String {
        var out = "id,kind,commune,x,y,gps_before,gps_after\n"
        let before = Dictionary(study.supply.sites.map { ($0.id, $0.gps) }, uniquingKeysWith: { a, _ in a })
        for (i, s) in outcome.sites.enumerated() {
            out += [CSVWriter.escape(s.id), outcome.kinds[i].rawValue, s.communeCode ?? "", CSVWriter.number(s.point.x),
                    CSVWriter.number(s.point.y), CSVWriter.number(before[s.id] ?? 0), CSVWriter.number(s.gps)].joined(separator: ",") + "\n"
        }
        return out
    }

    /// Writes `communes.csv`, `sites.csv` and `summary.txt` into `directory` (created if needed), all together (``OutputTransaction``).
    public func write(to directory: String) throws {
        try OutputTransaction.run { (transaction: inout OutputTransaction) throws in try stage(into: directory, in: &transaction) }
    }

    /// Stages `communes.csv`, `sites.csv` and `summary.txt` of `directory` in `transaction` (the folder is created if
    /// needed, and removed again if the transaction is discarded).
    public func stage(into directory: String, in transaction: inout OutputTransaction) throws {
        try transaction.makeFolder(directory)
        try transaction.stage(communesCSV(), to: directory + "/communes.csv")
        try transaction.stage(sitesCSV(), to: directory + "/sites.csv")
        try transaction.stage(summaryText() + "\n", to: directory + "/summary.txt")
    }
}

extension ScenarioComparison {
    /// The indicator's inputs as lines, e.g. `APL demand: age-standardised …` (none for the FCA family).
    var inputLines: [String] { inputs.map { "\(indicator.name) \($0.label.lowercased()): \($0.text)" } }

    /// The parameters every run states: coverage threshold, the indicator with its weights, its catchment and
    /// the under-served mark (the travel model is on the baseline line).
    var parameterLine: String {
        "Parameters: coverage threshold \(summary.threshold.formatted2) min; \(indicator.name) (\(indicator.decayDescription)), catchment \(catchment.formatted2) min"
            + (summary.underServed.map { ", under-served below \($0.formatted2)" } ?? "")
    }
}
