/// Every studied commune of an accessibility run classified into ``AccessZone``s by ``ZoneMarks``, with the
/// communes and population of each zone.
///
/// ```swift
/// let r = try AccessibilityAnalysis(method: .apl(options), underServed: 2.5).run(territory: t, communes: studied,
///                                                                               sites: sites, model: model)
/// let zones = UnderServedZones(r, territory: t, marks: .apl)
/// zones.totals.first { $0.zone == .underServed }?.population
/// ```
/// Complexity: O(rows).
public struct UnderServedZones: Sendable {
    /// The marks the scores were classified by.
    public var marks: ZoneMarks
    /// One row per row of the run, in its order.
    public var rows: [Row]
    /// Communes and population per zone, in ``AccessZone/allCases`` order (complementary omitted when the marks
    /// have no complementary band).
    public var totals: [Total]

    /// One studied commune, its score and its zone.
    public struct Row: Sendable, Hashable {
        /// Index into the territory's communes.
        public var commune: Int
        /// The commune's score in the run's reported units (``AccessibilityMethod/unit``).
        public var score: Double
        /// The zone the score falls in (``ZoneMarks/zone(of:)``).
        public var zone: AccessZone
    }

    /// How many studied communes, and how many inhabitants, one zone holds.
    public struct Total: Sendable, Hashable {
        /// The zone counted.
        public var zone: AccessZone
        /// Studied communes in the zone.
        public var communes: Int
        /// Their population municipale (inhabitants, not standardised).
        public var population: Int
    }

    /// Classifies every row of `result` by `marks`; `territory` (the run's) gives the populations.
    public init(_ result: AccessibilityResult, territory: Territory, marks: ZoneMarks) {
        self.marks = marks
        rows = result.rows.map { Row(commune: $0.commune, score: $0.score, zone: marks.zone(of: $0.score)) }
        var communes: [AccessZone: Int] = [:], population: [AccessZone: Int] = [:]
        for r in rows {
            communes[r.zone, default: 0] += 1
            population[r.zone, default: 0] += territory.communes[r.commune].population
        }
        totals = AccessZone.allCases.filter { $0 != .complementary || marks.complementary != nil }.map {
            Total(zone: $0, communes: communes[$0] ?? 0, population: population[$0] ?? 0)
        }
    }
}
