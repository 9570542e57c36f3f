import CareGeo

/// A place where GPs practise: a practice, a health house, or (for count data such as the BPE) all the GPs of
/// one commune placed at the commune point.
///
/// ```swift
/// let site = SupplySite(id: "07186", communeCode: "07186", departement: "07",
///                       point: ProjectedPoint(x: 832_000, y: 6_406_000), crs: .lambert93, gps: 11)
/// ```
public struct SupplySite: Sendable, Hashable {
    /// Stable identifier (the commune code for count data, or the input's own id).
    public var id: String
    /// Commune the site belongs to, when known.
    public var communeCode: String?
    /// Département of the site (used for GPs-per-inhabitant figures by area).
    public var departement: String?
    /// Location in ``crs`` (metres).
    public var point: ProjectedPoint
    public var crs: CRS
    /// Capacity in GPs (head count for BPE data, full-time equivalents for practitioner lists).
    public var gps: Double
    /// The practitioners, when the source lists them one by one (empty for count data such as the BPE).
    /// When present, their `fte` values sum to ``gps``.
    public var practitioners: [Practitioner]
    /// What kind of site it is (a practice unless the supply file or a scenario says otherwise); health centres
    /// have no APL activity caps (``SiteKind/activityIsCapped``).
    public var kind: SiteKind

    public init(
        id: String, communeCode: String?, departement: String?, point: ProjectedPoint, crs: CRS,
        gps: Double, practitioners: [Practitioner] = [], kind: SiteKind = .practice
    ) {
        self.id = id
        self.communeCode = communeCode
        self.departement = departement
        self.point = point
        self.crs = crs
        self.gps = gps
        self.practitioners = practitioners
        self.kind = kind
    }
}

/// One GP as a practitioner list describes them.
public struct Practitioner: Sendable, Hashable {
    /// Full-time equivalent (1 = full time).
    public var fte: Double
    public var birthYear: Int?
    /// Yearly activity as the DREES counts it for the APL: consultations + visits + teleconsultations, when known.
    public var activity: Double?
    /// New to (liberal) practice: the DREES imputes 5,400 a year (``APLOptions/imputedActivity``) whatever the
    /// partial-year record says.
    public var newToPractice: Bool

    public init(fte: Double = 1, birthYear: Int? = nil, activity: Double? = nil, newToPractice: Bool = false) {
        self.fte = fte
        self.birthYear = birthYear
        self.activity = activity
        self.newToPractice = newToPractice
    }
}
