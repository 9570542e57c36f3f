/// Relative GP consumption by age band (consumption of the band / national mean), the weights of the APL's
/// age-standardised demand; e.g. DREES 2023: under 5 1.12, 5–9 0.58, …, 90 and over 2.26.
///
/// ```swift
/// let w = try ConsumptionWeights(source: "DREES 2023", weights: ["0-4": 1.12, "5-9": 0.58, "95+": 2.26])
/// w.weights["0-4"]   // 1.12
/// ```
public struct ConsumptionWeights: Sendable, Hashable {
    /// Where the weights come from, for outputs.
    public var source: String
    /// Weight of each band label.
    public private(set) var weights: [String: Double]

    /// Checks that there is at least one band, every weight is finite and ≥ 0, and some weight is > 0.
    public init(source: String, weights: [String: Double]) throws(ModelError) {
        guard !weights.isEmpty else { throw .invalidParameter(name: "consumption weights", value: "", reason: "no band") }
        for (band, w) in weights.sorted(by: { $0.key < $1.key }) where !(w.isFinite && w >= 0) {
            throw .invalidParameter(name: "consumption weight", value: "\(band) = \(w)", reason: "must be finite and ≥ 0")
        }
        guard weights.values.contains(where: { $0 > 0 }) else {
            throw .invalidParameter(name: "consumption weights", value: "", reason: "every weight is 0")
        }
        self.source = source
        self.weights = weights
    }
}
