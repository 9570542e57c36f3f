import CareIO
import CareStudy
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
        case .meanScore: return v.fixed(3)
        case .communesBelow, .communesGaining, .communesLosing: return v.grouped(decimals: v == v.rounded() ? 0 : 1)
        default: return Int(v.rounded()).grouped  // people: whole numbers
        }
    }
}
