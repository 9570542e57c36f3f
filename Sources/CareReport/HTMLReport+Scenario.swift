import CareIO
import CareStudy
import CareModel

extension HTMLReport {
    /// The scenario report: minutes to the nearest GP after the scenario and their change side by side (or a
    /// line saying no commune's minutes changed), the change of the indicator, the sites after the scenario
    /// shaped by kind, the before/after table and the events.
    ///
    /// ```swift
    /// let html = HTMLReport.scenario(try ScenarioRun.run(path: "ardennes.yaml"), language: .fr)
    /// ```
    /// Linear in the boundary vertices and sites drawn.
    public static func scenario(_ run: ScenarioRun, language: ReportLanguage, date: String = HTMLReport.today()) -> String {
        let l = ReportLabels(language)
        let study = run.study
        let c = run.comparison
        let s = c.summary
        let name = c.indicator.name
        var report = HTMLReport(language: language, title: l.format(.titleScenario, run.file.scenario.name))
        let t = language.count(s.threshold)
        let model = run.file.baseline.travel.label(language)
        report.subtitle("\(language.number(study.demand.count)) \(l[.communes].lowercased()) — \(l.format(.thresholdBreak, t)) — \(name) — \(model)")

        let studied = c.rows.map(\.commune)
        let sites = scenarioSites(run, language: language)
        let minutes = ColorScale.minutes(threshold: s.threshold, language: language)
        var minuteMap = SVGMap(
            territory: study.territory, studied: studied,
            fills: c.rows.map { minutes.color(of: $0.nearestAfter == nil ? nil : $0.minutesAfter) },
            tooltips: c.rows.map { r in
                tooltip(study.territory.communes[r.commune],
                        report.minutesText(r.minutesBefore, reachable: r.nearestBefore != nil) + " → "
                        + report.minutesText(r.minutesAfter, reachable: r.nearestAfter != nil))
            },
            sites: sites, width: 600, maxHeight: 760)
        minuteMap.geometry = minuteMap.makeGeometry()   // the maps below share it: outlines simplified once
        let largest = minuteMap.largestDrawnSite()
        let changes = c.rows.map { $0.scoreAfter - $0.scoreBefore }
        let delta = ColorScale.delta(changes: changes, language: language)
        let f3 = { (v: Double) in language.number(v, digits: 3) }
        var deltaMap = SVGMap(
            territory: study.territory, studied: studied, fills: changes.map { delta.color(of: $0) },
            tooltips: c.rows.map { r in
                tooltip(study.territory.communes[r.commune], "\(name) \(f3(r.scoreBefore)) → \(f3(r.scoreAfter))")
            },
            sites: sites.filter { $0.kind != .practice }, width: 600, maxHeight: 760, largestSite: largest)
        deltaMap.geometry = minuteMap.geometry
        let (changeMap, changeScale) = report.minutesChangeMap(run, like: minuteMap, sites: sites.filter { $0.kind != .practice })

        report.append("<div class=\"row\">" + report.mapFigure(minuteMap, caption: l[.mapMinutesAfter])
                      + (changeMap.map { report.mapFigure($0, caption: l[.mapMinutesChange]) }
                         ?? "<p class=\"note minutes-unchanged\">\(escape(l[.minutesUnchanged]))</p>") + "</div>")
        let kinds = Array(Set(run.outcome.kinds)).sorted { $0.rawValue < $1.rawValue }
        report.append("<div class=\"row\">" + report.legend(minutes, title: l[.mapMinutesAfter])
                      + (changeScale.map { report.legend($0, title: l[.mapMinutesChange]) } ?? "")
                      + report.siteLegend(largest: largest, radius: minuteMap.siteRadius, kinds: kinds) + "</div>")
        report.append("<div class=\"row\">" + report.mapFigure(deltaMap, caption: l.format(.mapDelta, name))
                      + report.legend(delta, title: l.format(.scoreChange, name)) + "</div>")

        report.heading(l[.summary])
        report.append(report.beforeAfterTable(s, indicator: name))
        report.heading(l[.events])
        report.append("<ul>" + run.outcome.log.map { "<li>\(escape($0.text(language)))</li>" }.joined() + "</ul>")
        let header = [c.parameterLine(language)] + c.inputLines(language)
        let assumed: [Diagnostic] = run.outcome.assumptions + c.notes
        report.notes(study.notes + assumed + run.travelNotes, stated: header)
        report.sources(study: study, model: model, date: date)
        return report.html()
    }

    /// The map of the change in minutes to the nearest GP (after − before; diverging classes, blue = closer,
    /// white = unchanged) drawn like `base` (same communes, size, outlines and symbol scale) with its colour
    /// scale; `nil` when no commune's minutes changed. A commune that gains its first reachable GP counts as
    /// the largest decrease, one that loses every reachable GP as the largest increase.
    func minutesChangeMap(_ run: ScenarioRun, like base: SVGMap, sites: [MapSite]) -> (map: SVGMap?, scale: ColorScale?) {
        let rows = run.comparison.rows
        let changes = rows.map(Self.minutesChange)
        guard changes.contains(where: { $0 != 0 }) else { return (nil, nil) }
        let finite = changes.filter(\.isFinite)
        // Only reachability changed: classes of a quarter of the threshold.
        let reference = finite.contains { $0 != 0 } ? finite : [run.comparison.summary.threshold]
        let scale = ColorScale.delta(changes: reference, language: language, lowerIsBetter: true)
        let f1 = { (v: Double) in self.language.signed(v, digits: 1) }
        var map = SVGMap(
            territory: base.territory, studied: base.studied,
            fills: changes.map { scale.color(of: $0.isFinite ? $0 : ($0 < 0 ? -Double.greatestFiniteMagnitude : .greatestFiniteMagnitude)) },
            tooltips: zip(rows, changes).map { r, change in
                Self.tooltip(run.study.territory.communes[r.commune],
                             minutesText(r.minutesBefore, reachable: r.nearestBefore != nil) + " → "
                             + minutesText(r.minutesAfter, reachable: r.nearestAfter != nil)
                             + (change.isFinite && change != 0 ? " (\(f1(change)) min)" : ""))
            },
            sites: sites, width: base.width, maxHeight: base.maxHeight, largestSite: base.largestSite ?? base.largestDrawnSite(),
            siteRadius: base.siteRadius, storedDetail: base.storedDetail)
        map.geometry = base.geometry
        return (map, scale)
    }

    /// Minutes after − before for one commune (see ``minutesChange(before:after:)``).
    static func minutesChange(_ r: ScenarioComparison.Row) -> Double {
        minutesChange(before: r.nearestBefore == nil ? nil : r.minutesBefore, after: r.nearestAfter == nil ? nil : r.minutesAfter)
    }

    /// Minutes after − before, `nil` (or non-finite) meaning no GP reachable: 0 when unchanged (unreachable
    /// both times included), −∞ when a GP becomes reachable, +∞ when none is any more.
    ///
    /// ```swift
    /// HTMLReport.minutesChange(before: 12, after: 4)     // -8
    /// HTMLReport.minutesChange(before: nil, after: 30)   // -infinity: newly reachable
    /// ```
    static func minutesChange(before: Double?, after: Double?) -> Double {
        let b = before.flatMap { $0.isFinite ? $0 : nil } ?? .infinity
        let a = after.flatMap { $0.isFinite ? $0 : nil } ?? .infinity
        if b == a { return 0 }
        if !b.isFinite { return -.infinity }
        if !a.isFinite { return .infinity }
        return a - b
    }

    /// Sites after the scenario, with their kinds.
    static func scenarioSites(_ run: ScenarioRun, language: ReportLanguage) -> [MapSite] {
        let l = ReportLabels(language)
        return run.outcome.sites.indices.compactMap { i in
            let site = run.outcome.sites[i]
            guard site.gps > 0 else { return nil }
            let kind = i < run.outcome.kinds.count ? run.outcome.kinds[i] : .practice
            return MapSite(point: site.point, crs: site.crs, gps: site.gps, kind: kind,
                           label: "\(site.id): \(l.gps(site.gps)) — \(l.kind(kind))")
        }
    }

    /// Before / after / change rows of a scenario's summary.
    func beforeAfterTable(_ s: ScenarioComparison.Summary, indicator: String) -> String {
        let l = labels
        let t = language.count(s.threshold)
        let n = { (v: Int) in self.language.number(v) }
        let dn = { (v: Int) in self.language.signed(Double(v)) }
        var rows: [[String]] = [
            [l[.gpsSupply], language.compact(s.gpsBefore), language.compact(s.gpsAfter),
             language.signedCount(s.gpsAfter - s.gpsBefore)],
            [l.format(.populationBeyond, t), n(s.populationBeyondBefore), n(s.populationBeyondAfter),
             dn(s.populationBeyondAfter - s.populationBeyondBefore)],
            [l[.meanMinutes], language.number(s.meanMinutesBefore, digits: 2), language.number(s.meanMinutesAfter, digits: 2),
             language.signed(s.meanMinutesAfter - s.meanMinutesBefore, digits: 2)],
            [l.format(.meanOf, indicator),
             language.number(s.meanScoreBefore, digits: 3), language.number(s.meanScoreAfter, digits: 3),
             language.signed(s.meanScoreAfter - s.meanScoreBefore, digits: 3)],
        ]
        if let u = s.underServed {
            let us = language.count(u)
            rows.append([l.format(.populationBelow, us), n(s.populationBelowBefore), n(s.populationBelowAfter), dn(s.populationBelowChange)])
            rows.append([l.format(.communesBelow, us), n(s.communesBelowBefore), n(s.communesBelowAfter),
                         dn(s.communesBelowAfter - s.communesBelowBefore)])
        }
        rows.append([l.format(.newlyWithin, t), "", "", "\(n(s.newlyCoveredPopulation)) (\(n(s.newlyCoveredCommunes)) \(l[.communes].lowercased()))"])
        rows.append([l.format(.newlyBeyond, t), "", "", "\(n(s.newlyUncoveredPopulation)) (\(n(s.newlyUncoveredCommunes)) \(l[.communes].lowercased()))"])
        rows.append([l[.communesGaining], "", "", n(s.communesGaining)])
        rows.append([l[.communesLosing], "", "", n(s.communesLosing)])
        return table(header: ["", l[.before], l[.after], l[.change]], rows: rows)
    }
}
