import CareIO
import CareModel
import CareStudy
import Foundation

// What a comparison shows: the terminal ranking table and its CSV.
extension CompareRun {
    /// The terminal ranking: the baseline and its figures, then one row per option in rank order (GPs added,
    /// net population newly within the threshold, mean minutes and indicator after, population below the
    /// under-served mark), with the cost–benefit columns when any option has a cost, and the notes.
    public func table() -> String {
        let first = results.first?.run.comparison
        let u = first?.summary.underServed
        let indicator = first?.indicator.name ?? "score"
        var lines = ["Comparison: \(file.name) — ranked by \(file.rankBy.rawValue)"]
        lines.append("Baseline: \(study.territorySource); \(study.supplySource); \(study.demand.count) communes studied, threshold \(file.baseline.threshold.formatted2) min; \(file.baseline.travel.label)")
        if let first { lines.append(first.parameterLine) }
        if let gap = study.supplyGap { lines.append("Data gap: \(gap)") }
        lines.append(contentsOf: first?.inputLines ?? [])
        lines.append(contentsOf: (results.first?.run.travelNotes ?? []).map { "Note: \($0)" })
        if let s = first?.summary {
            lines.append("Baseline figures: mean \(indicator) \(s.meanScoreBefore.fixed(3))"
                         + (u.map { ", population below \($0.formatted2): \(s.populationBelowBefore.grouped)" } ?? "")
                         + ", population beyond \(file.baseline.threshold.formatted2) min: \(s.populationBeyondBefore.grouped)"
                         + ", mean minutes \(s.meanMinutesBefore.fixed(2))")
        }
        lines.append("")
        var header = "rank  option".padding(toLength: 44, withPad: " ", startingAt: 0) + "GPs added".leftPadded(10)
            + "newly ≤T".leftPadded(10) + "mean min".leftPadded(10) + ("mean " + indicator).leftPadded(11)
        if let u { header += ("pop < " + u.formatted2).leftPadded(12) + "change".leftPadded(9) }
        let costed = hasCosts
        if costed {
            header += "cost k€".leftPadded(10) + "≤T/100k€".leftPadded(10) + (indicator + " gain").leftPadded(12)
                + "/100k€".leftPadded(10) + "/GP".leftPadded(10)
        }
        lines.append(header)
        for (rank, i) in ranking.enumerated() {
            let s = results[i].run.comparison.summary
            var line = "\(rank + 1)".padding(toLength: 6, withPad: " ", startingAt: 0)
                + String(results[i].option.name.prefix(37)).padding(toLength: 38, withPad: " ", startingAt: 0)
                + (s.gpsAfter - s.gpsBefore).signedFixed(2).leftPadded(10)
                + (s.newlyCoveredPopulation - s.newlyUncoveredPopulation).grouped.leftPadded(10)
                + s.meanMinutesAfter.fixed(2).leftPadded(10)
                + s.meanScoreAfter.fixed(3).leftPadded(11)
            if u != nil {
                line += s.populationBelowAfter.grouped.leftPadded(12)
                    + (s.populationBelowChange > 0 ? "+" : "").appending(s.populationBelowChange.grouped).leftPadded(9)
            }
            if costed { line += Self.costColumns(results[i].benefit) }
            lines.append(line)
        }
        if costed {
            lines.append("")
            lines.append("Costs: investment + yearly cost × years, undiscounted; per 100 k€ of that total. \(indicator) gain: Σ inhabitants × change of \(indicator) over the studied communes"
                         + (first.map { if case .apl = $0.indicator { return " (consultations a year brought within reach)" } else { return "" } } ?? "") + ".")
            for r in results {
                guard let b = r.benefit else {
                    lines.append("Cost — \(r.option.name): not given")
                    continue
                }
                lines.append("Cost — \(r.option.name): \(Self.euros(b.cost.investment)) € investment + \(Self.euros(b.cost.yearly)) € a year × \(b.cost.years) year\(b.cost.years == 1 ? "" : "s") = \(Self.euros(b.cost.total)) €")
            }
        }
        let placements = results.compactMap { r in r.placementNote.map { "\(r.option.name): \($0)" } }
        if !placements.isEmpty {
            lines.append("")
            lines.append(contentsOf: placements.map { "Placement — " + $0 })
        }
        let notes = Set(results.flatMap { $0.run.outcome.assumptions.map(\.description) }).sorted() + study.notes.filter { $0 != study.supplyGap }.map(\.description)
        if !notes.isEmpty {
            lines.append("")
            lines.append(contentsOf: notes.map { "Note: " + $0 })
        }
        return lines.joined(separator: "\n")
    }

    /// The cost–benefit cells of the table: total cost in k€, newly within T per 100 k€, indicator gain, per
    /// 100 k€ and per GP (`—` where not defined).
    static func costColumns(_ b: CostBenefit?) -> String {
        guard let b else { return String(repeating: "—".leftPadded(10), count: 2) + "—".leftPadded(12) + String(repeating: "—".leftPadded(10), count: 2) }
        let dash = "—"
        return (b.cost.total / 1000).fixed(1).leftPadded(10)
            + (b.newlyCoveredPer100k.map { $0.fixed(1) } ?? dash).leftPadded(10)
            + b.scoreGain.fixed(0).leftPadded(12)
            + (b.scoreGainPer100k.map { $0.fixed(1) } ?? dash).leftPadded(10)
            + (b.scoreGainPerGP.map { $0.fixed(1) } ?? dash).leftPadded(10)
    }

    /// Whole euros with thousands separators.
    static func euros(_ v: Double) -> String { v.isFinite && abs(v) < 9e15 ? Int(v.rounded()).grouped : String(v) }

    /// One CSV row per option in rank order, with a header; the cost columns only when any option has a cost.
    public func csv() -> String {
        let costed = hasCosts
        var out = "rank,option,gps_added,newly_covered_population,newly_uncovered_population,population_beyond_after,mean_minutes_after,mean_score_before,mean_score_after,population_below_before,population_below_after,communes_below_after,sites_opened"
            + (costed ? ",investment,yearly_cost,cost_years,total_cost,score_gain,newly_covered_per_100k,score_gain_per_100k,score_gain_per_gp" : "") + "\n"
        for (rank, i) in ranking.enumerated() {
            let r = results[i]
            let s = r.run.comparison.summary
            let opened = r.run.outcome.sites.indices.filter { r.run.outcome.kinds[$0] != .practice }
                .map { r.run.outcome.sites[$0].communeCode ?? r.run.outcome.sites[$0].id }.joined(separator: ";")
            out += [String(rank + 1), CSVWriter.escape(r.option.name), CSVWriter.number(s.gpsAfter - s.gpsBefore),
                    String(s.newlyCoveredPopulation), String(s.newlyUncoveredPopulation), String(s.populationBeyondAfter),
                    CSVWriter.number(s.meanMinutesAfter), CSVWriter.number(s.meanScoreBefore), CSVWriter.number(s.meanScoreAfter),
                    String(s.populationBelowBefore), String(s.populationBelowAfter), String(s.communesBelowAfter),
                    opened].joined(separator: ",")
            if costed {
                let b = r.benefit
                let cells: [Double?] = [b?.cost.investment, b?.cost.yearly, b.map { Double($0.cost.years) }, b?.cost.total, b?.scoreGain,
                                        b?.newlyCoveredPer100k, b?.scoreGainPer100k, b?.scoreGainPerGP]
                out += "," + cells.map { $0.map(CSVWriter.number) ?? "" }.joined(separator: ",")
            }
            out += "\n"
        }
        return out
    }
}
