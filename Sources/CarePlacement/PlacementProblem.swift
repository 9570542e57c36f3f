import CareModel

/// Where new GP sites could go and whom they would serve: demand points (communes: population and place),
/// existing sites (always open), candidate sites, a travel-time model and the coverage threshold.
///
/// ```swift
/// let problem = try PlacementProblem(territory: t, studied: ardeche, sites: supply.sites,
///                                    model: CrowFlyModel(), threshold: 10)   // candidates: every studied commune
/// let r = try place(problem, objective: .mclp, k: 5, method: .exact)
/// print(r.chosenIDs, r.value, r.gap ?? 0)
/// ```
/// Every objective sees travel times only through ``TravelTimeModel``: the candidates' catchments
/// (`catchments(from:to:within:)`, a CSR table of the demand each candidate reaches) and the existing sites'
/// nearest minutes (`nearest(from:to:)`). Gains are computed from the demand a candidate reaches only, so
/// scanning every commune of France as a candidate stays interactive.
public struct PlacementProblem: Sendable {
    /// Demand points (usually commune points).
    public var demand: [Place]
    /// Population of each demand point.
    public var population: [Double]
    /// Commune code of each demand point, when the problem comes from a territory (the APL's age-standardised
    /// demand is looked up by code); `nil` for explicit demand points.
    public var codes: [String]?
    /// Whether a demand point counts in the objective. Points that do not count still compete for supply
    /// in the accessibility objective (communes across the studied area's border).
    public var counted: [Bool]
    /// Existing sites with GPs (sites without capacity are dropped): fixed, always open.
    public var existing: [SupplySite]
    /// Sites that could open, with unique ids; never empty.
    public var candidates: [PlacementCandidate]
    /// The travel-time model every catchment and nearest-site search goes through.
    public var model: any TravelTimeModel
    /// Coverage threshold T in minutes (inclusive), also the catchment size of the accessibility objective.
    public var threshold: Double
    /// For p-median and p-center: the largest candidate→demand minutes considered for demand points that no
    /// existing site reaches (default max(3T, 60)); see ``PlacementObjective/pMedian``.
    public var maxRadius: Double?
    /// Travel times computed once by ``prepared(for:)``; cleared when the problem changes through `init`.
    var travel: PreparedTravel?

    /// Builds a problem from explicit demand points. Throws on mismatched lengths, negative or non-finite
    /// populations, an invalid threshold, no candidate or duplicate candidate ids.
    public init(
        demand: [Place], population: [Double], counted: [Bool]? = nil, existing: [SupplySite],
        candidates: [PlacementCandidate], model: any TravelTimeModel, threshold: Double, maxRadius: Double? = nil
    ) throws(PlacementError) {
        guard population.count == demand.count, (counted?.count ?? demand.count) == demand.count else {
            throw .invalidParameter(name: "demand", value: "\(demand.count) points",
                                    reason: "population and counted flags must have one value per point")
        }
        guard population.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw .invalidParameter(name: "population", value: "", reason: "every population must be finite and ≥ 0")
        }
        if let reason = MinutesLimit.problem(threshold, positive: true) {
            throw .invalidParameter(name: "threshold", value: "\(threshold)", reason: reason)
        }
        if let r = maxRadius, !(r.isFinite && r > 0) {
            throw .invalidParameter(name: "max radius", value: "\(r)", reason: "must be a finite number of minutes > 0")
        }
        guard !candidates.isEmpty else { throw .noCandidates }
        var ids = Set<String>()
        for c in candidates where !ids.insert(c.id).inserted { throw .duplicateCandidate(id: c.id) }
        self.demand = demand
        self.population = population
        self.counted = counted ?? [Bool](repeating: true, count: demand.count)
        self.existing = existing.filter { $0.gps > 0 }
        self.candidates = candidates
        self.model = model
        self.threshold = threshold
        self.maxRadius = maxRadius
    }

    /// Builds a problem for the studied communes of a territory. Candidates default to every studied commune
    /// (id: commune code). With `competingDemand`, every commune of the territory is a demand point and only
    /// the studied ones count (use it for the accessibility objective: border communes share border sites).
    public init(
        territory: Territory, studied: [Int], sites: [SupplySite], candidates: [PlacementCandidate]? = nil,
        model: any TravelTimeModel, threshold: Double, maxRadius: Double? = nil, competingDemand: Bool = false
    ) throws(PlacementError) {
        guard !studied.isEmpty else { throw .invalidParameter(name: "demand", value: "", reason: "no commune studied") }
        let cands = candidates ?? Self.communeCandidates(territory: territory, studied: studied)
        if competingDemand {
            var counted = [Bool](repeating: false, count: territory.count)
            for i in studied { counted[i] = true }
            try self.init(demand: territory.communes.map(\.place), population: territory.communes.map { Double($0.population) },
                          counted: counted, existing: sites, candidates: cands, model: model, threshold: threshold,
                          maxRadius: maxRadius)
            codes = territory.communes.map(\.code)
        } else {
            try self.init(demand: studied.map { territory.communes[$0].place },
                          population: studied.map { Double(territory.communes[$0].population) },
                          existing: sites, candidates: cands, model: model, threshold: threshold, maxRadius: maxRadius)
            codes = studied.map { territory.communes[$0].code }
        }
    }

    /// The default candidates: every studied commune at its point, id and commune its code.
    public static func communeCandidates(territory: Territory, studied: [Int]) -> [PlacementCandidate] {
        studied.map { i in
            let c = territory.communes[i]
            return PlacementCandidate(id: c.code, place: c.place, communeCode: c.code)
        }
    }

    /// Objective weight of each demand point: its population when counted, else 0.
    var weights: [Double] { zip(population, counted).map { $1 ? $0 : 0 } }

    /// Minutes from every demand point to its nearest existing site (+infinity when none is reachable).
    func existingMinutes() throws -> [Double] {
        if let travel, travel.existing.count == demand.count { return travel.existing }
        guard !existing.isEmpty else { return [Double](repeating: .infinity, count: demand.count) }
        return try model.nearest(from: demand, to: existing.map(\.place)).map(\.minutes)
    }

    /// Candidate catchments within `minutes` (CSR: per candidate, the demand points and minutes). Taken from
    /// the prepared table when it reaches at least that far (pairs beyond `minutes` filtered out: the same
    /// table the model would build), else computed.
    func candidateCatchments(within minutes: Double) throws -> Catchments {
        if let travel, minutes <= travel.catchments.threshold, travel.catchments.siteCount == candidates.count {
            return travel.catchments.within(minutes)
        }
        let c = try model.catchments(from: candidates.map(\.place), to: demand, within: minutes)
        guard c.siteCount == candidates.count, c.checkInvariants(demandCount: demand.count) else {
            throw PlacementError.solver("the travel-time model returned an inconsistent catchment table")
        }
        return c
    }

    /// The problem with its travel times computed once for `objective`: every demand point's minutes to its
    /// nearest existing site and the candidates' catchments as far as the objective looks (T for MCLP, LSCP
    /// and the accessibility objective; the p-median/p-center horizon otherwise). Every method and any
    /// objective needing no farther reuses them, so `place --method both` and repeated runs with different
    /// `k` pay for the travel times once.
    ///
    /// ```swift
    /// let ready = try problem.prepared(for: .mclp)
    /// let greedy = try place(ready, objective: .mclp, k: 5, method: .greedy)
    /// let exact = try place(ready, objective: .mclp, k: 5, method: .exact)   // no new catchments
    /// ```
    public func prepared(for objective: PlacementObjective) throws -> PlacementProblem {
        var out = self
        out.travel = nil
        let existing = try existingMinutes()
        let radius: Double
        switch objective {
        case .mclp, .lscp, .accessibility: radius = threshold
        case .pMedian, .pCenter: radius = max(threshold, DistanceSetup.radius(self, existing: existing, counted: counted.indices.filter { counted[$0] }).radius)
        }
        out.travel = PreparedTravel(existing: existing, catchments: try candidateCatchments(within: radius))
        return out
    }
}

/// Travel times of a placement problem computed once (``PlacementProblem/prepared(for:)``).
struct PreparedTravel: Sendable {
    /// Per demand point: minutes to the nearest existing site.
    var existing: [Double]
    /// Candidate catchments up to `catchments.threshold`.
    var catchments: Catchments
}
