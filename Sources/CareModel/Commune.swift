import CareGeo

/// One demand unit of a territory: a commune (or a municipal arrondissement of Paris, Lyon or Marseille),
/// located by a single point in the projected CRS of its département.
///
/// ```swift
/// let privas = Commune(code: "07186", name: "Privas", population: 8_148, departement: "07",
///                      location: LonLat(lon: 4.5986, lat: 44.7356),
///                      point: ProjectedPoint(x: 832_000, y: 6_406_000), crs: .lambert93,
///                      pointSource: .townHall)
/// ```
public struct Commune: Sendable, Hashable {
    /// INSEE code (COG 2024), e.g. `"07186"`, `"2A004"`, `"75101"`.
    public var code: String
    /// Commune name as in the INSEE COG, e.g. `"Privas"`, `"Bogny-sur-Meuse"`.
    public var name: String
    /// Population municipale (INSEE); 0 when the source has none (reported at import).
    public var population: Int
    /// Département code derived from the INSEE code: `"07"`, `"2A"`, `"974"`.
    public var departement: String
    /// The representative point in WGS84.
    public var location: LonLat
    /// The representative point in ``crs`` (metres).
    public var point: ProjectedPoint
    /// Projected CRS of the département (Lambert-93 in metropolitan France).
    public var crs: CRS
    /// Where ``point`` comes from.
    public var pointSource: PointSource

    /// Creates a commune from its parts, unchecked (``Territory/init(communes:aliases:subdivisions:)`` checks them).
    public init(
        code: String, name: String, population: Int, departement: String,
        location: LonLat, point: ProjectedPoint, crs: CRS, pointSource: PointSource
    ) {
        self.code = code
        self.name = name
        self.population = population
        self.departement = departement
        self.location = location
        self.point = point
        self.crs = crs
        self.pointSource = pointSource
    }

    /// The département code an INSEE commune code belongs to: three characters overseas (`97x`), else two.
    public static func departement(ofCode code: String) -> String {
        code.hasPrefix("97") ? String(code.prefix(3)) : String(code.prefix(2))
    }
}

/// Provenance of a commune's representative point.
public enum PointSource: String, Sendable, Hashable, CaseIterable {
    /// The town hall (`mairie_localisation`), checked to lie in the commune.
    case townHall = "town_hall"
    /// A point guaranteed inside the commune boundary (no usable town-hall point).
    case interiorPoint = "interior_point"
    /// A point inside the union of the commune's communes déléguées (the commune itself has no boundary).
    case delegatedInteriorPoint = "delegated_interior_point"
    /// Town hall kept without a boundary check (the source has no boundary for this commune).
    case unverifiedTownHall = "unverified_town_hall"
}
