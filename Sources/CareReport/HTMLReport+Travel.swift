import CareIO
import CareStudy
import CareModel
import Foundation

extension HTMLReport {
    /// The travel-model validation report: observed against modelled minutes (a density scatter on a one-minute
    /// grid with the 1:1 line), the error by observed band, and a map of the median error by département of
    /// origin (communes drawn in their département's class).
    ///
    /// ```swift
    /// let html = HTMLReport.travelValidation(v, trips: observed.trips, territory: t, modelSummary: model.summary,
    ///                                        observedSource: observed.source.description, language: .fr)
    /// ```
    /// Linear in the trips and the boundary vertices drawn.
    public static func travelValidation(_ v: TravelValidation, trips: [ObservedTrip], territory: Territory,
                                        modelSummary: String, observedSource: String, language: ReportLanguage,
                                        date: String = HTMLReport.today()) -> String {
        let l = ReportLabels(language)
        var report = HTMLReport(language: language, title: l[.titleTravel])
        report.subtitle("\(modelSummary) — \(language.number(v.all.trips)) \(l[.trips]): \(observedSource)")

        let departements = v.departementsUpTo30(trips: trips, territory: territory, minimumTrips: 1)
        let errorOf = Dictionary(uniqueKeysWithValues: departements.map { ($0.code, $0.summary) })
        let scale = Self.relativeErrorScale(language)
        let studied = territory.communes.indices.filter { errorOf[territory.communes[$0].departement] != nil }
        let fills = studied.map { scale.color(of: errorOf[territory.communes[$0].departement]?.medianRelativeError) }
        let tips = studied.map { i -> String in
            let c = territory.communes[i]
            let s = errorOf[c.departement]
            return "\(c.departement): \(s.map { language.percent($0.medianRelativeError) } ?? "–"), \(l[.bias]) \(s.map { language.signed($0.bias, digits: 2) } ?? "–") min (\(s.map { language.number($0.trips) } ?? "0") \(l[.trips]))"
        }
        let map = SVGMap(territory: territory, studied: studied, fills: fills, tooltips: tips)

        let f = { (s: TravelErrorSummary) -> [String] in
            [language.number(s.trips), language.number(s.meanAbsoluteError, digits: 2), language.percent(s.medianRelativeError),
             language.percent(s.p90RelativeError), language.signed(s.bias, digits: 2), language.percent(s.shareOver5Minutes)]
        }
        let header = [l[.band], l[.trips], l[.mae], l[.medianError], l[.p90Error], l[.bias], l[.over5]]
        var rows = [[l[.upTo30]] + f(v.upTo30Minutes), [l[.allTrips]] + f(v.all)]
        rows += v.bands.filter { $0.summary.trips > 0 }.map { [$0.label] + f($0.summary) }
        let worst = departements.filter { $0.summary.trips >= 30 }
            .sorted { abs($0.summary.bias) > abs($1.summary.bias) || (abs($0.summary.bias) == abs($1.summary.bias) && $0.code < $1.code) }
            .prefix(10).map { [$0.code] + f($0.summary) }

        report.append("<div class=\"row\">" + report.mapFigure(map, caption: l[.mapDepartementError])
                      + "<div>" + report.legend(scale, title: l[.medianError])
                      + "<h2>\(escape(l[.scatterTitle]))</h2>" + scatter(trips: trips, modelled: v.modelled, language: language)
                      + "</div></div>")
        report.heading(l[.errorByBand])
        report.append(report.table(header: header, rows: rows, textColumns: [0]))
        report.heading(l[.largestBias])
        report.append(report.table(header: [l[.departement]] + header.dropFirst(), rows: Array(worst), textColumns: [0]))
        report.notes(v.all.unreachable > 0 ? [.unreachableTrips(v.all.unreachable)] : [])
        report.append("<div class=\"note sources\"><b>\(escape(l[.sources]))</b><br>\(escape(l[.sourceModel])): \(escape(modelSummary))<br>\(escape(observedSource))<br>\(escape(l.format(.generated, date, CareAccessVersion.current)))</div>")
        return report.html()
    }

    /// Median relative error classes: ≤ 5 %, 5–10, 10–15, 15–20, > 20 %.
    static func relativeErrorScale(_ language: ReportLanguage) -> ColorScale {
        let p = { (v: Double) in language.percent(v, digits: 0) }
        let colors = [Palette.better[2], Palette.better[0], Palette.worse[0], Palette.worse[1], Palette.worse[3]]
        let uppers = [0.05, 0.10, 0.15, 0.20, Double.infinity]
        var lower = 0.0
        var bands: [ColorScale.Band] = []
        for (k, upper) in uppers.enumerated() {
            bands.append(.init(label: upper.isFinite ? "\(p(lower)) – \(p(upper))" : "> \(p(lower))", color: colors[k], upper: upper, inclusive: true))
            lower = upper
        }
        return ColorScale(bands: bands, breakAfter: 1, breakLabel: "10 %")
    }

    /// Observed (x) against modelled (y) minutes, 0–60, as one-minute cells shaded by the number of trips
    /// (log scale), with the 1:1 line: small whatever the number of trips.
    static func scatter(trips: [ObservedTrip], modelled: [Double], language: ReportLanguage) -> String {
        let l = ReportLabels(language)
        let side = 60, px = 5.0, margin = 34.0
        var counts = [Int](repeating: 0, count: side * side)
        for (t, m) in zip(trips, modelled) where (0..<Double(side)).contains(m) && (0..<Double(side)).contains(t.minutes) {
            let x = Int(t.minutes.rounded(.down)), y = Int(m.rounded(.down))
            guard (0..<side).contains(x), (0..<side).contains(y) else { continue }
            counts[y * side + x] += 1
        }
        let top = Double(counts.max() ?? 1)
        let size = Double(side) * px
        var svg = "<svg class=\"scatter\" width=\"\(Int(size + margin + 8))\" height=\"\(Int(size + margin + 8))\" viewBox=\"0 0 \(Int(size + margin + 8)) \(Int(size + margin + 8))\" role=\"img\" aria-label=\"\(escape(l[.scatterTitle]))\">"
        svg += "<rect x=\"\(Int(margin))\" y=\"8\" width=\"\(Int(size))\" height=\"\(Int(size))\" fill=\"#fafafa\" stroke=\"#999\"/>"
        for (k, n) in counts.enumerated() where n > 0 {
            let x = margin + Double(k % side) * px, y = 8 + size - Double(k / side + 1) * px
            let shade = top > 1 ? log(Double(n)) / log(top) : 1
            let c = Palette.better[Swift.min(3, Int((shade * 3.999).rounded(.down)))]
            svg += "<rect x=\"\(fmt(x))\" y=\"\(fmt(y))\" width=\"\(fmt(px))\" height=\"\(fmt(px))\" fill=\"\(c)\"><title>\(k % side)–\(k % side + 1) / \(k / side)–\(k / side + 1) min: \(n)</title></rect>"
        }
        svg += "<line x1=\"\(Int(margin))\" y1=\"\(Int(8 + size))\" x2=\"\(Int(margin + size))\" y2=\"8\" stroke=\"#a34b08\" stroke-width=\"1.2\"/>"
        for tick in stride(from: 0, through: side, by: 10) {
            let x = margin + Double(tick) * px, y = 8 + size - Double(tick) * px
            svg += "<text x=\"\(fmt(x))\" y=\"\(fmt(8 + size + 14))\" font-size=\"10\" text-anchor=\"middle\">\(tick)</text>"
            svg += "<text x=\"\(fmt(margin - 4))\" y=\"\(fmt(y + 3))\" font-size=\"10\" text-anchor=\"end\">\(tick)</text>"
        }
        svg += "<text x=\"\(fmt(margin + size / 2))\" y=\"\(fmt(size + margin + 6))\" font-size=\"11\" text-anchor=\"middle\">\(escape(l[.observedMinutes]))</text>"
        svg += "<text x=\"10\" y=\"\(fmt(8 + size / 2))\" font-size=\"11\" text-anchor=\"middle\" transform=\"rotate(-90 10 \(fmt(8 + size / 2)))\">\(escape(l[.modelledMinutes]))</text>"
        return svg + "</svg>"
    }

    private static func fmt(_ v: Double) -> String { v.fixed(1) }
}
