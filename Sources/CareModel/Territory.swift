import CareGeo

/// A set of communes (the demand side) and the code aliases that map older or subordinate commune codes
/// (communes déléguées, communes associées, retired codes) to a commune of the set.
///
/// ```swift
/// let t = try Territory(communes: communes, aliases: ["08149": "08240"])
/// t.index(ofCode: "08149")   // index of the parent commune
/// ```
/// Lookups by code are O(1).
public struct Territory: Sendable {
    /// The demand units, in the order every per-commune array of the model follows (indices are into this).
    public private(set) var communes: [Commune]
    /// Subordinate or retired code → code of a commune in ``communes``.
    public private(set) var aliases: [String: String]
    /// Code of a commune split into demand units (Paris, Lyon, Marseille → their municipal arrondissements)
    /// → the codes of those units, all in ``communes``.
    public private(set) var subdivisions: [String: [String]]
    private(set) var indexByCode: [String: Int]
    /// Commune boundaries for maps, in each commune's projected CRS (``Commune/crs``), in the order of
    /// ``communes``; `nil` when the territory carries none, and `nil` for a commune without a boundary.
    /// Set with ``setBoundaries(_:)``.
    public private(set) var boundaries: [MultiPolygon?]?

    /// Builds a territory. Throws when two communes share a code, an alias or subdivision points nowhere, or a
    /// commune has a negative population or a non-finite point or location (the invariants of
    /// ``_checkInvariants()``).
    public init(communes: [Commune], aliases: [String: String] = [:], subdivisions: [String: [String]] = [:])
        throws(ModelError)
    {
        var index: [String: Int] = [:]
        index.reserveCapacity(communes.count)
        for (i, c) in communes.enumerated() {
            if index.updateValue(i, forKey: c.code) != nil {
                throw ModelError.duplicateCommune(code: c.code)
            }
            if let problem = Self.recordViolation(c) {
                throw ModelError.invalidParameter(name: "commune \(c.code)", value: problem.value, reason: problem.reason)
            }
        }
        for (alias, target) in aliases where index[target] == nil {
            throw ModelError.danglingAlias(alias: alias, target: target)
        }
        for (code, parts) in subdivisions {
            if index[code] != nil || aliases[code] != nil || parts.isEmpty {
                throw ModelError.danglingAlias(alias: code, target: parts.joined(separator: "|"))
            }
            for part in parts where index[part] == nil {
                throw ModelError.danglingAlias(alias: code, target: part)
            }
        }
        self.communes = communes
        self.aliases = aliases
        self.subdivisions = subdivisions
        self.indexByCode = index
        self.boundaries = nil
        _checkInvariants()
    }

    /// Attaches boundaries (one entry per commune, in the order of ``communes``, projected in each commune's
    /// CRS), or removes them with `nil`. Throws when the count differs from the number of communes.
    public mutating func setBoundaries(_ boundaries: [MultiPolygon?]?) throws(ModelError) {
        if let boundaries, boundaries.count != communes.count {
            throw ModelError.invalidParameter(
                name: "boundaries", value: "\(boundaries.count)",
                reason: "expected one entry per commune (\(communes.count))")
        }
        self.boundaries = boundaries
        _checkInvariants()
    }

    /// Boundary of the commune at `index`, when the territory carries boundaries and this commune has one.
    public func boundary(at index: Int) -> MultiPolygon? {
        guard let boundaries, boundaries.indices.contains(index) else { return nil }
        return boundaries[index]
    }

    /// Number of communes.
    public var count: Int { communes.count }
    /// Whether the territory has no commune.
    public var isEmpty: Bool { communes.isEmpty }

    /// Index of the commune with this code, following one alias hop (commune déléguée → parent).
    public func index(ofCode code: String) -> Int? {
        if let i = indexByCode[code] { return i }
        if let target = aliases[code] { return indexByCode[target] }
        return nil
    }

    /// Indices of the units a split commune's code stands for (e.g. Lyon 69123 → its 9 arrondissements).
    public func subdivisionIndices(ofCode code: String) -> [Int]? {
        subdivisions[code]?.compactMap { indexByCode[$0] }
    }

    /// Whether `code` is a commune of the territory itself (not an alias).
    public func isCommuneCode(_ code: String) -> Bool { indexByCode[code] != nil }

    /// Total population of the communes.
    public var population: Int { communes.reduce(0) { $0 + $1.population } }

    /// The distinct département codes present, sorted.
    public var departements: [String] { Set(communes.map(\.departement)).sorted() }

    /// Indices of the communes whose département is in `departements` (all communes when the set is empty).
    /// Throws when a requested département has no commune.
    public func indices(inDepartements departements: Set<String>) throws(ModelError) -> [Int] {
        if departements.isEmpty { return Array(communes.indices) }
        let present = Set(communes.map(\.departement))
        let missing = departements.subtracting(present)
        if !missing.isEmpty { throw ModelError.unknownDepartements(missing.sorted()) }
        return communes.indices.filter { departements.contains(communes[$0].departement) }
    }

    /// The metropolitan départements (01–95, 2A, 2B) present.
    public var metropolitanDepartements: Set<String> {
        Set(communes.lazy.map(\.departement).filter { !$0.hasPrefix("97") })
    }
}
