import Foundation

/// A lower bound on the calibrated model's minutes as a function of straight-line distance, used to turn "at
/// most m minutes" into "within R metres" for exact nearest-site and catchment searches on a spatial index.
///
/// Distances are cut into log-spaced intervals; on each, the bound takes the least value every term of the model
/// can reach there: the national curve's minimum over the interval (it is linear between knots), the smallest
/// density terms, département line and field value of the territory's places, and the distance scaling at the
/// interval's left end. ``radius(forMinutes:)`` is the right end of the last interval whose bound is at most
/// `m`, so every pair at distance `d` with `minutes ≤ m` has `d ≤ radius(forMinutes: m)`.
/// ``radius(forMinutes:end:asOrigin:localField:)`` tightens it for pairs with one known end: that end's own density
/// term and département line (half of the pair's), and the least field value within reach.
///
/// ```swift
/// let r = bound.radius(forMinutes: 20)   // metres: search the index within r, then filter on minutes
/// ```
/// Complexity: O(k·D) to build for k intervals and D département lines; O(log k) per global query, O(k) per
/// end-specific one.
struct TravelTimeBound: Sendable {
    /// Right ends of the intervals, metres (ascending).
    let upper: [Double]
    /// Non-decreasing lower bound on minutes for pairs in each interval.
    let minutes: [Double]
    /// Per interval, in log-minutes: the curve's minimum plus every constant least term (density terms, field,
    /// smearing) and the distance scaling, without the département lines.
    let baseTerms: [Double]
    /// Per interval: the least département line over the lines present, and `u` at the interval's two ends.
    let lineMinimum: [Double]
    let uLeft: [Double]
    let uRight: [Double]
    /// The least origin and destination density terms and field value the bound assumes.
    let minimumAsOrigin: Double
    let minimumAsDestination: Double
    let minimumField: Double

    static let largestMetres = 2_000_000.0
    static let ratio = 1.02

    init(parameters p: CalibratedParameters, ends: [TravelEnd]) {
        // Places in a zone without communes take 0 terms: include them.
        let minOrigin = Swift.min(0, ends.map(\.asOrigin).min() ?? 0)
        let minDestination = Swift.min(0, ends.map(\.asDestination).min() ?? 0)
        var lines = Set(ends.map { LineKey(a: $0.departementIntercept, s: $0.departementSlope) })
        lines.insert(LineKey(a: 0, s: 0))
        let fieldMin = Swift.min(0, p.fields.map(\.minimum).min() ?? 0)
        let constant = minOrigin + minDestination + fieldMin + log(p.smearing)
        minimumAsOrigin = minOrigin
        minimumAsDestination = minDestination
        minimumField = fieldMin
        let logKnots = p.base.knotsKm.map { log($0) }
        let logRef = log(p.reference.distanceKm)
        func base(_ logKm: Double) -> Double { p.base.value(atLogKm: logKm, logKnots: logKnots) }
        let minKm = p.distance.minimumKm, maxKm = p.distance.maximumKm
        func logKm(_ metres: Double) -> Double { log(Swift.min(Swift.max(metres / 1000, minKm), maxKm)) }
        func factor(_ metres: Double) -> Double {
            let km = metres / 1000
            return km / Swift.min(Swift.max(km, minKm), maxKm)
        }
        var uppers: [Double] = [], bounds: [Double] = [], terms: [Double] = [], lineMins: [Double] = []
        var uLs: [Double] = [], uRs: [Double] = []
        var left = Swift.max(p.distance.samePlaceMetres, 0.5)
        while left < Self.largestMetres {
            let right = Swift.min(left * Self.ratio, Self.largestMetres)
            let xL = logKm(left), xR = logKm(right)
            // The curve is linear between knots: its minimum on [xL, xR] is at an end or a knot inside.
            var baseMin = Swift.min(base(xL), base(xR))
            for (k, x) in logKnots.enumerated() where x > xL && x < xR { baseMin = Swift.min(baseMin, p.base.values[k]) }
            let uL = xL - logRef, uR = xR - logRef
            let lineMin = lines.map { Swift.min($0.a + $0.s * uL, $0.a + $0.s * uR) }.min() ?? 0
            let t = baseMin + constant + log(factor(left))
            uppers.append(right)
            terms.append(t)
            lineMins.append(lineMin)
            uLs.append(uL)
            uRs.append(uR)
            bounds.append(exp(t + lineMin))
            left = right
        }
        for k in stride(from: bounds.count - 2, through: 0, by: -1) { bounds[k] = Swift.min(bounds[k], bounds[k + 1]) }
        upper = uppers
        minutes = bounds
        baseTerms = terms
        lineMinimum = lineMins
        uLeft = uLs
        uRight = uRs
    }

    /// The largest straight-line distance, metres, at which a pair may take `m` minutes or less.
    func radius(forMinutes m: Double) -> Double {
        guard m.isFinite else { return Self.largestMetres }
        guard let first = minutes.first, first <= m else { return upper.first ?? 0 }
        // Largest k with minutes[k] <= m (minutes is non-decreasing).
        var lo = 0, hi = minutes.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if minutes[mid] <= m { lo = mid } else { hi = mid - 1 }
        }
        return upper[lo]
    }

    /// The same for the pairs that have `end` as origin (`asOrigin`) or destination: the pair's département term
    /// is half this end's line and half another (at least the least line); its density term is this end's own;
    /// its field term is at least `localField`, the least field value within reach of the end (0 when its zone
    /// has no field). Never larger than ``radius(forMinutes:)``.
    func radius(forMinutes m: Double, end: TravelEnd, asOrigin: Bool, localField: Double) -> Double {
        guard m.isFinite else { return Self.largestMetres }
        let ownDensity = asOrigin ? end.asOrigin - minimumAsOrigin : end.asDestination - minimumAsDestination
        let shift = Swift.max(0, ownDensity) + Swift.max(0, localField - minimumField)
        let logM = log(m)
        // The last interval whose own bound is at most m (the bound need not be monotone per interval).
        for k in stride(from: upper.count - 1, through: 0, by: -1) {
            let own = Swift.min(end.departementIntercept + end.departementSlope * uLeft[k],
                                end.departementIntercept + end.departementSlope * uRight[k])
            // The other end's line is at least the least line; this end's is its own (exact on the interval).
            let line = 0.5 * (lineMinimum[k] + own)
            if baseTerms[k] + shift + line <= logM { return upper[k] }
        }
        return upper.first ?? 0
    }

    private struct LineKey: Hashable {
        var a: Double
        var s: Double
    }
}
