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
        let labels = CompareLabels(l: l, language: language, indicator: name, threshold: t,
                                   underServed: first?.summary.underServed.map { language.count($0) })
        if let s = first?.summary { report.compareBaseline(s, labels) }
        report.compareRanking(run, labels)
        report.compareMaps(run, labels)

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

    /// What every section of the comparison report names: labels, the indicator, the threshold and the
    /// under-served mark (formatted), when the indicator has one.
    struct CompareLabels {
        let l: ReportLabels
        let language: ReportLanguage
        let indicator: String
        let threshold: String
        let underServed: String?
    }

    /// The baseline's figures: mean score, population beyond the threshold, mean minutes, population below the mark.
    mutating func compareBaseline(_ s: ScenarioComparison.Summary, _ c: CompareLabels) {
        let (l, language) = (c.l, c.language)
        var base = [(l.format(.meanOf, c.indicator), language.number(s.meanScoreBefore, digits: 3)),
                    (l.format(.populationBeyond, c.threshold), language.number(s.populationBeyondBefore)),
                    (l[.meanMinutes], language.number(s.meanMinutesBefore, digits: 2))]
        if let us = c.underServed { base.append((l.format(.populationBelow, us), language.number(s.populationBelowBefore))) }
        heading(l[.baselineFigures])
        append(keyValueTable(base))
    }

    /// The ranking table (with costs and benefit per 100 k when the options have costs), then the cost–benefit chart.
    mutating func compareRanking(_ run: CompareRun, _ c: CompareLabels) {
        let (l, language, name, t) = (c.l, c.language, c.indicator, c.threshold)
        var header = [l[.rank], l[.option], l[.gpsAdded], l.format(.newlyCoveredNet, t), l[.meanMinutesAfter],
                      l.format(.meanScoreAfter, name)]
        if let us = c.underServed { header += [l.format(.populationBelowAfter, us), l[.change]] }
        let (gains, coverage) = Self.chartGain(run)
        let gainName = coverage ? l.format(.newlyCoveredNet, t) : l.format(.scoreGainOf, name)
        if run.hasCosts { header += [l[.costK], gainName, l.format(.perHundredK, gainName)] }
        let rows = run.ranking.enumerated().map { rank, i -> [String] in
            let s = run.results[i].run.comparison.summary
            var row = [String(rank + 1), run.results[i].option.name, language.signedCount(s.gpsAfter - s.gpsBefore),
                       language.signed(Double(s.newlyCoveredPopulation - s.newlyUncoveredPopulation)),
                       language.number(s.meanMinutesAfter, digits: 2), language.number(s.meanScoreAfter, digits: 3)]
            if c.underServed != nil { row += [language.number(s.populationBelowAfter), language.signed(Double(s.populationBelowChange))] }
            if run.hasCosts {
                let b = run.results[i].benefit
                let per = b.flatMap { coverage ? $0.newlyCoveredPer100k : $0.scoreGainPer100k }
                row += [b.map { language.number($0.cost.total / 1000, digits: 1) } ?? "—", gains[i].map { language.signed($0) } ?? "—",
                        per.map { language.number($0, digits: 1) } ?? "—"]
            }
            return row
        }
        heading(l[.ranking])
        append(table(header: header, rows: rows, textColumns: [1]))
        if run.hasCosts {
            heading(l[.costBenefit])
            append(Self.costBenefitChart(run, language: language))
        }
    }

    /// Small multiples: one map per option in rank order, one colour scale and one symbol scale for all.
    mutating func compareMaps(_ run: CompareRun, _ c: CompareLabels) {
        let (l, language, name) = (c.l, c.language, c.indicator)
        let study = run.study
        let allChanges = run.results.flatMap { r in r.run.comparison.rows.map { $0.scoreAfter - $0.scoreBefore } }
        let delta = ColorScale.delta(changes: allChanges, language: language)
        let opened = run.results.map { r in Self.scenarioSites(r.run, language: language).filter { $0.kind != .practice } }
        let largest = opened.flatMap { $0.map(\.gps) }.max() ?? 1
        let f3 = { (v: Double) in language.number(v, digits: 3) }
        var figures = "", drawingNote = ""
        var geometry: MapGeometry?   // every option maps the same communes at the same size: made once
        for (rank, i) in run.ranking.enumerated() {
            let comparison = run.results[i].run.comparison
            var map = SVGMap(
                territory: study.territory, studied: comparison.rows.map(\.commune),
                fills: comparison.rows.map { delta.color(of: $0.scoreAfter - $0.scoreBefore) },
                tooltips: comparison.rows.map { r in
                    Self.tooltip(study.territory.communes[r.commune], "\(name) \(f3(r.scoreBefore)) → \(f3(r.scoreAfter))")
                },
                sites: opened[i], width: 260, maxHeight: 340, largestSite: largest, siteRadius: 9)
            if geometry == nil { geometry = map.makeGeometry() }
            map.geometry = geometry
            map.language = language
            let panels = map.panels()
            figures += mapFigure(map, panels: panels, caption: "\(rank + 1). \(run.results[i].option.name)", notes: false)
            if rank == 0 { drawingNote = drawingNotes(panels) }
        }
        heading(l.format(.mapDelta, name))
        append("<p class=\"note\">\(Self.escape(l.format(.smallMultiples, name)))</p>" + drawingNote)
        let kinds = Array(Set(run.results.flatMap { $0.run.outcome.kinds })).filter { $0 != .practice }.sorted { $0.rawValue < $1.rawValue }
        append("<div class=\"row\"><div class=\"multiples\">\(figures)</div><div>"
               + legend(delta, title: l.format(.scoreChange, name))
               + siteLegend(largest: largest, radius: 9, kinds: kinds) + "</div></div>")
    }
}
