/// A note about a run: what it left out, assumed or could not check, as a case with typed figures, not as
/// text. Renderers (the terminal and CSV sidecars in English, HTML reports in French or English) turn a
/// diagnostic into a sentence, so that a French report says in French what the terminal says in English, and
/// tests assert on the case and its figures rather than on words.
///
/// ```swift
/// let d = Diagnostic.sitesReachNoDemand(sites: 1, minutes: 20)
/// if case .sitesReachNoDemand(let n, _) = d { print(n) }   // 1
/// ```
public enum Diagnostic: Sendable, Hashable {
    /// A commune named in a note.
    public struct Place: Sendable, Hashable {
        /// The commune's name as the territory gives it.
        public var name: String
        /// The commune's INSEE code.
        public var code: String
        /// Creates a commune reference from its name and INSEE code.
        public init(name: String, code: String) {
            self.name = name
            self.code = code
        }
    }

    /// One département with no GP at all in the supply file while the others are dense
    /// (``SupplyGaps/Gap``), with its studied communes and their inhabitants.
    public struct GapArea: Sendable, Hashable {
        /// The département code.
        public var departement: String
        /// Studied communes in the département.
        public var communes: Int
        /// Inhabitants of those communes (population municipale).
        public var population: Int
        /// Creates a gap from its département code, studied communes and inhabitants.
        public init(departement: String, communes: Int, population: Int) {
            self.departement = departement
            self.communes = communes
            self.population = population
        }
    }

    /// The supply gaps of a run and what was done about them (``SupplyGaps``).
    public struct SupplyGapNote: Sendable, Hashable {
        /// The départements with no GP in the file.
        public var gaps: [GapArea]
        /// How many of the other départements of ``minimumPopulation``+ inhabitants have GPs, and how many there are.
        public var departementsWithSupply: Int
        /// How many départements of ``minimumPopulation``+ inhabitants there are besides the gaps.
        public var otherDepartements: Int
        /// The population, inhabitants, from which a département counts as a possible gap (``SupplyGaps/minimumPopulation``).
        public var minimumPopulation: Int
        /// The indicator's catchment in minutes when communes whose catchment reaches a gap are affected.
        public var catchment: Double?
        /// Whether communes for which a gap commune is no farther than their nearest GP are affected (coverage).
        public var nearestDistorted: Bool
        /// Studied communes of the gaps themselves.
        public var gapCommunes: Int
        /// Other studied communes affected, and their inhabitants.
        public var reachingCommunes: Int
        /// Inhabitants of the ``reachingCommunes``.
        public var reachingPopulation: Int
        /// Whether the affected communes were scored anyway (`--accept-supply-gaps`) rather than left out.
        public var accepted: Bool

        /// Creates the note from its figures (`catchment` in minutes, nil when the indicator has no catchment).
        public init(gaps: [GapArea], departementsWithSupply: Int, otherDepartements: Int, minimumPopulation: Int,
                    catchment: Double?, nearestDistorted: Bool, gapCommunes: Int, reachingCommunes: Int,
                    reachingPopulation: Int, accepted: Bool) {
            self.gaps = gaps
            self.departementsWithSupply = departementsWithSupply
            self.otherDepartements = otherDepartements
            self.minimumPopulation = minimumPopulation
            self.catchment = catchment
            self.nearestDistorted = nearestDistorted
            self.gapCommunes = gapCommunes
            self.reachingCommunes = reachingCommunes
            self.reachingPopulation = reachingPopulation
            self.accepted = accepted
        }
    }

    /// What part of the studied communes a road network or an OD matrix reaches, and what the run does about it.
    public struct PartialTravelInput: Sendable, Hashable {
        /// The travel inputs that can cover part of a territory.
        public enum Input: String, Sendable, Hashable { case roadNetwork, odMatrix }
        /// `scoresPairs`: travel validation scores the pairs it reaches; `accepted`: `--accept-partial-travel`.
        public enum Handling: String, Sendable, Hashable { case scoresPairs, accepted }
        /// Which travel input covers only part of the territory.
        public var input: Input
        /// Studied communes the input reaches.
        public var communes: Int
        /// Studied communes in all.
        public var studied: Int
        /// Inhabitants of the communes the input reaches.
        public var population: Int
        /// Inhabitants of the studied communes in all.
        public var studiedPopulation: Int
        /// Whether the partial input is scored pair by pair or accepted for the whole run.
        public var handling: Handling
        /// Creates the note from its counts (communes and inhabitants reached, out of the studied ones).
        public init(input: Input, communes: Int, studied: Int, population: Int, studiedPopulation: Int, handling: Handling) {
            self.input = input
            self.communes = communes
            self.studied = studied
            self.population = population
            self.studiedPopulation = studiedPopulation
            self.handling = handling
        }
        /// The share of the studied inhabitants reached (of the communes when nobody lives there).
        public var populationShare: Double {
            studiedPopulation > 0 ? Double(population) / Double(studiedPopulation) : Double(communes) / Double(Swift.max(studied, 1))
        }
    }

    /// A retirement share given for an area (a commune or a département code).
    public struct AreaShare: Sendable, Hashable {
        /// The area the share applies to: a commune INSEE code or a département code.
        public var area: String
        /// Probability, 0…1, that a GP of a count site in the area (no birth year) leaves (``ScenarioEvent/Retirement/shares``).
        public var share: Double
        /// Creates an area share (`share` in 0…1).
        public init(area: String, share: Double) {
            self.area = area
            self.share = share
        }
    }

    /// The range of the département consumption indices used in a territory (``APLDemand``).
    public enum IndexRange: Sendable, Hashable {
        /// Lowest and highest index, each with its département.
        case between(low: Double, lowDepartement: String, high: Double, highDepartement: String)
        /// One département only.
        case single(Double, departement: String)
    }

    /// The embedded Ardèche fixture was used: its communes, and the GP counts within `bufferKm` of them.
    case embeddedFixture(bufferKm: Int)
    /// The supply file (`file`) counts other equipment than GPs (`provenance`, one unit of `unit`).
    case supplyCountsOtherUnits(file: String, provenance: String, unit: String)
    /// Communes left out because no GP site lies in their projected CRS zone (overseas).
    case overseasExcluded(communes: Int, population: Int, departements: [String])
    /// Large communes (`minimumPopulation`+) with no GP in the supply file: rows probably missing (renderers
    /// name the first ``suspiciousExamples``).
    case suspiciousSupply(minimumPopulation: Int, communes: [Place])
    /// Supply codes the territory does not know (`shown` of `count`, `units` GPs or units of `unitNoun`).
    case unknownSupplyCodes(count: Int, units: Int, unitNoun: String, shown: [String])
    /// `count` of the unknown codes are territory codes without their leading zero (`example` → `code`).
    case codesWithoutLeadingZero(count: Int, example: String, code: String)
    /// Départements with no GP in the supply file while the rest is dense.
    case supplyGap(SupplyGapNote)
    /// Studied communes on islands with no road to the mainland (`examples`: at most 6 of `count`).
    case islands(count: Int, examples: [Place])
    /// Studied communes in a CRS zone without observed trips: the calibrated model's national curve applies.
    case zoneWithoutObservedTrips(communes: Int)
    /// Communes without a boundary: the calibrated model's density term uses `fallbackDensity`.
    case communesWithoutArea(communes: Int, fallbackDensity: Double)
    /// APL demand standardised by the département age structure (`bands` bands of the `year` estimates, over
    /// metropolitan France's mean weight `meanWeight`), with the indices met in the territory.
    case ageStandardisedDemand(bands: Int, year: Int, meanWeight: Double, indices: IndexRange?)
    /// APL demand is the raw population.
    case rawDemand
    /// Départements without an age structure: their demand is the raw population.
    case noAgeStructure(departements: [String], communes: Int, population: Int)
    /// Sites given as GP counts when practitioners of an age or more are excluded: their ages are unknown.
    case gpCountsOnly(sites: Int)
    /// Health-centre sites whose practitioners' activity is not capped.
    case uncappedCentres(sites: Int)
    /// Practitioners aged `age` or more in `year` left out of the supply.
    case practitionersExcluded(count: Int, age: Int, year: Int)
    /// Sites that reach no demand within the catchment (`minutes`): their supply counts nowhere.
    case sitesReachNoDemand(sites: Int, minutes: Double)
    /// Scenario log: the horizon year set (``Scenario``).
    case horizon(year: Int)
    /// Scenario log: a site of `kind` opened (`label`: its name, commune or id) with `fte` GPs.
    case opened(kind: SiteKind, label: String, fte: Double)
    /// Scenario log: site `site` closed with its `gps`.
    case closed(site: String, gps: Double)
    /// Scenario log: `gps` added at site `site`.
    case added(gps: Double, site: String)
    /// Scenario log: `gps` removed at `target` (a site or a commune).
    case removed(gps: Double, target: String)
    /// Scenario log: GPs aged `age`+ by `year` gone, `byBirthYear` from known birth years, `byShare` drawn.
    case retired(age: Int, year: Int, byBirthYear: Double, byShare: Double)
    /// Scenario assumption: a rotating post (`label`) counted as 1 FTE.
    case rotatingPost(label: String)
    /// Scenario assumption: an intern post (`label`) of `fte` FTE for `months` months, `capacity` FTE over the year.
    case internPost(label: String, fte: Double, months: Double, capacity: Double)
    /// Scenario assumption: GPs without a birth year leave by `year` with probability `share` everywhere (or only
    /// where an area share is given, `share == nil`), `areaShares` by commune or département, drawn from `seed`.
    case retirementAssumed(year: Int, age: Int, share: Double?, areaShares: [AreaShare], seed: UInt64)
    /// Scenario assumption: `gps` without a birth year kept (no share given).
    case retirementKept(year: Int, gps: Double)
    /// OD matrix travel: how many pairs it holds (pairs missing from it are unreachable).
    case matrixPairs(Int)
    /// OD matrix travel: GP sites not at a commune point, which the matrix cannot place (ignored).
    case sitesOutsideMatrix(Int)
    /// Road network travel: studied communes beyond `limitMetres` of any road (the first few named).
    case communesOffRoad(count: Int, limitMetres: Int, examples: [Place])
    /// Road network travel: studied communes in another projected CRS than the network's (`crs`).
    case communesInOtherCRS(count: Int, crs: String)
    /// Road network travel: `count` of the `sites` GP sites are off the network and ignored.
    case sitesOffNetwork(count: Int, sites: Int, limitMetres: Int)
    /// Road network travel: the largest strongly connected component kept (`keptNodes`), `droppedNodes` in
    /// `components` smaller ones dropped.
    case componentsDropped(keptNodes: Int, droppedNodes: Int, components: Int)
    /// A travel input reaching only part of the studied communes, accepted or scored pair by pair.
    case partialTravelInput(PartialTravelInput)
    /// Travel validation: observed trips the model cannot reach, left out of the figures.
    case unreachableTrips(Int)
}

extension Diagnostic {
    /// How many communes a ``suspiciousSupply(minimumPopulation:communes:)`` note names.
    public static let suspiciousExamples = 8
}
