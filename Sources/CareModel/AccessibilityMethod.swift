/// The floating-catchment indicators CareAccess computes.
public enum AccessibilityMethod: Sendable, Hashable {
    /// 2SFCA, binary catchment (Luo & Wang 2003).
    case twoStep
    /// E2SFCA with step or Gaussian weights (Luo & Qi 2009).
    case enhanced(DistanceDecay)
    /// Gravity (generalised) 2SFCA: a continuous power or exponential decay in both steps, the general form
    /// of which 2SFCA and E2SFCA are special cases (Wang 2012, Annals of the AAG 102(5); the gravity model
    /// after Hansen 1959).
    case gravity(DistanceDecay)
    /// 3SFCA with selection weights (Wan, Zou & Sternberg 2012).
    case threeStep(DistanceDecay)
    /// DREES APL (Barlet et al. 2012).
    case apl(APLOptions)

    /// Short name of the indicator for outputs: `2SFCA`, `E2SFCA`, `G2SFCA`, `3SFCA` or `APL`.
    public var name: String {
        switch self {
        case .twoStep: return "2SFCA"
        case .enhanced: return "E2SFCA"
        case .gravity: return "G2SFCA"
        case .threeStep: return "3SFCA"
        case .apl: return "APL"
        }
    }

    var decay: DistanceDecay {
        switch self {
        case .twoStep: return .binary
        case .enhanced(let d), .gravity(let d), .threeStep(let d): return d
        case .apl(let o): return .step(o.weights)
        }
    }

    /// Scores are multiplied by this for reporting: GPs per 10,000 inhabitants, or APL consultations as is.
    public var reportingScale: Double {
        if case .apl = self { return 1 }
        return 10_000
    }

    /// Unit of the reported scores: GPs per 10,000 inhabitants for the FCA family; for the APL, consultations per
    /// standardised inhabitant per year (per inhabitant when the demand is not age-standardised).
    public var unit: String {
        if case .apl(let o) = self {
            return o.demand.isStandardised ? "consultations per standardised inhabitant per year"
                : "consultations per inhabitant per year (raw population, not age-standardised)"
        }
        return "GPs per 10,000 inhabitants"
    }
}
