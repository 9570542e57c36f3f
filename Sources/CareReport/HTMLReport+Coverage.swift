import CareIO
import CareStudy
import CareModel

extension HTMLReport {
    /// The coverage report: map of minutes to the nearest GP (break at the threshold), GP sites, legend,
    /// summary table and the farthest communes.
    ///
    /// ```swift
    /// let html = HTMLReport.coverage(result, study: study, language: .en, date: "2026-11-23")
    /// ```
    /// Linear in the boundary vertices and sites drawn.
    public static func coverage(_ result: CoverageResult, study: Study, language: ReportLanguage,
                                date: String = HTMLReport.today()) -> String {
        let l = ReportLabels(language)
        var report = HTMLReport(language: language, title: l[.titleCoverage])
        let s = result.summary
        let t = language.count(s.threshold)
        let deps = Set(result.rows.map { study.territory.communes[$0.commune].departement }).sorted()
        let named = deps.count <= 3 ? deps.map(DepartementNames.label) : deps
        report.subtitle("\(language.number(s.communes)) \(l[.communes].lowercased()) (\(named.prefix(8).joined(separator: ", "))\(deps.count > 8 ? "…" : "")) — \(l.format(.thresholdBreak, t)) — \(result.modelParts.text(language, english: result.modelSummary))")

        let scale = ColorScale.minutes(threshold: s.threshold, language: language)
        let fills = result.rows.map { scale.color(of: $0.nearestSite == nil ? nil : $0.minutes) }
        let tips = result.rows.map { r in
            tooltip(study.territory.communes[r.commune], report.minutesText(r.minutes, reachable: r.nearestSite != nil))
        }
        let sites = practiceSites(study.supply.sites, language: language)
        let map = SVGMap(territory: study.territory, studied: result.rows.map(\.commune), fills: fills, tooltips: tips,
                         sites: sites)
        let largest = map.largestDrawnSite()

        let f1 = { (v: Double?) in v.map { language.number($0, digits: 1) + " min" } ?? "–" }
        let populationShare = { (p: Int) in s.population > 0 ? Double(p) / Double(s.population) : 0 }
        var rows: [(String, String)] = [
            (l[.studiedCommunes], language.number(s.communes)),
            (l[.population], language.number(s.population)),
            (l.format(.populationWithin, t), "\(language.number(s.populationWithin)) (\(language.percent(s.shareWithin)))"),
            (l.format(.populationBeyond, t), "\(language.number(s.populationBeyond)) (\(language.percent(populationShare(s.populationBeyond))))"),
            (l.format(.communesBeyond, t), language.number(s.communesBeyond)),
        ]
        if s.communesUnreachable > 0 { rows.append((l[.communesUnreachable], language.number(s.communesUnreachable))) }
        rows += [
            (l[.meanMinutes], f1(s.meanMinutes.isFinite ? s.meanMinutes : nil)),
            (l[.p90Minutes], f1(s.p90Minutes)),
            (l[.maxMinutes], f1(s.maxMinutes)),
            (l[.gpsInArea], language.count(s.gpsInArea)),
            (l[.gpsPer10k], language.number(s.gpsPer10k, digits: 2)),
        ]
        let worst = result.rows.sorted { ($0.minutes, $1.commune) > ($1.minutes, $0.commune) }.prefix(8)
        let worstRows = worst.map { r -> [String] in
            let c = study.territory.communes[r.commune]
            return [c.name, c.code, language.number(c.population), report.minutesText(r.minutes, reachable: r.nearestSite != nil)]
        }

        report.append("<div class=\"row\">" + report.mapFigure(map, caption: l[.mapMinutes])
                      + "<div>" + report.legend(scale, title: l[.legend])
                      + report.siteLegend(largest: largest, radius: map.siteRadius, kinds: [])
                      + "<h2>\(escape(l[.summary]))</h2>" + report.keyValueTable(rows)
                      + "<h2>\(escape(l[.farthestCommunes]))</h2>"
                      + report.table(header: [l[.commune], "INSEE", l[.population], l[.minutes]], rows: worstRows, textColumns: [0, 1])
                      + "</div></div>")
        report.notes(study.notes)
        report.sources(study: study, model: result.modelParts.text(language, english: result.modelSummary), date: date)
        return report.html()
    }
}
