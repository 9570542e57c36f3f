import Testing

import CareModel

struct BandsTests {
    /// Reference values from the definition (Hyndman & Fan type 7, numpy's default `linear`), worked by hand.
    @Test func percentilesAreHyndmanFanSeven() {
        let b = Bands([3, 1, 2, 4])
        #expect(b.mean == 2.5)
        #expect(abs(b.p5 - 1.15) < 1e-12 && abs(b.p50 - 2.5) < 1e-12 && abs(b.p95 - 3.85) < 1e-12)
        #expect(b.min == 1 && b.max == 4)
        let one = Bands([7])
        #expect(one.p5 == 7 && one.p50 == 7 && one.p95 == 7 && one.mean == 7)
        // 20 draws: p95 sits 5 % of the way from the 19th to the 20th value.
        let twenty = Bands((1...20).map(Double.init))
        #expect(abs(twenty.p95 - 19.05) < 1e-12 && abs(twenty.p5 - 1.95) < 1e-12 && twenty.p50 == 10.5)
        // An unreachable commune in some draws: infinite quantiles where they fall on infinity.
        let far = Bands([1, 2, .infinity])
        #expect(far.p50 == 2 && far.p95 == .infinity && far.mean == .infinity)
    }

    /// Brute force: for each p, the quantile is the value where a piecewise-linear interpolation of the sorted
    /// sample at positions 0…n−1 passes position (n−1)p.
    @Test func matchesInterpolationOnRandomSamples() {
        var rng = SystemRandomNumberGenerator()
        for n in 1...30 {
            let values = (0..<n).map { _ in Double(Int.random(in: -50...50, using: &rng)) / 4 }
            let sorted = values.sorted()
            for p in [0.05, 0.5, 0.95] {
                let position = Double(n - 1) * p
                let lo = sorted[Int(position)], hi = sorted[min(n - 1, Int(position) + 1)]
                let expected = lo + (position - Double(Int(position))) * (hi - lo)
                #expect(abs(Bands.quantile(sorted, p) - expected) < 1e-9)
            }
        }
    }
}
