/// Derives the APL's activity per GP for supply given as GP counts (``APLOptions/activityPerGP``) so that the
/// APL reproduces a published mean, e.g. DREES's 2023 national mean of 3.74 consultations per standardised
/// inhabitant per year (``APLActivityLevel/dreesNationalMean2023``), on the communes whose data is complete.
///
/// The APL is linear in supply: with the count sites at L per GP and the listed practitioners at their recorded
/// activity, every commune's score is `A_i(L) = L · a_i + b_i`, where `a` is the APL with the count sites at 1
/// per GP and the listed sites at 0, and `b` the APL with the count sites at 0. The population-weighted mean is
/// linear too, so the level is the closed form
///
///     L = (target − mean b) / mean a
///
/// (`target / mean a` when every site is a count, the BPE case). Reference communes: the studied communes,
/// minus the communes of the ``holes`` départements, whose GPs the supply lacks (Paris: the BPE extract has no
/// row for 75), and minus every commune whose catchment reaches one of their points (a GP there would weigh
/// > 0 in its score, so its score misses that supply). Barlet et al. (DREES/IRDES 2012) for the APL.
///
/// ```swift
/// let d = try APLLevelDerivation(target: 3.74)
/// let r = try d.run(territory: france, communes: metro, sites: bpe.sites, model: model, options: apl)
/// print(r.level, r.reproduced.meanScore)   // r.reproduced.meanScore == 3.74 (to rounding)
/// ```
/// Complexity: four APL runs (catchments and scores), plus one catchment search from the holes' communes.
public struct APLLevelDerivation: Sendable {
    /// The mean APL to reproduce (consultations per standardised inhabitant per year).
    public var target: Double
    /// Départements whose GPs the supply lacks.
    public var holes: Set<String>
    /// APL catchment in minutes (DREES: 20).
    public var threshold: Double
    /// Under-served mark reported beside the mean (DREES: 2.5).
    public var underServed: Double

    /// Creates a derivation that reproduces a mean APL of `target`.
    ///
    /// - Parameters:
    ///   - target: the population-weighted mean APL to reproduce, consultations per standardised inhabitant per
    ///     year (DREES 2023: 3.74).
    ///   - holes: codes of the départements whose GPs the supply lacks (default:
    ///     ``StudyDefaults/departementsWithoutGPs``, Paris).
    ///   - threshold: the APL catchment in minutes, > 0 and at most ``MinutesLimit/maximum``.
    ///   - underServed: the under-served mark reported in the summaries (DREES: 2.5).
    /// - Throws: ``ModelError/invalidParameter(name:value:reason:)`` when `target` is not finite and > 0, the
    ///   threshold is refused by ``MinutesLimit``, or `underServed` is not finite and ≥ 0.
    public init(target: Double, holes: Set<String> = StudyDefaults.departementsWithoutGPs,
                threshold: Double = StudyDefaults.catchment,
                underServed: Double = StudyDefaults.underServedAPL) throws(ModelError) {
        guard target.isFinite, target > 0 else {
            throw .invalidParameter(name: "target mean APL", value: "\(target)", reason: "must be a finite number > 0")
        }
        try MinutesLimit.check(threshold, name: "threshold", positive: true)
        guard underServed.isFinite, underServed >= 0 else {
            throw .invalidParameter(name: "under-served mark", value: "\(underServed)", reason: "must be ≥ 0")
        }
        self.target = target
        self.holes = holes
        self.threshold = threshold
        self.underServed = underServed
    }

    /// The derived level and what it reproduces.
    public struct Result: Sendable {
        /// Yearly activity per counted GP that reproduces ``APLLevelDerivation/target``.
        public var level: Double
        /// Population-weighted mean APL of the reference communes with counted GPs at 1 per GP, listed sites at 0.
        public var meanPerUnit: Double
        /// … and with counted GPs at 0, listed sites at their activity (0 when every site is a count).
        public var fixedMean: Double
        /// The APL at ``level`` on the reference communes (its mean is the target).
        public var reproduced: AccessibilitySummary
        /// The APL at ``level`` on every studied commune (holes and their neighbours included).
        public var allStudied: AccessibilitySummary
        /// Reference communes (territory indices).
        public var reference: [Int]
        /// Studied communes of the hole départements, excluded.
        public var holeCommunes: [Int]
        /// Other studied communes whose catchment reaches a hole commune's point, excluded.
        public var reachingCommunes: [Int]
        /// Demand, activity and caps of the run at ``level``.
        public var inputs: [AccessibilityResult.Input]
        /// Notes of the run at ``level`` (demand, supply and catchment assumptions and exceptions).
        public var notes: [Diagnostic]
    }

    /// Derives the activity per counted GP that makes the mean APL of the reference communes equal ``target``, by
    /// the closed form above (one APL run for `a`, one for `b` when listed sites have activity, then two at the
    /// derived level for the results).
    ///
    /// - Parameters:
    ///   - territory: every commune that competes for the sites.
    ///   - studied: territory indices of the studied communes, from which the reference communes are drawn.
    ///   - sites: the supply; at least one site must give a GP count above 0 (no practitioner list).
    ///   - model: the travel-time model for the catchments.
    ///   - options: the APL parameters; their ``APLOptions/activityPerGP`` is replaced by the derived level.
    /// - Throws: ``ModelError/invalidParameter(name:value:reason:)`` when no site is a GP count or no positive level
    ///   reaches the target (the listed practitioners alone exceed it); ``ModelError/emptyDemand(_:)`` when every
    ///   studied commune is in or within reach of a hole; ``ModelError/emptySupply(_:)`` when no counted GP reaches a
    ///   reference commune; and whatever the catchment search or ``AccessibilityAnalysis`` throws.
    public func run(
        territory: Territory, communes studied: [Int], sites: [SupplySite], model: some TravelTimeModel, options: APLOptions
    ) throws -> Result {
        guard sites.contains(where: { $0.practitioners.isEmpty && $0.gps > 0 }) else {
            throw ModelError.invalidParameter(name: "supply", value: "", reason: "no site gives a GP count: the level per GP applies to GP counts (BPE) only")
        }
        // Exclusions: the holes' communes and every studied commune their points reach within the catchment.
        let holeIndices = territory.communes.indices.filter { holes.contains(territory.communes[$0].departement) }
        let reaches = try SupplyGaps.reached(from: holeIndices, territory: territory, model: model, catchment: threshold,
                                             decay: .step(options.weights))
        let isHole = Set(holeIndices)
        let holeCommunes = studied.filter { isHole.contains($0) }
        let reachingCommunes = studied.filter { !isHole.contains($0) && reaches[$0] }
        let reference = studied.filter { !isHole.contains($0) && !reaches[$0] }
        guard !reference.isEmpty else {
            throw ModelError.emptyDemand("every studied commune is in or within reach of \(holes.sorted().joined(separator: ", "))")
        }
        func mean(_ o: APLOptions, _ s: [SupplySite], _ communes: [Int]) throws -> AccessibilityResult {
            try AccessibilityAnalysis(threshold: threshold, method: .apl(o), underServed: underServed)
                .run(territory: territory, communes: communes, sites: s, model: model)
        }
        // a: counted GPs at 1 consultation each, listed sites at 0.
        var unit = options
        unit.activityPerGP = 1
        let countsOnly = sites.map { s -> SupplySite in
            guard !s.practitioners.isEmpty else { return s }
            var z = s
            z.gps = 0
            z.practitioners = []
            return z
        }
        let a = try mean(unit, countsOnly, reference).summary.meanScore
        // b: listed sites at their activity, counted GPs at 0.
        var b = 0.0
        if sites.contains(where: { !$0.practitioners.isEmpty && options.supply(of: $0).activity > 0 }) {
            var none = options
            none.activityPerGP = 0
            b = try mean(none, sites, reference).summary.meanScore
        }
        guard a > 0 else {
            throw ModelError.emptySupply("no counted GP reaches a reference commune within \(threshold) min")
        }
        let level = (target - b) / a
        guard level.isFinite, level > 0 else {
            throw ModelError.invalidParameter(name: "target mean APL", value: "\(target)",
                                              reason: "the listed practitioners alone give a mean of \(b): no positive level per counted GP reaches the target")
        }
        var derived = options
        derived.activityPerGP = level
        let at = try mean(derived, sites, reference)
        let all = try mean(derived, sites, studied)
        return Result(level: level, meanPerUnit: a, fixedMean: b, reproduced: at.summary, allStudied: all.summary,
                      reference: reference, holeCommunes: holeCommunes, reachingCommunes: reachingCommunes,
                      inputs: at.inputs, notes: at.notes)
    }
}
