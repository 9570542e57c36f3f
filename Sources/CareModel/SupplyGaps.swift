/// Holes in a supply file: départements of the territory with many inhabitants and no GP at all while nearly
/// every other such département has some — a file that is missing rows, not a place without doctors. The BPE
/// extract CareAccess ships against has no row for Paris (75): its 2.1 million inhabitants then compete for
/// the suburbs' GPs, which lowers every neighbouring commune's floating-catchment score (in 93 the mean APL goes
/// 2.93 → 3.99 when Paris's demand is set aside). Such scores are not data: ``affectedCommunes`` names them.
///
/// A département is a gap when it holds at least ``minimumPopulation`` inhabitants, no site with a GP lies in
/// it, and at least ``denseShare`` of the territory's other départements of that size have GPs, out of at least
/// ``minimumDepartements`` of them (a regional file studied on a national territory is not a hole).
///
/// ```swift
/// let gaps = SupplyGaps(territory: france, sites: bpe.sites, studied: metro)   // gaps.departements == ["75"]
/// let lost = try gaps.affectedCommunes(studied: metro, territory: france, model: model, catchment: 20, method: .apl(o))
/// ```
/// Complexity: O(communes + sites), plus one catchment search from the holes' communes for ``affectedCommunes``.
public struct SupplyGaps: Sendable, Equatable {
    /// One département without supply.
    public struct Gap: Sendable, Equatable {
        /// Département code of the gap, e.g. `75`.
        public var departement: String
        /// Communes of the territory in that département.
        public var communes: Int
        /// Their population municipale (inhabitants), at least ``SupplyGaps/minimumPopulation``.
        public var population: Int
    }

    /// The gaps, by département code.
    public var gaps: [Gap]
    /// Départements of the territory of at least ``minimumPopulation`` inhabitants with GPs, and their number.
    public var departementsWithSupply: Int
    /// Départements of the territory (in the studied CRS zones) of at least ``minimumPopulation`` inhabitants.
    public var departementsConsidered: Int
    /// Territory indices of the gaps' communes.
    public var holeCommunes: [Int]

    /// Inhabitants a département needs for a missing supply to be a gap: 100,000.
    public static let minimumPopulation = 100_000
    /// Share of the other départements of at least ``minimumPopulation`` that must have GPs: 0.9.
    public static let denseShare = 0.9
    /// Départements of at least ``minimumPopulation`` the territory needs before any gap is called: 10.
    public static let minimumDepartements = 10

    /// Whether the supply has no gap.
    public var isEmpty: Bool { gaps.isEmpty }
    /// The gaps' département codes, sorted.
    public var departements: [String] { gaps.map(\.departement) }

    /// Finds the gaps of `sites` over the départements of `territory` in the CRS zones of the `studied` communes
    /// (all of them when `nil`: a metropolitan study is not told that the overseas départements lack rows). A
    /// site's département is its own, else its commune's.
    public init(territory: Territory, sites: [SupplySite], studied: [Int]? = nil) {
        let zones = studied.map { Set($0.map { territory.communes[$0].crs.epsg }) }
        var population: [String: Int] = [:], communes: [String: Int] = [:]
        for c in territory.communes where zones?.contains(c.crs.epsg) ?? true {
            population[c.departement, default: 0] += c.population
            communes[c.departement, default: 0] += 1
        }
        var withGPs = Set<String>()
        for s in sites where s.gps > 0 || !s.practitioners.isEmpty {
            if let d = s.departement ?? s.communeCode.flatMap({ territory.index(ofCode: $0) }).map({ territory.communes[$0].departement }) {
                withGPs.insert(d)
            }
        }
        let large = population.filter { $0.value >= Self.minimumPopulation }.keys.sorted()
        let supplied = large.filter { withGPs.contains($0) }.count
        departementsConsidered = large.count
        departementsWithSupply = supplied
        let dense = large.count >= Self.minimumDepartements
            && Double(supplied) >= Self.denseShare * Double(large.count - 1)
        let missing = dense ? large.filter { !withGPs.contains($0) } : []
        gaps = missing.map { Gap(departement: $0, communes: communes[$0] ?? 0, population: population[$0] ?? 0) }
        let set = Set(missing)
        holeCommunes = set.isEmpty ? [] : territory.communes.indices.filter { set.contains(territory.communes[$0].departement) }
    }

    /// The studied communes whose floating-catchment score the gaps distort: those of the gaps, and every other
    /// whose catchment reaches a gap commune's point with a weight above 0 (a GP there would count in its
    /// score, and the gap's demand competes for its GPs). Sorted, territory indices.
    public func affectedCommunes(studied: [Int], territory: Territory, model: some TravelTimeModel, catchment: Double,
                                 method: AccessibilityMethod) throws -> [Int] {
        guard !holeCommunes.isEmpty else { return [] }
        var reached = try Self.reached(from: holeCommunes, territory: territory, model: model, catchment: catchment,
                                       decay: method.decay)
        for h in holeCommunes { reached[h] = true }
        return studied.filter { reached[$0] }.sorted()
    }

    /// The studied communes whose minutes to the nearest GP the gaps may distort: those of the gaps, and every
    /// other for which a gap commune's point is at most as far as the nearest GP of `sites` (a GP there, had
    /// the file listed it, could be the nearest). Sorted, territory indices. Complexity: two nearest searches
    /// from the studied communes (to the gaps' points and to the sites).
    public func nearestDistorted(studied: [Int], territory: Territory, sites: [SupplySite], model: some TravelTimeModel) throws -> [Int] {
        guard !holeCommunes.isEmpty, !studied.isEmpty else { return [] }
        let origins = studied.map { territory.communes[$0].place }
        let toGap = try model.nearest(from: origins, to: holeCommunes.map { territory.communes[$0].place })
        let active = sites.filter { $0.gps > 0 }.map(\.place)
        let toGP = active.isEmpty ? [NearestFacility](repeating: .unreachable, count: origins.count)
            : try model.nearest(from: origins, to: active)
        let holes = Set(holeCommunes)
        return studied.indices.filter { k in
            holes.contains(studied[k]) || (toGap[k].site != nil && toGap[k].minutes <= toGP[k].minutes)
        }.map { studied[$0] }.sorted()
    }

    /// For every commune of `territory`, whether a point of the communes at `sources` reaches it within
    /// `catchment` with a weight above 0 under `decay` (a GP there would count in its floating-catchment score).
    static func reached(from sources: [Int], territory: Territory, model: some TravelTimeModel, catchment: Double,
                        decay: DistanceDecay) throws -> [Bool] {
        var reached = [Bool](repeating: false, count: territory.count)
        guard !sources.isEmpty else { return reached }
        let c = try model.catchments(from: sources.map { territory.communes[$0].place },
                                     to: territory.communes.map(\.place), within: catchment)
        let w = decay.weights(c.minutes)
        for (k, i) in c.demand.enumerated() where w[k] > 0 { reached[Int(i)] = true }
        return reached
    }
}
