/// Parameters of the DREES "accessibilité potentielle localisée" (APL) to GPs (Barlet et al., DREES/IRDES 2012):
/// an E2SFCA with the DREES step weights, supply in yearly activity (consultations + visits +
/// teleconsultations) with the DREES caps per GP, demand as age-standardised population. Result: consultations
/// per standardised inhabitant per year.
///
/// ```swift
/// var apl = APLOptions(referenceYear: 2026)
/// apl.demand = .departementAgeStructure(insee2021, drees2023)
/// apl.excludeAgeAtLeast = 65
/// ```
public struct APLOptions: Sendable, Hashable {
    /// Yearly activity credited to each GP when the supply only counts GPs (BPE): by default the level derived to
    /// reproduce DREES's 2023 national mean (``APLActivityLevel``). It is a mean per GP, so the per-GP caps do
    /// not apply to it.
    public var activityPerGP: Double = StudyDefaults.activityPerGP
    /// Where ``activityPerGP`` comes from, for outputs.
    public var activitySource: String = APLActivityLevel.provenance
    /// Yearly activity imputed to a listed practitioner new to practice or without an `activity` value, per FTE
    /// (DREES: 5,400).
    public var imputedActivity: Double = StudyDefaults.imputedActivity
    /// Exclude practitioners of this age or older in ``referenceYear`` (DREES variant: 65), when birth years are known.
    public var excludeAgeAtLeast: Int?
    /// The year ages are computed in for ``excludeAgeAtLeast`` (age = year − birth year).
    public var referenceYear: Int
    /// The demand: raw population unless set (the CLI and scenario files default to the age-standardised demand
    /// through the département structure that ships with the package).
    public var demand: APLDemand = .population
    /// The distance-decay step weights of the E2SFCA (DREES: 1, 2/3 and 1/3 below 10, 15 and 20 minutes).
    public var weights: StepWeights = .drees

    /// Creates the DREES parameters for `referenceYear`: default activity level, imputation, DREES step weights,
    /// raw population demand and no age exclusion.
    public init(referenceYear: Int) { self.referenceYear = referenceYear }

    /// The DREES caps on one GP's yearly activity: 250 or fewer counts 0; up to 3,600 counts 3,600;
    /// 3,600–6,000 as is; above 6,000 counts 6,000.
    public static func cappedActivity(_ acts: Double) -> Double {
        if acts <= 250 { return 0 }
        if acts <= 3_600 { return 3_600 }
        return Swift.min(acts, 6_000)
    }

    /// The caps in one line, for outputs.
    public static let capsSummary = "DREES caps per GP on recorded activity: ≤ 250 → 0, 251–3,600 → 3,600, 3,601–6,000 as is, "
        + "> 6,000 → 6,000; none for health centres; not applied to the per-GP level of GP counts (a mean)"

    /// APL supply of one site and what was assumed for it.
    public struct SiteSupply: Sendable, Hashable {
        /// Yearly activity credited to the site.
        public var activity: Double
        /// Practitioners excluded by age.
        public var excluded: Int
        /// Practitioners credited ``APLOptions/imputedActivity`` (new to practice, or no activity value).
        public var imputed: Int
        /// Whether the site gives a GP count only (activity = GPs × ``APLOptions/activityPerGP``).
        public var counted: Bool
        /// Whether the site's practitioners were left uncapped (health centres).
        public var uncapped: Bool
    }

    /// Checks the activity figures: finite and ≥ 0.
    public func validated() throws(ModelError) -> APLOptions {
        guard activityPerGP.isFinite, activityPerGP >= 0 else {
            throw .invalidParameter(name: "activity per GP", value: "\(activityPerGP)", reason: "must be a finite number ≥ 0")
        }
        guard imputedActivity.isFinite, imputedActivity >= 0 else {
            throw .invalidParameter(name: "imputed activity", value: "\(imputedActivity)", reason: "must be a finite number ≥ 0")
        }
        return self
    }

    /// APL supply of a site: GP count × ``activityPerGP`` for count data; otherwise each practitioner's recorded
    /// activity (``imputedActivity`` × FTE when new to practice or unknown), capped unless the site is a health
    /// centre (``SiteKind/activityIsCapped``), practitioners aged ``excludeAgeAtLeast`` or more left out.
    public func supply(of site: SupplySite) -> SiteSupply {
        guard !site.practitioners.isEmpty else {
            return SiteSupply(activity: site.gps * activityPerGP, excluded: 0, imputed: 0, counted: true, uncapped: false)
        }
        let capped = site.kind.activityIsCapped
        let cap = { (a: Double) in capped ? Self.cappedActivity(a) : a }
        var total = 0.0, excluded = 0, imputed = 0
        for p in site.practitioners {
            if let limit = excludeAgeAtLeast, let born = p.birthYear, referenceYear - born >= limit {
                excluded += 1
                continue
            }
            if let a = p.activity, !p.newToPractice {
                total += cap(a)
            } else {
                imputed += 1
                total += cap(imputedActivity) * p.fte
            }
        }
        return SiteSupply(activity: total, excluded: excluded, imputed: imputed, counted: false, uncapped: !capped)
    }
}
