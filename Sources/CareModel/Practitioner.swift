/// One GP as a practitioner list describes them.
public struct Practitioner: Sendable, Hashable {
    /// Full-time equivalent (1 = full time).
    public var fte: Double
    /// Year of birth, when known (age exclusion and retirements by age).
    public var birthYear: Int?
    /// Yearly activity as the DREES counts it for the APL: consultations + visits + teleconsultations, when known.
    public var activity: Double?
    /// New to (liberal) practice: the DREES imputes 5,400 a year (``APLOptions/imputedActivity``) whatever the
    /// partial-year record says.
    public var newToPractice: Bool

    /// Creates a practitioner; `birthYear` and `activity` are unknown unless given.
    public init(fte: Double = 1, birthYear: Int? = nil, activity: Double? = nil, newToPractice: Bool = false) {
        self.fte = fte
        self.birthYear = birthYear
        self.activity = activity
        self.newToPractice = newToPractice
    }

    /// The GPs a scenario adds to a site that lists its practitioners, as one entry of `fte` FTE: new to
    /// practice, so the APL credits them ``APLOptions/imputedActivity`` per FTE (DREES's imputation, 5,400 by
    /// default), and with no birth year, so no retirement by age removes them.
    public static func newcomers(fte: Double) -> Practitioner {
        Practitioner(fte: fte, newToPractice: true)
    }
}
