import Foundation

/// A lower bound on the calibrated model's minutes as a function of straight-line distance alone, used to
/// turn "at most m minutes" into "within R metres" for exact nearest-site and catchment searches on a
/// spatial index.
///
/// Distances are cut into log-spaced intervals; on each, the bound takes the least value every term of
/// the model can reach there (the national curve's minimum over the interval, the smallest density terms,
/// département line and field value of the territory's places, the distance scaling at the interval's
/// left end), then the running minimum from the right makes it non-decreasing. Every pair at distance `d`
/// with `minutes ≤ m` therefore has `d ≤ radius(forMinutes: m)`.
///
/// ```swift
/// let r = bound.radius(forMinutes: 20)   // metres: search the index within r, then filter on minutes
/// ```
/// Complexity: O(k·D) to build for k intervals and D département lines; O(log k) per query.
struct TravelTimeBound: Sendable {
    /// Right ends of the intervals, metres (ascending).
    let upper: [Double]
    /// Non-decreasing lower bound on minutes for pairs in each interval.
    let minutes: [Double]
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
        var uppers: [Double] = [], bounds: [Double] = []
        var left = Swift.max(p.distance.samePlaceMetres, 0.5)
        while left < Self.largestMetres {
            let right = Swift.min(left * Self.ratio, Self.largestMetres)
            let xL = logKm(left), xR = logKm(right)
            // The curve is linear between knots: its minimum on [xL, xR] is at an end or a knot inside.
            var baseMin = Swift.min(base(xL), base(xR))
            for (k, x) in logKnots.enumerated() where x > xL && x < xR { baseMin = Swift.min(baseMin, p.base.values[k]) }
            let uL = xL - logRef, uR = xR - logRef
            let lineMin = lines.map { Swift.min($0.a + $0.s * uL, $0.a + $0.s * uR) }.min() ?? 0
            uppers.append(right)
            bounds.append(exp(baseMin + lineMin + constant) * factor(left))
            left = right
        }
        for k in stride(from: bounds.count - 2, through: 0, by: -1) { bounds[k] = Swift.min(bounds[k], bounds[k + 1]) }
        upper = uppers
        minutes = bounds
    }

    /// How much an end's own terms exceed those the bound assumes (log-minutes, ≥ 0): its density term as an
    /// origin or a destination, and the least field value within reach (`localField`, 0 without a field).
    /// Every pair with this end takes at least `exp(slack)` times the bound, so its radius for `m` minutes is
    /// ``radius(forMinutes:)`` of `m · exp(−slack)`.
    func slack(of end: TravelEnd, asOrigin: Bool, localField: Double) -> Double {
        let density = asOrigin ? end.asOrigin - minimumAsOrigin : end.asDestination - minimumAsDestination
        return Swift.max(0, density) + Swift.max(0, localField - minimumField)
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

    private struct LineKey: Hashable {
        var a: Double
        var s: Double
    }
}
