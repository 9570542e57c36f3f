import CareKernel

/// Synthetic uniform random points for the kernel benchmarks, bit-identical to
/// `Scripts/synthetic_points.py` (same SplitMix64 stream, same arithmetic, x drawn before y).
///
/// ```swift
/// let (demand, supply) = SyntheticPoints.preset(.large)   // 1M demand, 60k supply
/// ```
public enum SyntheticPoints {
    /// Lambert-93-like origin and extent of the square, metres.
    public static let x0 = 100_000.0
    public static let y0 = 6_000_000.0
    public static let extent = 1_000_000.0

    /// Benchmark sizes: (demand count, supply count, demand seed, supply seed).
    public enum Preset: String, CaseIterable, Sendable {
        case small, large

        public var sizes: (demand: Int, supply: Int, demandSeed: UInt64, supplySeed: UInt64) {
            switch self {
            case .small: (35_000, 10_000, 35, 10)
            case .large: (1_000_000, 60_000, 1000, 60)
            }
        }
    }

    /// The kernel's SplitMix64 (Steele, Lea & Flood 2014); `unit()` is `(next() >> 11) * 2^-53`, exact, in [0, 1).
    public typealias Generator = SplitMix64

    /// `count` points uniform in `[x0, x0 + extent) × [y0, y0 + extent)`.
    public static func uniform(count: Int, seed: UInt64, extent: Double = extent,
                               x0: Double = x0, y0: Double = y0) -> [Point2D] {
        var rng = Generator(seed: seed)
        var points: [Point2D] = []
        points.reserveCapacity(count)
        for _ in 0..<count {
            let ux = rng.unit()
            let x = x0 + ux * extent
            let uy = rng.unit()
            let y = y0 + uy * extent
            points.append(Point2D(x: x, y: y))
        }
        return points
    }

    /// Demand (queries) and supply (tree sites) of a preset.
    public static func preset(_ preset: Preset) -> (demand: [Point2D], supply: [Point2D]) {
        let s = preset.sizes
        return (uniform(count: s.demand, seed: s.demandSeed), uniform(count: s.supply, seed: s.supplySeed))
    }
}
