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
    /// Projected CRS of ``point`` (Lambert-93 in metropolitan France).
    public var crs: CRS
    /// Capacity in GPs (head count for BPE data, full-time equivalents for practitioner lists). When the site
    /// lists ``practitioners``, they are the truth and this is their FTE sum: change the supply through
    /// ``addGPs(_:)`` and ``removeGPs(_:)``, which keep the two in step.
    public var gps: Double
    /// The practitioners, when the source lists them one by one (empty for count data such as the BPE).
    /// When present, their `fte` values sum to ``gps``.
    public var practitioners: [Practitioner]
    /// What kind of site it is (a practice unless the supply file or a scenario says otherwise); health centres
    /// have no APL activity caps (``SiteKind/activityIsCapped``).
    public var kind: SiteKind

    /// Creates a site from its parts, unchecked: when `practitioners` is not empty, `gps` should be their FTE sum.
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

extension SupplySite {
    /// Adds `fte` GPs (> 0). A site given as a GP count (no ``practitioners``) raises ``gps``. A site that lists
    /// practitioners lists the newcomers too, ``Practitioner/newcomers(fte:)``: new to practice, so the APL
    /// credits them ``APLOptions/imputedActivity`` per FTE (DREES's imputation, 5,400 by default), and
    /// ``gps`` becomes the FTE sum again.
    public mutating func addGPs(_ fte: Double) {
        guard !practitioners.isEmpty else {
            gps += fte
            return
        }
        practitioners.append(Practitioner.newcomers(fte: fte))
        gps = Self.fteSum(practitioners)
    }

    /// Removes `fte` GPs, at most ``gps``. A site given as a GP count lowers ``gps``. A site that lists
    /// practitioners loses that FTE from the last listed backwards: whole practitioners leave, and one that
    /// leaves in part keeps the FTE left and the same share of their recorded activity (a GP working half as
    /// much records half the consultations); ``gps`` becomes the FTE sum again.
    public mutating func removeGPs(_ fte: Double) {
        guard !practitioners.isEmpty else {
            gps -= Swift.min(fte, gps)
            return
        }
        var left = fte
        while left > 0, let last = practitioners.last {
            if last.fte <= left {
                left -= last.fte
                practitioners.removeLast()
            } else {
                let kept = last.fte - left
                practitioners[practitioners.count - 1].fte = kept
                practitioners[practitioners.count - 1].activity = last.activity.map { $0 * kept / last.fte }
                left = 0
            }
        }
        gps = Self.fteSum(practitioners)
    }

    /// The FTE of `practitioners`, summed in order.
    static func fteSum(_ practitioners: [Practitioner]) -> Double {
        practitioners.reduce(0.0) { $0 + $1.fte }
    }
}
