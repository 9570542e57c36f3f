import CareIO
import CareStudy
import CareModel

extension HTMLReport {
    /// The report of `scenario --draws`: the map of the probability (share of draws) that each commune falls
    /// below the under-served mark and, when any commune is ever beyond the threshold, of that probability;
    /// the bands of every summary figure (baseline, mean, 5th/50th/95th percentiles); draw 0's events.
    ///
    /// ```swift
    /// let d = try ScenarioDraws.run(path: "creuse.yaml", draws: 200, seed: 1)
    /// let html = HTMLReport.scenarioDraws(d, language: .fr)
    /// ```
    /// Linear in the boundary vertices and sites drawn.
    public static func scenarioDraws(_ d: ScenarioDraws, language: ReportLanguage, date: String = HTMLReport.today()) -> String {
        let l = ReportLabels(language)
        let run = d.first
        let study = run.study
        let c = run.comparison
        let s = c.summary
        let name = c.indicator.name
        var report = HTMLReport(language: language, title: l.format(.titleScenario, run.file.scenario.name))
        let t = language.compact(s.threshold)
        let model = run.file.baseline.travel.label(language)
        report.subtitle("\(language.number(study.demand.count)) \(l[.communes].lowercased()) — \(l.format(.thresholdBreak, t)) — \(name) — \(model) — \(l.format(.drawsBands, language.number(d.bands.draws)))")

        let rows = c.rows
        let studied = rows.map(\.commune)
        // Practices as before the scenario (their GP counts differ by draw), and the sites its events open.
        let sites = practiceSites(study.supply.sites, language: language)
            + scenarioSites(run, language: language).filter { $0.kind != .practice }
        let scale = ColorScale.probability(language: language)
        let percent = { (p: Double) in language.percent(p, digits: 0) }
        func probabilityMap(_ p: [Double]) -> SVGMap {
            SVGMap(territory: study.territory, studied: studied, fills: p.map { scale.color(of: $0) },
                   tooltips: rows.indices.map { k in tooltip(study.territory.communes[rows[k].commune], percent(p[k])) },
                   sites: sites, width: 600, maxHeight: 760)
        }
        var first: SVGMap?
        var figures: [String] = []
        if let u = s.underServed, let below = d.bands.probabilityBelow {
            var map = probabilityMap(below)
            map.geometry = map.makeGeometry()
            first = map
            figures.append(report.mapFigure(map, caption: l.format(.mapProbabilityBelow, language.compact(u))))
        }
        if d.bands.probabilityBeyond.contains(where: { $0 > 0 }) {
            var map = probabilityMap(d.bands.probabilityBeyond)
            map.geometry = first?.geometry ?? map.makeGeometry()
            first = first ?? map
            figures.append(report.mapFigure(map, caption: l.format(.mapProbabilityBeyond, t)))
        }
        if let first {
            report.append("<div class=\"row\">" + figures.joined() + "</div>")
            let kinds = Array(Set(sites.map(\.kind))).sorted { $0.rawValue < $1.rawValue }
            report.append("<div class=\"row\">" + report.legend(scale, title: l[.probabilityLegend])
                          + report.siteLegend(largest: first.largestDrawnSite(), radius: first.siteRadius, kinds: kinds) + "</div>")
        }

        report.heading(l.format(.drawsBands, language.number(d.bands.draws)))
        report.append(report.bandsTable(d))
        report.append("<p class=\"note\">\(escape(l.format(.drawsMethod, language.number(d.bands.draws), String(d.seed))))</p>")
        report.heading(l[.eventsDrawZero])
        report.append("<ul>" + run.outcome.log.map { "<li>\(escape($0.text(language)))</li>" }.joined() + "</ul>")
        // The first draw's assumptions, in the report's language, after the parameters.
        let header = [c.parameterLine(language)] + c.inputLines(language)
            + run.outcome.assumptions.map { l.format(.firstDraw, $0.text(language)) }
        report.notes(study.notes + c.notes + run.travelNotes, stated: header)
        report.sources(study: study, model: model, date: date)
        return report.html()
    }

    /// Baseline, mean and 5th/50th/95th percentiles of every summary figure across the draws.
    func bandsTable(_ d: ScenarioDraws) -> String {
        let l = labels
        let s = d.first.comparison.summary
        let t = language.compact(s.threshold)
        let u = s.underServed.map { language.compact($0) } ?? "–"
        func label(_ f: ScenarioFigure) -> String {
            switch f {
            case .gps: return l[.gpsSupply]
            case .populationBeyond: return l.format(.populationBeyond, t)
            case .meanMinutes: return l[.meanMinutes]
            case .meanScore: return l.format(.meanOf, d.first.comparison.indicator.name)
            case .populationBelow: return l.format(.populationBelow, u)
            case .communesBelow: return l.format(.communesBelow, u)
            case .newlyCoveredPopulation: return l.format(.newlyWithin, t)
            case .newlyUncoveredPopulation: return l.format(.newlyBeyond, t)
            case .communesGaining: return l[.communesGaining]
            case .communesLosing: return l[.communesLosing]
            }
        }
        func value(_ v: Double, _ f: ScenarioFigure) -> String {
            guard !v.isNaN else { return "" }
            switch f {
            case .gps: return language.compact(v)
            case .meanMinutes: return language.number(v, digits: 2)
            case .meanScore: return language.number(v, digits: 3)
            case .communesBelow, .communesGaining, .communesLosing: return language.count(v)
            default: return language.number(v)
            }
        }
        let rows: [[String]] = ScenarioFigure.allCases.compactMap { f in
            guard !(f.needsMark && s.underServed == nil) else { return nil }
            let b = d.bands(of: f)
            return [label(f), value(d.baseline(of: f), f)] + [b.mean, b.p5, b.p50, b.p95].map { value($0, f) }
        }
        return table(header: ["", l[.baselineFigures], l[.meanShort], l.format(.percentileShort, "5"), l.format(.percentileShort, "50"),
                              l.format(.percentileShort, "95")], rows: rows)
    }
}
