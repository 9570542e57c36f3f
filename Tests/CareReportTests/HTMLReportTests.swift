import CareGeo
import CareIO
import CareModel
import Foundation
import Testing

@testable import CareReport
@testable import CareStudy  // Study's memberwise init, for a synthetic study

/// A hand-made territory with square boundaries (synthetic data: invented communes and names, real-looking
/// codes), a site at the first commune's point and a crow-fly model at 60 km/h without detour, so that
/// minutes equal kilometres and the colour class of each commune is known by hand:
/// A 0 min, B exactly 20.0 min (within, the threshold is inclusive), C 25 min, D 31 min, E overseas
/// (another CRS, no site there: unreachable), F a neighbour outside the study.
enum ReportTerritory {
    static let origin = (x: 800_000.0, y: 6_400_000.0)

    static func square(_ cx: Double, _ cy: Double, _ half: Double = 1_000) -> MultiPolygon {
        MultiPolygon(polygons: [Polygon(exterior: [
            XY(x: cx - half, y: cy - half), XY(x: cx + half, y: cy - half), XY(x: cx + half, y: cy + half),
            XY(x: cx - half, y: cy + half), XY(x: cx - half, y: cy - half),
        ])])
    }

    static func study(boundaries: Bool = true) throws -> Study {
        func c(_ code: String, _ name: String, _ dx: Double, _ dy: Double, _ pop: Int, crs: CRS = .lambert93) -> Commune {
            Commune(code: code, name: name, population: pop, departement: Commune.departement(ofCode: code),
                    location: LonLat(lon: 4.5, lat: 44.7),
                    point: ProjectedPoint(x: (crs == .lambert93 ? origin.x : 300_000) + dx, y: (crs == .lambert93 ? origin.y : 7_650_000) + dy),
                    crs: crs, pointSource: .townHall)
        }
        let communes = [
            c("07001", "L'Épine", 0, 0, 1_000),
            c("07002", "Saint-Jean <&> \"Bas\"", 20_000, 0, 500),
            c("07003", "Commune C", 0, 25_000, 300),
            c("07004", "Commune D", 0, -31_000, 200),
            c("97401", "Commune E", 0, 0, 700, crs: .rgr92UTM40S),
            c("26001", "Voisine F", -20_000, 0, 4_000),
        ]
        var territory = try Territory(communes: communes)
        if boundaries {
            try territory.setBoundaries(communes.map { square($0.point.x, $0.point.y) })
        }
        let site = SupplySite(id: "S1", communeCode: "07001", departement: "07",
                              point: ProjectedPoint(x: origin.x, y: origin.y), crs: .lambert93, gps: 4)
        let supply = SupplyImport(sites: [site], report: ImportReport(source: "synthetic"), unknownCodes: [])
        return Study(territory: territory, supply: supply, demand: [0, 1, 2, 3, 4],
                     territorySource: "synthetic test territory", supplySource: "synthetic test supply",
                     territoryReport: nil, notes: [])
    }

    static func coverage(_ study: Study) throws -> CoverageResult {
        try CoverageAnalysis(threshold: 20).run(territory: study.territory, communes: study.demand,
                                                sites: study.supply.sites, model: try CrowFlyModel(speedKmh: 60, circuity: 1))
    }
}

/// Counting and extracting from the generated HTML.
enum HTMLProbe {
    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// The fill colour of every studied commune's path, in order.
    static func communeFills(in html: String) -> [String] {
        html.components(separatedBy: "<path class=\"commune\"").dropFirst().compactMap { path in
            path.components(separatedBy: "fill=\"").dropFirst().first?.components(separatedBy: "\"").first
        }
    }

    /// The `<figure class="map">…</figure>` whose caption is `caption` (already escaped), if any.
    static func figure(captioned caption: String, in html: String) -> String? {
        html.components(separatedBy: "<figure class=\"map\"").dropFirst()
            .first { $0.contains("<figcaption>\(caption)</figcaption>") }
            .map { $0.components(separatedBy: "</figure>")[0] }
    }

    /// The fill of the `commune` path with `code`.
    static func fill(ofCode code: String, in html: String) -> String? {
        guard let r = html.range(of: "data-code=\"\(code)\" fill=\"") else { return nil }
        return String(html[r.upperBound...].prefix { $0 != "\"" })
    }

    /// `src`/`href` attributes pointing outside the file.
    static func externalReferences(in html: String) -> [String] {
        let pattern = #"(src|href|xlink:href)\s*=\s*["']?\s*(https?:|//)"#
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return ["bad regex"] }
        let ns = html as NSString
        return regex.matches(in: html, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) }
    }
}

struct HTMLReportTests {
    @Test func onePathPerStudiedCommuneAndContextWithoutTheClass() throws {
        let study = try ReportTerritory.study()
        let html = HTMLReport.coverage(try ReportTerritory.coverage(study), study: study, language: .en, date: "2026-01-01")
        #expect(HTMLProbe.count("class=\"commune\"", in: html) == 5)
        for code in ["07001", "07002", "07003", "07004", "97401"] {
            #expect(HTMLProbe.count("data-code=\"\(code)\"", in: html) == 1, "\(code)")
        }
        // The neighbour is drawn (grey) but is not a studied commune.
        #expect(!html.contains("data-code=\"26001\""))
        #expect(html.contains("fill=\"\(Palette.context)\""))
        // The overseas commune lives in its own inset.
        #expect(html.contains("Inset 974 La Réunion — EPSG:2975"))
        #expect(html.contains("data-communes=\"5\""))
    }

    @Test func colourClassMatchesTheMinutesBucket() throws {
        let study = try ReportTerritory.study()
        let result = try ReportTerritory.coverage(study)
        #expect(result.rows.map(\.minutes)[0...3] == [0, 20, 25, 31])
        let html = HTMLReport.coverage(result, study: study, language: .fr, date: "2026-01-01")
        let scale = ColorScale.minutes(threshold: 20, language: .fr)
        #expect(HTMLProbe.fill(ofCode: "07001", in: html) == scale.bands[0].color)  // ≤ 5
        #expect(HTMLProbe.fill(ofCode: "07002", in: html) == scale.bands[3].color)  // exactly 20.0: 15–20
        #expect(HTMLProbe.fill(ofCode: "07003", in: html) == scale.bands[4].color)  // 20–30
        #expect(HTMLProbe.fill(ofCode: "07004", in: html) == scale.bands[5].color)  // > 30
        #expect(HTMLProbe.fill(ofCode: "97401", in: html) == Palette.missing)       // unreachable
        #expect(Set(scale.legend.map(\.color)).count == scale.legend.count)
    }

    @Test func namesAreEscaped() throws {
        #expect(HTMLReport.escape(#"L'Épine <&> "x""#) == "L&#39;Épine &lt;&amp;&gt; &quot;x&quot;")
        let study = try ReportTerritory.study()
        let html = HTMLReport.coverage(try ReportTerritory.coverage(study), study: study, language: .en, date: "2026-01-01")
        #expect(html.contains("L&#39;Épine (07001)"))
        #expect(html.contains("Saint-Jean &lt;&amp;&gt; &quot;Bas&quot;"))
        #expect(!html.contains("L'Épine"))
        #expect(!html.contains("<&>"))
    }

    @Test(arguments: ReportLanguage.allCases)
    func rendersInBothLanguagesSelfContained(language: ReportLanguage) throws {
        let study = try ReportTerritory.study()
        let html = HTMLReport.coverage(try ReportTerritory.coverage(study), study: study, language: language, date: "2026-01-01")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">"))
        #expect(html.contains("<title>\(HTMLReport.escape(ReportLabels(language)[.titleCoverage]))</title>"))
        #expect(HTMLProbe.externalReferences(in: html).isEmpty)
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        // No label fell back to its key name (camel-case keys, which no label text contains).
        for key in ReportLabels.Key.allCases where key.rawValue.contains(where: \.isUppercase) {
            #expect(!html.contains(">\(key.rawValue)<") && !html.contains(" \(key.rawValue) "), "\(key)")
        }
        #expect(html.contains(language == .fr ? "aucun médecin accessible" : "no GP reachable"))
    }

    @Test func withoutBoundariesCirclesStillOnePathPerCommune() throws {
        let study = try ReportTerritory.study(boundaries: false)
        let html = HTMLReport.coverage(try ReportTerritory.coverage(study), study: study, language: .en, date: "2026-01-01")
        #expect(HTMLProbe.count("class=\"commune\"", in: html) == 5)
        #expect(html.contains(HTMLReport.escape(ReportLabels(.en)[.noBoundaries])))
        #expect(html.contains("class=\"note fallback\"") && html.contains("data-circles=\"5\""))
        #expect(!html.contains("fill=\"\(Palette.context)\""))
    }

    @Test func accessibilityReportMarksTheUnderServedBreak() throws {
        let study = try ReportTerritory.study()
        let analysis = try AccessibilityAnalysis(threshold: 20, method: .apl(APLOptions(referenceYear: 2026)), underServed: 2.5)
        let result = try analysis.run(territory: study.territory, communes: study.demand, sites: study.supply.sites,
                                      model: try CrowFlyModel(speedKmh: 60, circuity: 1))
        let html = HTMLReport.accessibility(result, study: study, language: .fr, date: "2026-01-01")
        #expect(HTMLProbe.count("class=\"commune\"", in: html) == 5)
        #expect(html.contains("sous-dotée en dessous de 2,5"))
        let scale = ColorScale.indicator(scores: result.rows.map(\.score), isAPL: true, underServed: 2.5, language: .fr)
        for r in result.rows {
            #expect(HTMLProbe.fill(ofCode: study.territory.communes[r.commune].code, in: html) == scale.color(of: r.score))
        }
    }
}

/// The report on real data: the embedded Ardèche fixture and the Ardennes scenario example.
struct RealDataReportTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test func ardecheCoverageHasOnePathPerCommune() throws {
        let study = try Study.load(territoryPath: nil, supplyPath: nil, departements: [])
        let result = try CoverageAnalysis(threshold: 20).run(territory: study.territory, communes: study.demand,
                                                             sites: study.supply.sites, model: try CrowFlyModel())
        let html = HTMLReport.coverage(result, study: study, language: .fr)
        #expect(study.demand.count == 335)
        #expect(HTMLProbe.count("class=\"commune\"", in: html) == 335)
        #expect(html.contains("data-communes=\"335\""))
        #expect(HTMLProbe.externalReferences(in: html).isEmpty)
        // The embedded fixture carries every studied commune's real boundary: the 35 km buffer of neighbouring
        // communes is drawn grey, and no commune falls back to a circle.
        let boundaries = try #require(study.territory.boundaries)
        #expect(study.demand.allSatisfy { boundaries[$0] != nil })
        #expect(html.contains("fill=\"\(Palette.context)\""))
        #expect(html.contains("data-circles=\"0\""))
        #expect(!html.contains("class=\"note fallback\""))
        #expect(!html.contains(HTMLReport.escape(ReportLabels(.fr)[.noBoundaries])))
    }

    /// The Ardennes health houses open where GPs already practise: nobody's nearest GP gets closer, so the
    /// report has the minutes and indicator-change maps and says the minutes are unchanged.
    @Test func scenarioReportSaysWhenMinutesAreUnchanged() throws {
        let run = try ScenarioRun.run(path: Self.root + "/Fixtures/scenarios/ardennes-maisons-de-sante.yaml")
        #expect(run.comparison.rows.allSatisfy { $0.minutesBefore == $0.minutesAfter })
        let html = HTMLReport.scenario(run, language: .en)
        let n = run.study.demand.count
        #expect(n == 447)
        #expect(HTMLProbe.count("<figure class=\"map\" data-communes=\"\(n)\"", in: html) == 2)
        #expect(HTMLProbe.count("class=\"commune\"", in: html) == 2 * n)
        #expect(html.contains(HTMLReport.escape(ReportLabels(.en)[.minutesUnchanged])))
        #expect(!html.contains(ReportLabels(.en)[.mapMinutesChange]))
        // The three opened health houses are drawn as squares with their names in the hover text.
        #expect(html.contains("health house (MSP)"))
        #expect(HTMLProbe.count("Before</th>", in: html) == 1)
    }

    /// Creuse: retirements by 2030 move some communes' nearest GP farther away. The report adds the map of
    /// the change in minutes: those communes orange (worse), the others white ("no change"), and its legend.
    @Test func scenarioReportMapsTheChangeInMinutes() throws {
        let run = try ScenarioRun.run(path: Self.root + "/Fixtures/scenarios/creuse-medecins-solidaires.yaml")
        let html = HTMLReport.scenario(run, language: .fr)
        let n = run.study.demand.count
        let l = ReportLabels(.fr)
        #expect(HTMLProbe.count("<figure class=\"map\" data-communes=\"\(n)\"", in: html) == 3)
        #expect(HTMLProbe.count("class=\"commune\"", in: html) == 3 * n)
        #expect(!html.contains(HTMLReport.escape(l[.minutesUnchanged])))
        let figure = try #require(HTMLProbe.figure(captioned: HTMLReport.escape(l[.mapMinutesChange]), in: html))
        let changes = run.comparison.rows.map(HTMLReport.minutesChange)
        let farther = changes.filter { $0 > 0 }.count
        #expect(farther > 0 && changes.allSatisfy { $0 >= 0 })   // retirements only take GPs away here
        let scale = ColorScale.delta(changes: changes, language: .fr, lowerIsBetter: true)
        let fills = HTMLProbe.communeFills(in: figure)
        #expect(fills.count == n)
        #expect(fills.filter { $0 == Palette.neutral }.count == n - farther)
        #expect(fills.filter { Palette.worse.contains($0) }.count == farther)
        #expect(html.contains("<b>\(HTMLReport.escape(l[.mapMinutesChange]))</b>"))   // its legend
        #expect(scale.bands.count == 7)
    }

    @Test func minutesChangeHandlesReachability() {
        #expect(HTMLReport.minutesChange(before: 12, after: 4) == -8)
        #expect(HTMLReport.minutesChange(before: 4, after: 4) == 0)
        #expect(HTMLReport.minutesChange(before: nil, after: nil) == 0)
        #expect(HTMLReport.minutesChange(before: .infinity, after: nil) == 0)
        #expect(HTMLReport.minutesChange(before: nil, after: 30) == -.infinity)
        #expect(HTMLReport.minutesChange(before: 3, after: nil) == .infinity)
    }

    /// Minutes: lower is better, so the negative changes (closer) are blue and the positive ones orange.
    @Test func minutesChangeScaleIsBlueWhenCloser() {
        let s = ColorScale.delta(changes: [-12, 0, 3], language: .en, lowerIsBetter: true)
        #expect(s.bands.count == 7)
        #expect(s.color(of: -12) == Palette.better[3])
        #expect(s.color(of: 0) == Palette.neutral)
        #expect(Palette.worse.contains(s.color(of: 3)))
        #expect(Palette.better.contains(s.color(of: -1)))
        let indicator = ColorScale.delta(changes: [-12, 0, 3], language: .en)
        #expect(indicator.bands.map(\.upper) == s.bands.map(\.upper))
        #expect(Palette.worse.contains(indicator.color(of: -12)) && Palette.better.contains(indicator.color(of: 3)))
    }

    @Test func compareReportHasOneSmallMapPerOptionAndTheRanking() throws {
        let run = try CompareRun.run(path: Self.root + "/Fixtures/scenarios/ardennes-options.yaml")
        let html = HTMLReport.compare(run, language: .fr)
        let n = run.study.demand.count
        #expect(HTMLProbe.count("<figure class=\"map\" data-communes=\"\(n)\"", in: html) == run.results.count)
        #expect(HTMLProbe.count("class=\"commune\"", in: html) == run.results.count * n)
        // Ranked order: the first small map is the best option.
        let best = HTMLReport.escape(run.results[run.ranking[0]].option.name)
        #expect(html.contains("<figcaption>1. \(best)</figcaption>"))
        #expect(html.contains("Classement"))
    }
}
