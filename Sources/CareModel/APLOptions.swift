/// Parameters of the DREES "accessibilité potentielle localisée" (APL) to GPs (Barlet et al., DREES/IRDES 2012):
/// an E2SFCA with the DREES step weights, supply in yearly consultations and visits capped per GP, demand as
/// age-standardised population. Result: consultations per standardised inhabitant per year.
///
/// ```swift
/// var apl = APLOptions(referenceYear: 2026)
/// apl.excludeAgeAtLeast = 65
/// ```
public struct APLOptions: Sendable, Hashable {
    /// Yearly activity assumed for each GP when the supply only counts GPs (BPE). Default 5,400: the value
    /// the DREES imputes to GPs with no activity record.
    public var activityPerGP: Double = 5_400
    /// Yearly activity imputed to a listed practitioner without an `activity` value, per FTE (DREES: 5,400).
    public var imputedActivity: Double = 5_400
    /// Exclude practitioners of this age or older in ``referenceYear`` (DREES variant: 65), when birth years are known.
    public var excludeAgeAtLeast: Int?
    public var referenceYear: Int
    /// Age-standardised demand per commune code; raw population when `nil` (and the output says so).
    public var standardisedDemand: [String: Double]?
    public var weights: StepWeights = .drees

    public init(referenceYear: Int) { self.referenceYear = referenceYear }

    /// The DREES caps on one GP's yearly activity: 250 or fewer counts 0; up to 3,600 counts 3,600;
    /// 3,600–6,000 as is; above 6,000 counts 6,000.
    public static func cappedActivity(_ acts: Double) -> Double {
        if acts <= 250 { return 0 }
        if acts <= 3_600 { return 3_600 }
        return Swift.min(acts, 6_000)
    }

    /// APL supply of a site, with counts of what was assumed.
    public func supply(of site: SupplySite) -> (activity: Double, excluded: Int, imputed: Int, counted: Bool) {
        guard !site.practitioners.isEmpty else {
            return (site.gps * Self.cappedActivity(activityPerGP), 0, 0, true)
        }
        var total = 0.0, excluded = 0, imputed = 0
        for p in site.practitioners {
            if let limit = excludeAgeAtLeast, let born = p.birthYear, referenceYear - born >= limit {
                excluded += 1
                continue
            }
            if let a = p.activity {
                total += Self.cappedActivity(a)
            } else {
                imputed += 1
                total += Self.cappedActivity(imputedActivity) * p.fte
            }
        }
        return (total, excluded, imputed, false)
    }
}
