/// GP consumption index of each département: how much more (or less) GP care its age structure calls for than
/// the reference population's, the factor applied to each of its communes' population in the APL demand.
///
///     m_d = Σ_b P_db c_b / Σ_b P_db          (mean weight of département d's inhabitants)
///     m̄   = Σ_{d∈R} Σ_b P_db c_b / Σ_{d∈R} Σ_b P_db   (mean weight of the reference population R)
///     index_d = m_d / m̄
///
/// With R = metropolitan France (the codes not starting with `97`; every département when there is none),
/// Σ_{d∈R} P_d · index_d = Σ_{d∈R} P_d: metropolitan France's standardised population equals its population,
/// whatever the weights' own normalisation (the DREES 2023 weights average 1.003 on the 2021 estimates).
/// The age standardisation of the DREES APL (Barlet et al. 2012), with the département's structure standing in
/// for the commune's.
///
/// ```swift
/// let idx = try DepartementIndex(structure: insee2021, weights: drees2023)
/// idx.index["23"]   // Creuse, older than average: > 1
/// ```
/// Complexity: O(départements × bands).
public struct DepartementIndex: Sendable, Hashable {
    /// Index per département code (1 = the reference population's mean).
    public var index: [String: Double]
    /// m̄, the reference population's mean weight in the weights' own unit.
    public var meanWeight: Double
    /// The départements of the reference population R, sorted.
    public var reference: [String]

    /// Throws when a band of the structure has no weight, or when the reference population's mean weight is 0.
    public init(structure: DepartementAgeStructure, weights: ConsumptionWeights) throws(ModelError) {
        let unweighted = structure.bands.filter { weights.weights[$0] == nil }
        guard unweighted.isEmpty else {
            throw .invalidParameter(name: "age band", value: unweighted.joined(separator: ", "),
                                    reason: "the age structure uses bands with no consumption weight (\(weights.source))")
        }
        var mean: [String: Double] = [:]
        var refPopulation = 0.0, refConsumption = 0.0
        let metro = structure.departements.filter { !$0.hasPrefix("97") }
        let reference = metro.isEmpty ? structure.departements : metro
        let isReference = Set(reference)
        // Sums in a fixed order (sorted keys): a Dictionary's order changes from run to run, and so would the
        // last bits of every standardised demand.
        for dep in structure.populations.keys.sorted() {
            let bands = structure.populations[dep] ?? [:]
            var p = 0.0, c = 0.0
            for band in bands.keys.sorted() {
                let n = bands[band] ?? 0
                p += n
                c += n * (weights.weights[band] ?? 0)
            }
            mean[dep] = c / p
            if isReference.contains(dep) {
                refPopulation += p
                refConsumption += c
            }
        }
        guard refPopulation > 0, refConsumption > 0 else {
            throw .invalidParameter(name: "consumption weights", value: "", reason: "the reference population's mean weight is 0")
        }
        let m = refConsumption / refPopulation
        index = mean.mapValues { $0 / m }
        meanWeight = m
        self.reference = reference
    }
}
