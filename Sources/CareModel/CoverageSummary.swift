/// Headline figures of a coverage run, the ones planners quote.
public struct CoverageSummary: Sendable, Hashable {
    /// Threshold in minutes (inclusive).
    public var threshold: Double
    /// Number of studied communes.
    public var communes: Int
    /// Their total population municipale (inhabitants).
    public var population: Int
    /// Population of the communes whose nearest GP is within the threshold.
    public var populationWithin: Int
    /// `populationWithin / population` (0 when the population is 0).
    public var shareWithin: Double
    /// Communes whose nearest GP is more than `threshold` minutes away (or unreachable).
    public var communesBeyond: Int
    /// Population of the communes beyond the threshold (``communesBeyond``).
    public var populationBeyond: Int
    /// Communes with no reachable site at all (counted in ``communesBeyond`` too).
    public var communesUnreachable: Int
    /// Population-weighted mean of the minutes to the nearest GP, over reachable communes.
    public var meanMinutes: Double
    /// Population-weighted 90th percentile: the least `m` such that at least 90 % of the population
    /// (reachable communes) is within `m` minutes. `nil` when nobody is reachable.
    public var p90Minutes: Double?
    /// Longest minutes to a nearest GP among reachable communes.
    public var maxMinutes: Double?
    /// GPs at sites located in the studied communes' départements.
    public var gpsInArea: Double
    /// `gpsInArea × 10 000 / population`.
    public var gpsPer10k: Double
    /// Per studied département: communes and population beyond the threshold, ranked by communes beyond,
    /// then population beyond, then code (the question "which département has the most communes more than
    /// 20 minutes from a GP").
    public var departements: [DepartementCoverage] = []
    /// With a model of known typical error `e` (minutes): the communes and population whose minutes lie within
    /// `[threshold − e, threshold + e]`, on whichever side of the line the model puts them.
    public var nearThreshold: NearThreshold?

    /// Communes close to the threshold under the model's typical error.
    public struct NearThreshold: Sendable, Hashable {
        /// The model's typical error `e`, minutes (``TravelTimeModel/typicalErrorMinutes``).
        public var error: Double
        /// Communes whose minutes lie within `[threshold − e, threshold + e]`.
        public var communes: Int
        /// Their population.
        public var population: Int
    }
}

/// Coverage figures of one département of a run.
public struct DepartementCoverage: Sendable, Hashable {
    /// Département code (`"07"`, `"2A"`, `"974"`).
    public var departement: String
    /// Studied communes of the département.
    public var communes: Int
    /// Their population municipale.
    public var population: Int
    /// Those whose nearest GP is beyond the threshold or unreachable.
    public var communesBeyond: Int
    /// Their population.
    public var populationBeyond: Int

    /// Creates a département row from its parts.
    public init(departement: String, communes: Int, population: Int, communesBeyond: Int, populationBeyond: Int) {
        self.departement = departement
        self.communes = communes
        self.population = population
        self.communesBeyond = communesBeyond
        self.populationBeyond = populationBeyond
    }

    /// `populationBeyond / population` (0 for no population).
    public var shareBeyond: Double { population > 0 ? Double(populationBeyond) / Double(population) : 0 }
}
