/// What kind of GP site a scenario opens: the levers French départements and regions pull.
public enum SiteKind: String, Sendable, Hashable, CaseIterable {
    /// Maison de santé pluriprofessionnelle (multi-professional health house), e.g. Juniville, 13 practitioners.
    case msp
    /// Centre de santé (health centre).
    case healthCentre = "health_centre"
    /// Salaried-GP centre ("Ma santé, Ma Région": GPs employed by the region).
    case salariedCentre = "salaried_centre"
    /// One GP present at a time, the staff rotating weekly (Médecins Solidaires): 1 FTE of capacity, with
    /// weak continuity of care (a different GP each week), which capacity-based indicators do not see.
    case rotatingPost = "rotating_post"
    /// An intern placed for some months: a fraction of an FTE for the months stated, annualised.
    case internPost = "intern_post"
    /// An existing practice (from the supply file).
    case practice

    /// Whether the DREES caps on one GP's yearly activity apply (``APLOptions/cappedActivity(_:)``): they do for
    /// liberal practice (practices, health houses, rotating and intern posts), not for health centres, whose
    /// GPs are salaried (DREES applies no caps there).
    public var activityIsCapped: Bool {
        switch self {
        case .healthCentre, .salariedCentre: return false
        case .msp, .rotatingPost, .internPost, .practice: return true
        }
    }
}
