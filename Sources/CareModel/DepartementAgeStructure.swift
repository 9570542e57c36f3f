/// Population by département and age band (INSEE estimates), the age structure that each commune of a
/// département is assumed to share for the APL's age-standardised demand (``APLDemand/departementAgeStructure(_:_:)``).
///
/// ```swift
/// let s = try DepartementAgeStructure(year: 2021, source: "INSEE population estimates, 1 January 2021 (provisional)",
///                                     populations: ["07": ["0-4": 14_741, "5-9": 18_100, "95+": 1_404]])
/// s.total(of: "07")   // 34,245
/// ```
public struct DepartementAgeStructure: Sendable, Hashable {
    /// Year of the estimates (1 January).
    public var year: Int
    /// Where the figures come from, for outputs (e.g. "INSEE population estimates, 1 January 2021 (provisional)").
    public var source: String
    /// Population of each département (code, e.g. `"07"`, `"2A"`, `"974"`) by band label.
    public private(set) var populations: [String: [String: Double]]

    /// Checks that there is at least one département, every figure is finite and ≥ 0, every département has a
    /// population > 0, and all départements use the same bands (a missing band would bias its index).
    public init(year: Int, source: String, populations: [String: [String: Double]]) throws(ModelError) {
        guard let first = populations.keys.sorted().first, let bands = populations[first].map({ Set($0.keys) }), !bands.isEmpty else {
            throw .invalidParameter(name: "age structure", value: "", reason: "no département")
        }
        for (dep, byBand) in populations.sorted(by: { $0.key < $1.key }) {
            guard Set(byBand.keys) == bands else {
                let missing = bands.subtracting(byBand.keys).sorted(), extra = Set(byBand.keys).subtracting(bands).sorted()
                throw .invalidParameter(name: "age structure", value: "département \(dep)",
                                        reason: "bands differ from département \(first)'s: "
                                            + (missing.isEmpty ? "" : "missing \(missing.joined(separator: ", ")) ")
                                            + (extra.isEmpty ? "" : "extra \(extra.joined(separator: ", "))"))
            }
            for (band, p) in byBand where !(p.isFinite && p >= 0) {
                throw .invalidParameter(name: "age structure", value: "\(dep) \(band) = \(p)", reason: "must be finite and ≥ 0")
            }
            guard byBand.values.reduce(0, +) > 0 else {
                throw .invalidParameter(name: "age structure", value: "département \(dep)", reason: "its population is 0")
            }
        }
        self.year = year
        self.source = source
        self.populations = populations
    }

    /// Département codes, sorted.
    public var departements: [String] { populations.keys.sorted() }

    /// Band labels (the same for every département), sorted.
    public var bands: [String] { populations.values.first.map { $0.keys.sorted() } ?? [] }

    /// Total population of a département, `nil` when it has no structure.
    public func total(of departement: String) -> Double? {
        // Sums in sorted band order, so that the total does not change from run to run.
        populations[departement].map { byBand in byBand.keys.sorted().reduce(0.0) { $0 + (byBand[$1] ?? 0) } }
    }
}
