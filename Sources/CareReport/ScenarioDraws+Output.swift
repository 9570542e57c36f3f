import CareIO
import CareStudy
import CareModel
import Foundation

extension ScenarioDraws {
    /// The share of draws from which a commune counts as at risk in the summary and the report.
    public static let riskProbability = 0.5

    /// The summary printed by `careaccess scenario --draws N`: the baseline and parameters, draw 0's events,
    /// then each figure's baseline value, mean and 5th/50th/95th percentiles across the draws, and the
    /// communes below the mark or beyond the threshold in at least half of the draws.
    public func summaryText() -> String {
        let run = first
        let c = run.comparison
        let s = c.summary
        var lines = ["Scenario: \(run.file.scenario.name)" + (run.file.scenario.horizon.map { " (horizon \($0))" } ?? "")]
        lines.append("Baseline: \(run.study.territorySource); \(run.study.supplySource); \(run.study.demand.count) communes studied; \(run.file.baseline.travel.label)")
        lines.append(c.parameterLine)
        if let gap = run.study.supplyGap { lines.append("Data gap: \(gap)") }
        lines.append(contentsOf: c.inputLines)
        lines.append(contentsOf: run.travelNotes.map { "Note: \($0)" })
        lines.append("Events (draw 0 of \(bands.draws.grouped); the retirements drawn differ from draw to draw):")
        lines.append(contentsOf: run.outcome.log.map { "  - \($0)" })
        lines.append("Monte-Carlo: \(bands.draws.grouped) draws of the assumed retirements, seed \(seed) (each draw reseeded from the seed and its number alone); bands are the 5th, 50th and 95th percentiles across the draws (linear between order statistics, R type 7)")
        lines.append("")
        lines.append("".padding(toLength: 34, withPad: " ", startingAt: 0)
                     + ["baseline", "mean", "p5", "p50", "p95"].map { $0.leftPadded(12) }.joined())
        for figure in ScenarioFigure.allCases where !(figure.needsMark && s.underServed == nil) {
            let before = baseline(of: figure), b = bands(of: figure)
            lines.append(figure.label(threshold: s.threshold, underServed: s.underServed, indicator: c.indicator.name)
                .padding(toLength: 34, withPad: " ", startingAt: 0)
                + ([before.isNaN ? "" : figure.text(before)] + [b.mean, b.p5, b.p50, b.p95].map(figure.text))
                .map { $0.leftPadded(12) }.joined())
        }
        lines.append("")
        if let u = s.underServed, let below = bands.probabilityBelow {
            lines.append(riskLine("below \(u.formatted2)", probability: below, atBaseline: { c.rows[$0].scoreBefore < u }))
        }
        lines.append(riskLine("beyond \(s.threshold.formatted2) min", probability: bands.probabilityBeyond,
                              atBaseline: { !c.rows[$0].withinBefore }))
        if let cost = run.file.cost {
            let b = CostBenefit(cost: cost, comparison: c, territory: run.study.territory)
            lines.append("Cost: \(CompareRun.euros(b.cost.investment)) € investment + \(CompareRun.euros(b.cost.yearly)) € a year × \(b.cost.years) year\(b.cost.years == 1 ? "" : "s") = \(CompareRun.euros(b.cost.total)) € (undiscounted); gains per 100 k€ for one draw: --draws 1")
        }
        let notes = run.study.notes.filter { $0 != run.study.supplyGap }.map(\.description) + run.outcome.assumptions.map { "(draw 0) \($0)" } + c.notes.map(\.description)
            + ["Retirements with an assumed share are random draws under an assumption, not data: one draw is one possible outcome. `--draws 1` runs the file's own seed once (the single case, as without --draws before); `--seed` changes every draw. With few draws the 5th and 95th percentiles are rough."]
        lines.append("")
        lines.append(contentsOf: notes.map { "Note: " + $0 })
        return lines.joined(separator: "\n")
    }

    /// "Communes below 2.5 in ≥ 50 % of draws: 41 (12,345 inhabitants), 9 of them not at baseline — A (code) 95 %; …"
    func riskLine(_ what: String, probability p: [Double], atBaseline: (Int) -> Bool) -> String {
        let rows = first.comparison.rows
        let communes = first.study.territory.communes
        let risky = rows.indices.filter { p[$0] >= Self.riskProbability }
        let people = risky.reduce(0) { $0 + communes[rows[$1].commune].population }
        let new = risky.filter { !atBaseline($0) }
        var line = "Communes \(what) in ≥ \(Int(Self.riskProbability * 100)) % of draws: \(risky.count) (\(people.grouped) inhabitants), \(new.count) of them not at baseline"
        let top = new.sorted { (p[$0], communes[rows[$1].commune].code) > (p[$1], communes[rows[$0].commune].code) }.prefix(5)
        if !top.isEmpty {
            line += " — " + top.map { k in
                let commune = communes[rows[k].commune]
                return "\(commune.name) (\(commune.code)) \(Int((p[k] * 100).rounded())) %"
            }.joined(separator: "; ")
        }
        return line
    }

    /// Per commune: baseline, mean and 5th/50th/95th percentiles of minutes and score, and the shares of draws
    /// below the mark (`p_below`, empty without a mark) and beyond the threshold (`p_beyond`).
    public func communesCSV() -> String {
        var out = "code,name,departement,population,minutes_baseline,minutes_mean,minutes_p5,minutes_p50,minutes_p95,score_baseline,score_mean,score_p5,score_p50,score_p95,p_below,p_beyond\n"
        for (k, r) in first.comparison.rows.enumerated() {
            let c = first.study.territory.communes[r.commune]
            let (m, s) = (bands.minutes[k], bands.scores[k])
            out += ([c.code, CSVWriter.escape(c.name), c.departement, String(c.population)]
                    + [r.minutesBefore, m.mean, m.p5, m.p50, m.p95, r.scoreBefore, s.mean, s.p5, s.p50, s.p95].map(CSVWriter.number)
                    + [bands.probabilityBelow.map { CSVWriter.number($0[k]) } ?? "", CSVWriter.number(bands.probabilityBeyond[k])])
                .joined(separator: ",") + "\n"
        }
        return out
    }

    /// Per figure: baseline, mean, percentiles, min and max across the draws.
    public func bandsCSV() -> String {
        var out = "figure,baseline,mean,p5,p50,p95,min,max\n"
        for (f, figure) in ScenarioFigure.allCases.enumerated() {
            let b = bands.figures[f]
            out += figure.rawValue + "," + ([baselineFigures[f], b.mean, b.p5, b.p50, b.p95, b.min, b.max].map(CSVWriter.number))
                .joined(separator: ",") + "\n"
        }
        return out
    }

    /// One row per draw: its number, seed and summary figures.
    public func drawsCSV() -> String {
        var out = "draw,seed," + ScenarioFigure.allCases.map(\.rawValue).joined(separator: ",") + "\n"
        for (d, row) in figures.enumerated() {
            out += "\(d),\(drawSeeds[d])," + row.map(CSVWriter.number).joined(separator: ",") + "\n"
        }
        return out
    }

    /// The files ``stage(into:in:)`` writes.
    public static let outputs = ["communes.csv", "bands.csv", "draws.csv", "summary.txt"]

    /// Stages ``outputs`` in `directory` (created if needed) in `transaction`.
    public func stage(into directory: String, in transaction: inout OutputTransaction) throws {
        try transaction.makeFolder(directory)
        try transaction.stage(communesCSV(), to: directory + "/communes.csv")
        try transaction.stage(bandsCSV(), to: directory + "/bands.csv")
        try transaction.stage(drawsCSV(), to: directory + "/draws.csv")
        try transaction.stage(summaryText() + "\n", to: directory + "/summary.txt")
    }
}
