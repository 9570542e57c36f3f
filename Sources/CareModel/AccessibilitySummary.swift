/// Population-weighted distribution of an indicator over the studied communes, and who is under-served.
public struct AccessibilitySummary: Sendable, Hashable {
    /// Number of studied communes.
    public var communes: Int
    /// Their total population municipale (inhabitants, not standardised), the weight of the mean and deciles.
    public var population: Int
    /// Population-weighted mean score.
    public var meanScore: Double
    /// Population-weighted deciles D1…D9 (least score such that the share of population at or below is ≥ k/10).
    public var deciles: [Double]
    /// Lowest score of a studied commune (0 when there is none).
    public var minScore: Double
    /// Highest score of a studied commune (0 when there is none).
    public var maxScore: Double
    /// Communes with no supply in reach at all (score 0).
    public var communesWithZero: Int
    /// The under-served mark, in reported units; `nil` when none was given (then nothing is below).
    public var underServed: Double?
    /// Communes and population with a score strictly below ``underServed``.
    public var communesBelow: Int
    /// Population municipale of the communes below ``underServed``.
    public var populationBelow: Int
    /// The same figures per département, sorted by département code.
    public var byDepartement: [DepartementRow]

    /// The summary figures of the studied communes of one département.
    public struct DepartementRow: Sendable, Hashable {
        /// Département code (`01`…`95`, `2A`, `2B`, `971`…).
        public var departement: String
        /// Studied communes in the département.
        public var communes: Int
        /// Their population municipale.
        public var population: Int
        /// Population-weighted mean score (0 when the population is 0).
        public var meanScore: Double
        /// Communes with a score strictly below the under-served mark.
        public var communesBelow: Int
        /// Population municipale of those communes.
        public var populationBelow: Int
    }

    init(rows: [AccessibilityRow], territory: Territory, underServed: Double?) {
        let entries = rows.map { (value: $0.score, weight: territory.communes[$0.commune].population) }
        let population = entries.reduce(0) { $0 + $1.weight }
        let weighted = entries.reduce(0.0) { $0 + $1.value * Double($1.weight) }
        communes = rows.count
        self.population = population
        meanScore = population > 0 ? weighted / Double(population) : entries.reduce(0.0) { $0 + $1.value } / Double(max(1, rows.count))
        deciles = CoverageAnalysis.weightedQuantiles(entries, (1...9).map { Double($0) / 10 })
        minScore = rows.map(\.score).min() ?? 0
        maxScore = rows.map(\.score).max() ?? 0
        communesWithZero = rows.filter { $0.score == 0 }.count
        self.underServed = underServed
        let below = underServed.map { u in rows.filter { $0.score < u } } ?? []
        communesBelow = below.count
        populationBelow = below.reduce(0) { $0 + territory.communes[$1.commune].population }
        var groups: [String: [AccessibilityRow]] = [:]
        for r in rows { groups[territory.communes[r.commune].departement, default: []].append(r) }
        byDepartement = groups.keys.sorted().map { dep in
            let g = groups[dep] ?? []
            let pop = g.reduce(0) { $0 + territory.communes[$1.commune].population }
            let w = g.reduce(0.0) { $0 + $1.score * Double(territory.communes[$1.commune].population) }
            let b = underServed.map { u in g.filter { $0.score < u } } ?? []
            return DepartementRow(departement: dep, communes: g.count, population: pop,
                                  meanScore: pop > 0 ? w / Double(pop) : 0, communesBelow: b.count,
                                  populationBelow: b.reduce(0) { $0 + territory.communes[$1.commune].population })
        }
    }
}
