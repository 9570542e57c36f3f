import CareModel

/// Wall-clock timer for results.
struct Stopwatch {
    private let start = ContinuousClock.now
    var seconds: Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}

enum PlacementSupport {
    /// Orders a chosen set greedily: each step the remaining site with the largest marginal gain given the
    /// sites before it (ties: lowest index). `gain(prefix, c)` is the marginal gain of `c` after `prefix`.
    /// O(k²) gain evaluations.
    static func greedyOrder(_ chosen: [Int], gain: ([Int], Int) -> Double) -> (order: [Int], gains: [Double]) {
        var rest = chosen.sorted(), order: [Int] = [], gains: [Double] = []
        while !rest.isEmpty {
            var best = 0, bestGain = -Double.infinity
            for (p, c) in rest.enumerated() {
                let g = gain(order, c)
                if g > bestGain { best = p; bestGain = g }
            }
            order.append(rest.remove(at: best))
            gains.append(bestGain)
        }
        return (order, gains)
    }

    /// Tops a choice up to `k` sites with the candidates reaching the most population within the threshold
    /// (ties: lowest index), each with gain 0; used when fewer than `k` sites already achieve everything.
    static func pad(_ chosen: inout [Int], gains: inout [Double], k: Int, reach: [Double], notes: inout [PlacementResult.Note],
                    gain: PlacementResult.Note.Gain) {
        guard chosen.count < k else { return }
        let useful = chosen.count
        let taken = Set(chosen)
        let extra = reach.indices.filter { !taken.contains($0) }
            .sorted { reach[$0] > reach[$1] || (reach[$0] == reach[$1] && $0 < $1) }
            .prefix(k - chosen.count)
        chosen.append(contentsOf: extra)
        gains.append(contentsOf: extra.map { _ in 0 })
        notes.append(.padded(useful: useful, padding: k - useful, gain: gain))
    }

    /// Population (objective weight) each candidate reaches within the catchment.
    static func reach(_ c: Catchments, weights: [Double]) -> [Double] {
        (0..<c.siteCount).map { j in c.range(of: j).reduce(0.0) { $0 + weights[Int(c.demand[$1])] } }
    }

    static func validate(timeLimit: Double?) throws(PlacementError) {
        if let t = timeLimit, !(t.isFinite && t > 0) {
            throw .invalidParameter(name: "time limit", value: "\(t)", reason: "must be a positive number of seconds")
        }
    }

    static func validate(k: Int, candidates: Int) throws(PlacementError) {
        guard k >= 1, k <= candidates else { throw .invalidK(k: k, candidates: candidates) }
    }

    /// `1 − (1 − 1/k)^k`, the greedy guarantee for k picks (tends to 1 − 1/e).
    static func greedyFactor(_ k: Int) -> Double {
        1 - integerPower(1 - 1 / Double(k), k)
    }
}

/// `x^n` for n ≥ 0 by repeated squaring.
func integerPower(_ x: Double, _ n: Int) -> Double {
    var r = 1.0
    var n = n
    var b = x
    while n > 0 {
        if n & 1 == 1 { r *= b }
        b *= b
        n >>= 1
    }
    return r
}
