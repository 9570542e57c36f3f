import CareIO
import CareStudy
import CareModel

extension HTMLReport {
    /// The frontier's colour: a purple no map palette uses, so that the browser check can find it.
    static let frontierColor = "#6a3d9a"

    /// The gain a comparison's chart plots, after the file's `rank_by`: net population newly within the
    /// threshold for the coverage criteria, else the indicator gain (inhabitants × change of the score).
    static func chartGain(_ run: CompareRun) -> (values: [Double?], isCoverage: Bool) {
        let coverage = run.file.rankBy == .newlyCovered || run.file.rankBy == .newlyCoveredPer100k || run.file.rankBy == .meanMinutes
        return (run.results.map { r in r.benefit.map { coverage ? Double($0.newlyCovered) : $0.scoreGain } }, coverage)
    }

    /// Cost (x, total k€) against gain (y), one numbered point per costed option (its rank), and the
    /// efficient frontier (``CareModel/EfficientFrontier``) drawn through the options no other beats on both.
    /// The SVG declares `data-points` and `data-frontier` for the browser check. O(options log options).
    static func costBenefitChart(_ run: CompareRun, language: ReportLanguage) -> String {
        let l = ReportLabels(language)
        let name = run.results.first?.run.comparison.indicator.name ?? "score"
        let (gains, coverage) = chartGain(run)
        let rankOf = Dictionary(uniqueKeysWithValues: run.ranking.enumerated().map { ($1, $0 + 1) })
        let costed = run.results.indices.filter { run.results[$0].benefit != nil }
        let costs = costed.map { (run.results[$0].benefit?.cost.total ?? 0) / 1000 }
        let ys = costed.map { gains[$0] ?? 0 }
        let frontier = EfficientFrontier.indices(costs: costs, gains: ys)
        let width = 520.0, height = 320.0, left = 64.0, bottom = 40.0, top = 12.0, right = 16.0
        let maxX = niceCeiling(costs.max() ?? 1), minY = min(0, ys.min() ?? 0), maxY = niceCeiling(ys.max() ?? 1)
        let plotW = width - left - right, plotH = height - top - bottom
        func px(_ x: Double) -> Double { left + (maxX > 0 ? x / maxX : 0) * plotW }
        func py(_ y: Double) -> Double { top + plotH - (maxY > minY ? (y - minY) / (maxY - minY) : 0) * plotH }
        let yTitle = coverage ? l.format(.newlyCoveredNet, language.compact(run.file.baseline.threshold)) : l.format(.scoreGainOf, name)
        var svg = "<svg class=\"cost-benefit\" data-points=\"\(costed.count)\" data-frontier=\"\(frontier.count)\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(escape(l[.costBenefit]))\">"
        svg += "<rect x=\"\(f1(left))\" y=\"\(f1(top))\" width=\"\(f1(plotW))\" height=\"\(f1(plotH))\" fill=\"#fafafa\" stroke=\"#999\"/>"
        for k in 0...4 {
            let x = maxX * Double(k) / 4, y = minY + (maxY - minY) * Double(k) / 4
            svg += "<text x=\"\(f1(px(x)))\" y=\"\(f1(top + plotH + 14))\" font-size=\"10\" text-anchor=\"middle\">\(language.number(x))</text>"
            svg += "<text x=\"\(f1(left - 4))\" y=\"\(f1(py(y) + 3))\" font-size=\"10\" text-anchor=\"end\">\(language.number(y))</text>"
        }
        svg += "<text x=\"\(f1(left + plotW / 2))\" y=\"\(f1(height - 6))\" font-size=\"11\" text-anchor=\"middle\">\(escape(l[.costAxis]))</text>"
        svg += "<text x=\"12\" y=\"\(f1(top + plotH / 2))\" font-size=\"11\" text-anchor=\"middle\" transform=\"rotate(-90 12 \(f1(top + plotH / 2)))\">\(escape(yTitle))</text>"
        let points = frontier.map { "\(f1(px(costs[$0]))),\(f1(py(ys[$0])))" }.joined(separator: " ")
        svg += "<polyline class=\"frontier\" points=\"\(points)\" fill=\"none\" stroke=\"\(frontierColor)\" stroke-width=\"2.5\"/>"
        let onFrontier = Set(frontier)
        var labels: [(x: Double, y: Double)] = []
        for (k, i) in costed.enumerated() {
            let x = px(costs[k]), y = py(ys[k]), rank = rankOf[i] ?? 0
            // A label that would overlap an earlier one moves down a line.
            var ly = y - 7
            while labels.contains(where: { abs($0.x - (x + 9)) < 14 && abs($0.y - ly) < 12 }) { ly += 13 }
            labels.append((x + 9, ly))
            let title = "\(rank). \(run.results[i].option.name): \(language.number(costs[k], digits: 1)) k€, \(language.number(ys[k]))"
            svg += "<circle class=\"option-point\" cx=\"\(f1(x))\" cy=\"\(f1(y))\" r=\"6\" fill=\"\(onFrontier.contains(k) ? frontierColor : "#ffffff")\" stroke=\"\(frontierColor)\" stroke-width=\"2\"><title>\(escape(title))</title></circle>"
            svg += "<text x=\"\(f1(x + 9))\" y=\"\(f1(ly))\" font-size=\"11\">\(rank)</text>"
        }
        return svg + "</svg><p class=\"note\">\(escape(l[.frontierNote]))</p>"
    }

    /// 1, 2 or 5 × a power of ten at or above `v` (for an axis end).
    static func niceCeiling(_ v: Double) -> Double {
        guard v.isFinite, v > 0 else { return 1 }
        var step = 1.0
        while step * 10 <= v { step *= 10 }
        while step > v * 10 { step /= 10 }
        for m in [1.0, 2, 5, 10] where m * step >= v { return m * step }
        return 10 * step
    }

    private static func f1(_ v: Double) -> String { v.fixed(1) }
}
