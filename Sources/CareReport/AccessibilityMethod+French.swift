import CareIO
import CareStudy
import CareModel

extension StepWeights {
    /// The bands in French: `<10 min : 1, <15 min : 0,667` (three decimals at most, as in English).
    var frenchSummary: String {
        let fr = ReportLanguage.fr
        let w = { (v: Double) in fr.number(v, digits: v == v.rounded() ? 0 : 3) }
        return bands.map { "\(upperInclusive ? "≤" : "<")\(fr.compact($0.upper)) min : \(w($0.weight))" }.joined(separator: ", ")
    }
}

extension DistanceDecay {
    /// ``summary`` in French.
    var frenchSummary: String {
        let fr = ReportLanguage.fr
        switch self {
        case .binary: return "binaire"
        case .step(let s): return "paliers " + s.frenchSummary
        case .gaussian(let sigma): return "gaussienne σ = \(fr.compact(sigma)) min"
        case .power(let beta, let tmin): return "puissance β = \(fr.compact(beta)), t ≥ \(fr.compact(tmin)) min"
        case .exponential(let beta): return "exponentielle β = \(fr.compact(beta))/min"
        }
    }
}

extension AccessibilityMethod {
    /// The weights of the method in `language` (English: ``decayDescription``).
    func decayDescription(_ language: ReportLanguage) -> String {
        guard language == .fr else { return decayDescription }
        switch self {
        case .twoStep: return "aire binaire"
        case .enhanced(let d), .gravity(let d), .threeStep(let d): return d.frenchSummary
        case .apl(let o): return "poids DREES " + o.weights.frenchSummary
        }
    }
}

extension ScenarioComparison {
    /// ``parameterLine`` in `language`.
    func parameterLine(_ language: ReportLanguage) -> String {
        guard language == .fr else { return parameterLine }
        let fr = ReportLanguage.fr
        return "Paramètres : seuil de couverture \(fr.compact(summary.threshold)) min ; \(indicator.name) (\(indicator.decayDescription(.fr))), "
            + "aire de recours \(fr.compact(catchment)) min"
            + (summary.underServed.map { ", sous-dotée en dessous de \(fr.number($0, digits: 2))" } ?? "")
    }

    /// ``inputLines`` in `language`, each under its report label.
    func inputLines(_ language: ReportLanguage) -> [String] {
        guard language == .fr else { return inputLines }
        let l = ReportLabels(.fr)
        return inputs.map { "\(indicator.name), \(l.input($0.label).lowercased()) : \($0.text(.fr))" }
    }
}
