import CareKernel
import Foundation

extension Scenario {
    /// Sites with at most this many GPs draw each GP's retirement in turn (one seeded draw per GP); larger
    /// counts, which only hostile input gives (all of France has about 100,000 GPs, but a supply file can sum
    /// rows and a scenario can sum events), draw the number of leavers at once from the normal approximation of
    /// the binomial, so that memory and time stay O(1) per site.
    static let exactRetirementDraws = 1_000_000

    /// How many of `whole` GPs leave when each leaves with probability `share`: exact Bernoulli draws up to
    /// ``exactRetirementDraws`` (no allocation), else one normal draw (Box–Muller, two values of `rng`) of mean
    /// `whole × share` and variance `whole × share × (1 − share)`, rounded and kept in 0…`whole`.
    /// Complexity: O(min(whole, exactRetirementDraws)) time, O(1) memory.
    static func assumedLeavers(of whole: Double, share: Double, rng: inout SplitMix64) -> Double {
        guard whole >= 1 else { return 0 }
        if whole <= Double(exactRetirementDraws) {
            var count = 0
            for _ in 0..<Int(whole) where rng.unit() < share { count += 1 }
            return Double(count)
        }
        let u1 = Swift.max(rng.unit(), 0x1p-53), u2 = rng.unit()
        let z = (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
        let mean = whole * share, sd = (whole * share * (1 - share)).squareRoot()
        return Swift.min(whole, Swift.max(0, (mean + z * sd).rounded()))
    }
}
