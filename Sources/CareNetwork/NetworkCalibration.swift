/// Fits the crow-fly model to network times: least squares through the origin of `minutes ≈ a × km` over a
/// seeded random sample of node pairs (SplitMix64), where km is the straight distance. Since crow-fly
/// minutes are `km × circuity × 60 / speed`, `a = 60 × circuity / speed`: at 60 km/h the circuity is `a`,
/// and at circuity 1.3 the equivalent speed is `78 / a`.
///
/// ```swift
/// let fit = NetworkCalibration.fit(graph, pairs: 2_000, seed: 42)
/// print(fit.minutesPerKm, fit.circuityAt60, fit.speedAtCircuity13, fit.rSquared)
/// ```
/// Pairs closer than `minKm` (default 1 km) are skipped: connector noise dominates them. `progress`, when
/// given, is called after each origin's search with the number of pairs it added (they sum to at most `pairs`).
/// Complexity: one full Dijkstra per sampled origin (`pairs / pairsPerOrigin` searches).
public struct NetworkCalibration: Sendable, Hashable {
    public var pairs: Int
    /// Fitted slope, minutes per crow-fly km.
    public var minutesPerKm: Double
    /// `R²` of the fit through the origin, against the mean (1 − SS_res / SS_tot).
    public var rSquared: Double
    public var meanCrowFlyKm: Double
    public var meanMinutes: Double

    /// Circuity that makes crow-fly at 60 km/h match the network.
    public var circuityAt60: Double { minutesPerKm }
    /// Crow-fly speed that matches the network with circuity 1.3, km/h.
    public var speedAtCircuity13: Double { 60 * 1.3 / minutesPerKm }

    public static func fit(_ graph: RoadGraph, pairs: Int = 2_000, pairsPerOrigin: Int = 50, seed: UInt64 = 42,
                           minKm: Double = 1, progress: ((Int) -> Void)? = nil) -> NetworkCalibration {
        var rng = SeededGenerator(seed: seed)
        let n = graph.nodeCount
        var ws = DijkstraWorkspace(nodeCount: n)
        var km: [Double] = [], minutes: [Double] = []
        var attempts = 0
        while km.count < pairs && n > 1 && attempts < pairs * 20 {
            let o = Int(rng.next() % UInt64(n))
            ws.run(graph, sources: [DijkstraSource(node: Int32(o))], direction: .forward)
            let before = km.count
            for _ in 0..<pairsPerOrigin where km.count < pairs {
                attempts += 1
                let d = Int(rng.next() % UInt64(n))
                let dx = graph.xs[d] - graph.xs[o], dy = graph.ys[d] - graph.ys[o]
                let k = (dx * dx + dy * dy).squareRoot() / 1000
                let m = ws.minutes(at: d)
                guard k >= minKm, m.isFinite else { continue }
                km.append(k); minutes.append(m)
            }
            progress?(km.count - before)
        }
        let sxy = zip(km, minutes).reduce(0) { $0 + $1.0 * $1.1 }
        let sxx = km.reduce(0) { $0 + $1 * $1 }
        let a = sxx > 0 ? sxy / sxx : .nan
        let meanM = minutes.isEmpty ? .nan : minutes.reduce(0, +) / Double(minutes.count)
        let ssRes = zip(km, minutes).reduce(0) { $0 + ($1.1 - a * $1.0) * ($1.1 - a * $1.0) }
        let ssTot = minutes.reduce(0) { $0 + ($1 - meanM) * ($1 - meanM) }
        return NetworkCalibration(pairs: km.count, minutesPerKm: a, rSquared: ssTot > 0 ? 1 - ssRes / ssTot : .nan,
                                  meanCrowFlyKm: km.isEmpty ? .nan : km.reduce(0, +) / Double(km.count), meanMinutes: meanM)
    }
}

/// A SplitMix64 generator (Steele, Lea & Flood 2014), the project's seeded generator for samples and synthetic data.
public struct SeededGenerator: Sendable {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1p-53 }
}
