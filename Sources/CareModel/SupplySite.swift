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
    /// Birth years of the practitioners at this site, when the source gives them.
    public var birthYears: [Int]

    public init(
        id: String, communeCode: String?, departement: String?, point: ProjectedPoint, crs: CRS,
        gps: Double, birthYears: [Int] = []
    ) {
        self.id = id
        self.communeCode = communeCode
        self.departement = departement
        self.point = point
        self.crs = crs
        self.gps = gps
        self.birthYears = birthYears
    }
}
