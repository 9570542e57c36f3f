import CareIO
import CareStudy
import CareModel

extension TravelModelSummary {
    /// The model in `language`: `english` (``CareModel/TravelTimeModel/summary``) for English or for a model
    /// without figures here (`.text`), French rendered from the figures otherwise.
    public func text(_ language: ReportLanguage, english: String) -> String {
        guard language == .fr else { return english }
        let fr = ReportLanguage.fr
        switch self {
        case .calibrated(let name, let heldOut):
            var s = "calé sur les temps observés \(name)"
            if let h = heldOut {
                s += " (validation croisée à \(h.folds) plis sur les trajets ≤ 30 min : erreur médiane \(fr.percent(h.medianRelativeError)), "
                    + "erreur absolue moyenne \(fr.number(h.meanAbsoluteError, digits: 2)) min, biais \(fr.signed(h.bias, digits: 2)) min)"
            }
            return s
        case .crowFly(let kmh, let circuity):
            return "à vol d’oiseau, \(fr.compact(kmh)) km/h, facteur de détour \(fr.compact(circuity))"
        case .text(let s):
            return s.isEmpty ? english : s
        }
    }
}
