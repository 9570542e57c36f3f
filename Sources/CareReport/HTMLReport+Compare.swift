import CareIO
import CareStudy
import CareModel

extension HTMLReport {
    /// The comparison report: the ranking table, then one small map per option in rank order (change of the
    /// indicator against the shared baseline, one colour scale and one symbol scale for all, opened sites
    /// shaped by kind).
    ///
    /// ```swift
    /// let html = HTMLReport.compare(try CompareRun.run(path: "ardennes-options.yaml"), language: .en)
    /// ```
    /// Linear in options × (boundary vertices drawn + sites).
    public static func compare(_ run: CompareRun, language: ReportLanguage, date: String = HTMLReport.today()) -> String {
        let l = ReportLabels(language)
        let study = run.study
        var report = HTMLReport(language: language, title: l.format(.titleCompare, run.file.name))
        let first = run.results.first?.run.comparison
        let name = first?.indicator.name ?? "score"
        let threshold = run.file.baseline.threshold
        let t = language.count(threshold)
        let model = run.file.baseline.travel.label(language)
        report.subtitle("\(language.number(study.demand.count)) \(l[.communes].lowercased()) — \(l.format(.thresholdBreak, t)) — \(name) — \(model) — \(l.format(.rankedBy, run.file.rankBy.rawValue))")

        // Ranking table.
        let u = first?.summary.underServed
        let us = u.map { language.count($0) }
        if let s = first?.summary {
            var base = [(l.format(.meanOf, name), language.number(s.meanScoreBefore, digits: 3)),
                        (l.format(.populationBeyond, t), language.number(s.populationBeyondBefore)),
                        (l[.meanMinutes], language.number(s.meanMinutesBefore, digits: 2))]
            if let us { base.append((l.format(.populationBelow, us), language.number(s.populationBelowBefore))) }
            report.heading(l[.baselineFigures])
            report.append(report.keyValueTable(base))
        }
        var header = [l[.rank], l[.option], l[.gpsAdded], l.format(.newlyCoveredNet, t), l[.meanMinutesAfter],
                      l.format(.meanScoreAfter, name)]
        if let us { header += [l.format(.populationBelowAfter, us), l[.change]] }
        let (gains, coverage) = chartGain(run)
        let gainName = coverage ? l.format(.newlyCoveredNet, t) : l.format(.scoreGainOf, name)
        if run.hasCosts { header += [l[.costK], gainName, l.format(.perHundredK, gainName)] }
        let rows = run.ranking.enumerated().map { rank, i -> [String] in
            let s = run.results[i].run.comparison.summary
            var row = [String(rank + 1), run.results[i].option.name, language.signedCount(s.gpsAfter - s.gpsBefore),
                       language.signed(Double(s.newlyCoveredPopulation - s.newlyUncoveredPopulation)),
                       language.number(s.meanMinutesAfter, digits: 2), language.number(s.meanScoreAfter, digits: 3)]
            if u != nil { row += [language.number(s.populationBelowAfter), language.signed(Double(s.populationBelowChange))] }
            if run.hasCosts {
                let b = run.results[i].benefit
                let per = b.flatMap { coverage ? $0.newlyCoveredPer100k : $0.scoreGainPer100k }
                row += [b.map { language.number($0.cost.total / 1000, digits: 1) } ?? "—", gains[i].map { language.signed($0) } ?? "—",
                        per.map { language.number($0, digits: 1) } ?? "—"]
            }
            return row
        }
        report.heading(l[.ranking])
        report.append(report.table(header: header, rows: rows, textColumns: [1]))
        if run.hasCosts {
            report.heading(l[.costBenefit])
            report.append(costBenefitChart(run, language: language))
        }

        // Small multiples, one colour scale and one symbol scale.
        let allChanges = run.results.flatMap { r in r.run.comparison.rows.map { $0.scoreAfter - $0.scoreBefore } }
        let delta = ColorScale.delta(changes: allChanges, language: language)
        let opened = run.results.map { r in scenarioSites(r.run, language: language).filter { $0.kind != .practice } }
        let largest = opened.flatMap { $0.map(\.gps) }.max() ?? 1
        let f3 = { (v: Double) in language.number(v, digits: 3) }
        var figures = "", drawingNote = ""
        var geometry: MapGeometry?   // every option maps the same communes at the same size: made once
        for (rank, i) in run.ranking.enumerated() {
            let c = run.results[i].run.comparison
            var map = SVGMap(
                territory: study.territory, studied: c.rows.map(\.commune),
                fills: c.rows.map { delta.color(of: $0.scoreAfter - $0.scoreBefore) },
                tooltips: c.rows.map { r in
                    tooltip(study.territory.communes[r.commune], "\(name) \(f3(r.scoreBefore)) → \(f3(r.scoreAfter))")
                },
                sites: opened[i], width: 260, maxHeight: 340, largestSite: largest, siteRadius: 9)
            if geometry == nil { geometry = map.makeGeometry() }
            map.geometry = geometry
            map.language = language
            let panels = map.panels()
            figures += report.mapFigure(map, panels: panels, caption: "\(rank + 1). \(run.results[i].option.name)", notes: false)
            if rank == 0 { drawingNote = report.drawingNotes(panels) }
        }
        report.heading(l.format(.mapDelta, name))
        report.append("<p class=\"note\">\(escape(l.format(.smallMultiples, name)))</p>" + drawingNote)
        let kinds = Array(Set(run.results.flatMap { $0.run.outcome.kinds })).filter { $0 != .practice }.sorted { $0.rawValue < $1.rawValue }
        report.append("<div class=\"row\"><div class=\"multiples\">\(figures)</div><div>"
                      + report.legend(delta, title: l.format(.scoreChange, name))
                      + report.siteLegend(largest: largest, radius: 9, kinds: kinds) + "</div></div>")

        let placements = run.results.compactMap { r in r.placementNote.map { "\(r.option.name)\(language == .fr ? " :" : ":") \($0.text(language))" } }
        if !placements.isEmpty {
            report.heading(l[.placement])
            report.append("<ul class=\"note\">" + placements.map { "<li>\(escape($0))</li>" }.joined() + "</ul>")
        }
        let assumed: [Diagnostic] = run.results.flatMap { $0.run.outcome.assumptions + $0.run.travelNotes }
        let notes = Set(assumed).sorted { $0.description < $1.description } + study.notes
        let parameters = run.results.first.map { [$0.run.comparison.parameterLine(language)] + $0.run.comparison.inputLines(language) } ?? []
        report.notes(notes, stated: parameters)
        report.sources(study: study, model: model, date: date)
        return report.html()
    }
}
