import CareIO
import CareStudy
import CareModel

extension HTMLReport {
    /// The accessibility report: map of the indicator in classes (APL: fixed DREES-anchored bands; other
    /// indicators: quintiles), the under-served level marked, GP sites, summary and per-département tables.
    ///
    /// ```swift
    /// let html = HTMLReport.accessibility(result, study: study, language: .fr)
    /// ```
    /// Linear in the boundary vertices and sites drawn.
    /// With `zones` (from the same run), a table of the under-served and complementary zones follows the summary.
    public static func accessibility(_ result: AccessibilityResult, study: Study, language: ReportLanguage,
                                     zones: UnderServedZones? = nil, date: String = HTMLReport.today()) -> String {
        let l = ReportLabels(language)
        let name = result.method.name
        var report = HTMLReport(language: language, title: l.format(.titleAccess, name))
        let s = result.summary
        let isAPL: Bool, standardised: Bool
        if case .apl(let o) = result.method { (isAPL, standardised) = (true, o.demand.isStandardised) } else { (isAPL, standardised) = (false, false) }
        let unit = isAPL ? (standardised ? l[.unitAPLStandardised] : l[.unitAPL]) : l[.unitFCA]
        let f = { (v: Double) in language.number(v, digits: isAPL ? 2 : 1) }
        report.subtitle("\(language.number(s.communes)) \(l[.communes].lowercased()) — \(name), \(l[.catchment].lowercased()) \(language.number(result.threshold)) min — \(unit) — \(result.modelParts.text(language, english: result.modelSummary))")

        let scale = ColorScale.indicator(scores: result.rows.map(\.score), isAPL: isAPL, underServed: s.underServed,
                                         language: language)
        let fills = result.rows.map { scale.color(of: $0.score) }
        let tips = result.rows.map { r in tooltip(study.territory.communes[r.commune], "\(name) \(f(r.score))") }
        let sites = practiceSites(study.supply.sites, language: language)
        let map = SVGMap(territory: study.territory, studied: result.rows.map(\.commune), fills: fills, tooltips: tips,
                         sites: sites)

        var rows: [(String, String)] = [
            (l[.indicator], name),
            (l[.catchment], "\(language.number(result.threshold)) min"),
            (l[.unit], unit),
        ] + result.inputs.map { (l.input($0.label), $0.text(language)) } + [
            (l[.studiedCommunes], language.number(s.communes)),
            (l[.population], language.number(s.population)),
            (l[.meanScore], f(s.meanScore)),
            (l[.minScore], f(s.minScore)),
            (l[.maxScore], f(s.maxScore)),
            (l[.deciles], s.deciles.map(f).joined(separator: " · ")),
        ]
        if s.communesWithZero > 0 { rows.append((l[.communesZero], language.number(s.communesWithZero))) }
        if let u = s.underServed {
            let share = s.population > 0 ? Double(s.populationBelow) / Double(s.population) : 0
            rows.append((l.format(.communesBelow, language.compact(u)), language.number(s.communesBelow)))
            rows.append((l.format(.populationBelow, language.compact(u)), "\(language.number(s.populationBelow)) (\(language.percent(share)))"))
        }
        var side = report.legend(scale, title: "\(name) (\(unit))")
            + report.siteLegend(largest: map.largestDrawnSite(), radius: map.siteRadius, kinds: [])
            + "<h2>\(escape(l[.summary]))</h2>" + report.keyValueTable(rows)
        if let zones {
            let u = language.compact(zones.marks.underServed)
            let rows = zones.totals.map { t -> [String] in
                let band: String
                switch t.zone {
                case .underServed: band = "< \(u)"
                case .complementary: band = "\(u) – < \(zones.marks.complementary.map { language.compact($0) } ?? "")"
                case .other: band = "≥ \(zones.marks.complementary.map { language.compact($0) } ?? u)"
                }
                return [l.zone(t.zone), band, language.number(t.communes), language.number(t.population)]
            }
            side += "<h2>\(escape(l[.zones]))</h2>"
                + report.table(header: [l[.zone], name, l[.communes], l[.population]], rows: rows, textColumns: [0, 1])
        }
        if s.byDepartement.count > 1 {
            var header = [l[.departement], l[.communes], l[.population], l[.meanScore]]
            if let u = s.underServed { header += [l.format(.communesBelow, language.compact(u)), l.format(.populationBelow, language.compact(u))] }
            let deps = s.byDepartement.map { d -> [String] in
                var row = [DepartementNames.label(d.departement), language.number(d.communes), language.number(d.population), f(d.meanScore)]
                if s.underServed != nil { row += [language.number(d.communesBelow), language.number(d.populationBelow)] }
                return row
            }
            side += "<h2>\(escape(l[.byDepartement]))</h2>" + report.table(header: header, rows: deps)
        }
        report.append("<div class=\"row\">" + report.mapFigure(map, caption: l.format(.mapIndicator, name))
                      + "<div>" + side + "</div></div>")
        report.notes(study.notes + result.notes)
        report.sources(study: study, model: result.modelParts.text(language, english: result.modelSummary), date: date)
        return report.html()
    }
}
