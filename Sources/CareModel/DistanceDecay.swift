import Foundation

/// How much a site counts at a given travel time inside the catchment. Beyond the catchment threshold every
/// weight is 0, whatever the function (unlike PySAL `access`, whose weights ignore the cutoff).
///
/// ```swift
/// DistanceDecay.step(.drees).weight(12)        // 2/3
/// DistanceDecay.gaussian(sigma: 10).weight(10) // exp(-1/2)
/// ```
public enum DistanceDecay: Sendable, Hashable {
    /// Weight 1 everywhere in the catchment (classic 2SFCA, Luo & Wang 2003).
    case binary
    /// Piecewise constant weights by travel-time band (E2SFCA, Luo & Qi 2009; the DREES APL bands).
    case step(StepWeights)
    /// `exp(-t² / (2σ²))`, σ in minutes (Gaussian E2SFCA; `access.weights.gaussian`).
    case gaussian(sigma: Double)
    /// `max(t, tmin)^(-β)` (gravity 2SFCA, Joseph & Bantock 1982 / Luo & Qi 2009).
    case power(beta: Double, minimumMinutes: Double)
    /// `exp(-β t)` (gravity 2SFCA with exponential decay).
    case exponential(beta: Double)

    /// The weight at `minutes` (the caller has already kept only pairs inside the catchment).
    @inlinable
    public func weight(_ minutes: Double) -> Double {
        switch self {
        case .binary: return 1
        case .step(let s): return s.weight(minutes)
        case .gaussian(let sigma): return exp(-minutes * minutes / (2 * sigma * sigma))
        case .power(let beta, let tmin): return pow(Swift.max(minutes, tmin), -beta)
        case .exponential(let beta): return exp(-beta * minutes)
        }
    }

    /// Weights for many travel times at once (the decay kind is dispatched once, not per element).
    public func weights(_ minutes: [Double]) -> [Double] {
        switch self {
        case .binary:
            return [Double](repeating: 1, count: minutes.count)
        case .step(let s):
            let uppers = s.bands.map(\.upper), values = s.bands.map(\.weight), inclusive = s.upperInclusive
            return [Double](unsafeUninitializedCapacity: minutes.count) { out, initialized in
                minutes.withUnsafeBufferPointer { mb in
                    uppers.withUnsafeBufferPointer { ub in
                        values.withUnsafeBufferPointer { vb in
                            for k in 0..<mb.count {
                                let m = mb[k]
                                var w = 0.0
                                for b in 0..<ub.count where inclusive ? m <= ub[b] : m < ub[b] {
                                    w = vb[b]
                                    break
                                }
                                out[k] = w
                            }
                        }
                    }
                }
                initialized = minutes.count
            }
        case .gaussian(let sigma):
            let k = 1 / (2 * sigma * sigma)
            return minutes.map { exp(-$0 * $0 * k) }
        case .power, .exponential:
            return minutes.map(weight)
        }
    }

    /// Validates parameters: positive σ and β, a positive minimum for the power law, sane bands.
    public func validated() throws(ModelError) -> DistanceDecay {
        switch self {
        case .binary: break
        case .step(let s): _ = try StepWeights(bands: s.bands, upperInclusive: s.upperInclusive)
        case .gaussian(let sigma):
            guard sigma.isFinite, sigma > 0 else { throw .invalidParameter(name: "sigma", value: "\(sigma)", reason: "must be > 0 minutes") }
        case .power(let beta, let tmin):
            guard beta.isFinite, beta > 0 else { throw .invalidParameter(name: "beta", value: "\(beta)", reason: "must be > 0") }
            guard tmin.isFinite, tmin > 0 else {
                throw .invalidParameter(name: "minimum minutes", value: "\(tmin)", reason: "must be > 0 (a power law is infinite at 0)")
            }
        case .exponential(let beta):
            guard beta.isFinite, beta > 0 else { throw .invalidParameter(name: "beta", value: "\(beta)", reason: "must be > 0") }
        }
        return self
    }

    /// One line for outputs: the decay and its parameters, e.g. `gaussian σ=10.0 min`.
    public var summary: String {
        switch self {
        case .binary: return "binary"
        case .step(let s): return "step " + s.summary
        case .gaussian(let sigma): return "gaussian σ=\(sigma) min"
        case .power(let beta, let tmin): return "power β=\(beta), t ≥ \(tmin) min"
        case .exponential(let beta): return "exponential β=\(beta)/min"
        }
    }
}

/// Travel-time bands with a weight each, e.g. the DREES GP bands: under 10 minutes 1, 10–15 minutes 2/3,
/// 15–20 minutes 1/3, 20 minutes and over 0.
public struct StepWeights: Sendable, Hashable {
    /// Ascending upper bounds (minutes) with the weight that applies up to each bound.
    public private(set) var bands: [Band]
    /// Whether a band includes its upper bound (`t ≤ upper`, PySAL `access.weights.step_fn`) or not
    /// (`t < upper`, the DREES convention: 10 minutes exactly is in the 10–15 band).
    public private(set) var upperInclusive: Bool

    /// One travel-time band: the weight for times up to ``upper``.
    public struct Band: Sendable, Hashable {
        /// Upper bound of the band, minutes (> 0); included or not as ``StepWeights/upperInclusive`` says.
        public var upper: Double
        /// Weight of a site in the band (≥ 0; usually in 0…1).
        public var weight: Double
        /// Creates a band from its parts, unchecked (``StepWeights/init(bands:upperInclusive:)`` checks them).
        public init(upper: Double, weight: Double) {
            self.upper = upper
            self.weight = weight
        }
    }

    /// Creates step weights from bands in ascending order of their upper bound.
    ///
    /// - Throws: ``ModelError/invalidParameter(name:value:reason:)`` when there is no band, a bound is not finite
    ///   and > 0 minutes, a weight is not finite and ≥ 0, or the bounds do not strictly increase.
    public init(bands: [Band], upperInclusive: Bool) throws(ModelError) {
        guard !bands.isEmpty else { throw .invalidParameter(name: "weights", value: "(none)", reason: "need at least one band") }
        for (k, b) in bands.enumerated() {
            guard b.upper.isFinite, b.upper > 0, b.weight.isFinite, b.weight >= 0 else {
                throw .invalidParameter(name: "weights", value: "\(b.upper):\(b.weight)", reason: "bounds must be > 0 minutes and weights ≥ 0")
            }
            if k > 0, b.upper <= bands[k - 1].upper {
                throw .invalidParameter(name: "weights", value: "\(b.upper)", reason: "band bounds must increase")
            }
        }
        self.bands = bands
        self.upperInclusive = upperInclusive
    }

    /// DREES APL bands for GPs: [0,10) 1, [10,15) 2/3, [15,20) 1/3, 20 and over 0.
    public static let drees = StepWeights(unchecked: [Band(upper: 10, weight: 1), Band(upper: 15, weight: 2.0 / 3),
                                                      Band(upper: 20, weight: 1.0 / 3)], upperInclusive: false)

    /// Luo & Qi (2009) zone weights 1, 0.68, 0.22 on (0, T/3], (T/3, 2T/3], (2T/3, T], as in the reference harness.
    public static func luoQi(threshold t: Double) -> StepWeights {
        StepWeights(unchecked: [Band(upper: t / 3, weight: 1), Band(upper: 2 * t / 3, weight: 0.68),
                                Band(upper: t, weight: 0.22)], upperInclusive: true)
    }

    private init(unchecked bands: [Band], upperInclusive: Bool) {
        self.bands = bands
        self.upperInclusive = upperInclusive
    }

    /// The weight of the first band that holds `minutes`; 0 beyond the last band.
    @inlinable
    public func weight(_ minutes: Double) -> Double {
        for b in bands where upperInclusive ? minutes <= b.upper : minutes < b.upper { return b.weight }
        return 0
    }

    /// The bands in one line, e.g. `<10 min: 1, <15 min: 0.667, <20 min: 0.333`.
    public var summary: String {
        bands.map { "\(upperInclusive ? "≤" : "<")\($0.upper.compact) min: \($0.weight.compact)" }.joined(separator: ", ")
    }
}

extension Double {
    var compact: String {
        let r = (self * 1000).rounded() / 1000
        return r == r.rounded() && Swift.abs(r) < 1e15 ? String(Int(r)) : String(r)
    }
}
