/// Age-standardised demand for the APL: each commune's population weighted by the relative GP consumption of
/// its age bands, so that the total standardised population equals the total population:
///
///     P*_i = Σ_b P_ib c_b / c̄,    c̄ = Σ_{i,b} P_ib c_b / Σ_{i,b} P_ib
///
/// `c_b` is the mean GP consumption of age band `b` (any unit: only ratios matter).
public enum AgeStandardisation {
    /// Standardised population per commune code: `populations[code][band]` inhabitants per age band, weighted by
    /// `consumption[band]` over the mean consumption c̄. Sums run over sorted keys, so the result is the same from
    /// run to run.
    ///
    /// - Throws: ``ModelError/invalidParameter(name:value:reason:)`` when a commune uses an age band that has no
    ///   consumption weight, or when the total population or total consumption is 0.
    public static func standardise(
        populations: [String: [String: Double]], consumption: [String: Double]
    ) throws(ModelError) -> [String: Double] {
        var totalPopulation = 0.0, totalConsumption = 0.0
        // Sums in a fixed order (sorted keys), so that results do not change from run to run.
        for code in populations.keys.sorted() {
            let bands = populations[code] ?? [:]
            for band in bands.keys.sorted() {
                let p = bands[band] ?? 0
                guard let c = consumption[band] else {
                    throw .invalidParameter(name: "age band", value: band, reason: "commune \(code) uses a band with no consumption weight")
                }
                totalPopulation += p
                totalConsumption += p * c
            }
        }
        guard totalPopulation > 0, totalConsumption > 0 else {
            throw .invalidParameter(name: "age structure", value: "", reason: "total population or consumption is 0")
        }
        let mean = totalConsumption / totalPopulation
        return populations.mapValues { bands in
            bands.keys.sorted().reduce(0.0) { acc, band in acc + (bands[band] ?? 0) * (consumption[band] ?? 0) } / mean
        }
    }
}
