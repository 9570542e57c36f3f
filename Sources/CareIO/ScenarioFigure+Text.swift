import CareModel
import Foundation

extension ScenarioFigure {
    /// A figure's value as the terminal reports print it: people and communes as whole numbers (a commune
    /// count averaged over draws keeps one decimal), minutes and GPs with two decimals, scores with three;
    /// thousands grouped with `,`. Non-finite values print `n/a`.
    ///
    /// ```swift
    /// ScenarioFigure.populationBelow.text(33303.94)   // "33,304"
    /// ScenarioFigure.communesBelow.text(12.35)        // "12.3"
    /// ```
    package func text(_ v: Double) -> String {
        guard v.isFinite, Swift.abs(v) < 1e15 else { return "n/a" }
        switch self {
        case .meanMinutes, .gps: return v.grouped(decimals: 2)
        case .meanScore: return String(format: "%.3f", v)
        case .communesBelow, .communesGaining, .communesLosing: return v.grouped(decimals: v == v.rounded() ? 0 : 1)
        default: return Int(v.rounded()).grouped  // people: whole numbers
        }
    }
}

extension Double {
    /// `33303.94` with 1 decimal → `"33,303.9"`.
    package func grouped(decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", Swift.abs(self))
        let parts = text.split(separator: ".", maxSplits: 1)
        let whole = (Int(parts[0]) ?? 0).grouped
        return (self < 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "-" : "") + whole + (parts.count > 1 ? "." + parts[1] : "")
    }
}
