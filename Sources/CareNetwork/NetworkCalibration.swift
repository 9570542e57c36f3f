import CareKernel
import HeapModule

/// Fits the crow-fly model to a road network on a seeded random sample of node pairs (SplitMix64), fitting
/// its two parameters **separately** from what the network gives for each pair's shortest-time route:
///
/// - **circuity** = route metres / crow-fly metres (median, and the ratio of sums Σ route m / Σ crow-fly m);
/// - **speed** = route km / route hours (median, and the ratio of sums Σ route km / Σ route hours).
///
/// With the two ratios of sums, crow-fly minutes `km × circuity × 60 / speed` add up to the network's total
/// minutes over the sample exactly (Σ crow × (ΣR / Σcrow) × 60 × ΣH / ΣR = 60 ΣH); ``medianAbsoluteRelativeError``
/// and ``rSquared`` say how well they do pair by pair. The older one-slope fit `minutes ≈ a × km` (least
/// squares through the origin; ``minutesPerKm``, ``slopeRSquared``) is kept for comparison: it cannot tell a
/// winding road from a slow one.
///
/// ```swift
/// let fit = NetworkCalibration.fit(graph, pairs: 2_000, seed: 42)
/// print(fit.circuity, fit.speedKmh)          // --circuity and --speed for crow-fly runs
/// ```
/// Pairs closer than `minKm` (default 1 km) are skipped: connector noise dominates them. `progress`, when
/// given, is called after each origin's search with the number of pairs it added (they sum to at most `pairs`).
/// Route lengths come from ``routes(_:from:)``, a Dijkstra that carries metres alongside minutes, used only
/// here (the catchment and nearest-site searches do not pay for it).
/// Complexity: one full search per sampled origin (`pairs / pairsPerOrigin` searches), O((n + m) log n) each.
public struct NetworkCalibration: Sendable, Hashable {
    /// Number of pairs the fit used: the `pairs` asked for, or fewer when the sampling gave up (after 20 draws per
    /// pair asked) on a graph with few reachable pairs at least `minKm` apart.
    public var pairs: Int
    /// Median over the pairs of route metres / crow-fly metres.
    public var circuityMedian: Double
    /// Σ route metres / Σ crow-fly metres.
    public var circuity: Double
    /// Median over the pairs of route km / route hours, km/h.
    public var speedMedianKmh: Double
    /// Σ route km / Σ route hours, km/h.
    public var speedKmh: Double
    /// Crow-fly minutes with ``circuity`` and ``speedKmh`` against network minutes: median of |predicted − network| / network.
    public var medianAbsoluteRelativeError: Double
    /// `R²` of those crow-fly minutes against the network minutes (1 − SS_res / SS_tot).
    public var rSquared: Double
    /// Σ crow-fly minutes with ``circuity`` and ``speedKmh`` / Σ network minutes (1 up to rounding, by construction).
    public var totalTimeRatio: Double
    /// One-slope fit for comparison: least squares through the origin of minutes ≈ a × crow-fly km, min/km.
    public var minutesPerKm: Double
    /// `R²` of the one-slope fit.
    public var slopeRSquared: Double
    /// Mean crow-fly distance of the pairs, km (NaN without pairs).
    public var meanCrowFlyKm: Double
    /// Mean length of the pairs' fastest routes, km (NaN without pairs).
    public var meanRouteKm: Double
    /// Mean network minutes of the pairs' fastest routes (NaN without pairs).
    public var meanMinutes: Double

    /// One sampled pair: crow-fly and route metres, route minutes.
    public struct Sample: Sendable, Hashable {
        /// Straight-line distance between the pair's nodes, projected metres.
        public var crowFlyMetres: Double
        /// Length of the fastest route, metres (the shortest among routes of equal minutes).
        public var routeMetres: Double
        /// Network minutes of the fastest route.
        public var minutes: Double

        /// Creates a sample from its parts.
        public init(crowFlyMetres: Double, routeMetres: Double, minutes: Double) {
            self.crowFlyMetres = crowFlyMetres
            self.routeMetres = routeMetres
            self.minutes = minutes
        }
    }

    /// Samples up to `pairs` node pairs of `graph`, `pairsPerOrigin` random destinations per random origin
    /// (SplitMix64 from `seed`: the same seed gives the same fit), keeps those reachable and at least `minKm` km
    /// apart crow-fly, and fits them (``fit(_:)``). `progress` is called after each origin's search with the pairs
    /// it added. An empty or one-node graph gives a fit of no pairs (NaN fields).
    public static func fit(_ graph: RoadGraph, pairs: Int = 2_000, pairsPerOrigin: Int = 50, seed: UInt64 = 42,
                           minKm: Double = 1, progress: ((Int) -> Void)? = nil) -> NetworkCalibration {
        var rng = SplitMix64(seed: seed)
        let n = graph.nodeCount
        var samples: [Sample] = []
        var attempts = 0
        while samples.count < pairs && n > 1 && attempts < pairs * 20 {
            let o = Int(rng.next() % UInt64(n))
            let r = routes(graph, from: o)
            let before = samples.count
            for _ in 0..<pairsPerOrigin where samples.count < pairs {
                attempts += 1
                let d = Int(rng.next() % UInt64(n))
                let dx = graph.xs[d] - graph.xs[o], dy = graph.ys[d] - graph.ys[o]
                let crow = (dx * dx + dy * dy).squareRoot()
                guard crow >= minKm * 1000, r.minutes[d].isFinite, r.minutes[d] > 0 else { continue }
                samples.append(Sample(crowFlyMetres: crow, routeMetres: r.metres[d], minutes: r.minutes[d]))
            }
            progress?(samples.count - before)
        }
        return fit(samples)
    }

    /// The fit of given samples (pairs with crow-fly metres > 0 and minutes > 0).
    public static func fit(_ samples: [Sample]) -> NetworkCalibration {
        let count = Double(samples.count)
        let crow = samples.reduce(0) { $0 + $1.crowFlyMetres }
        let route = samples.reduce(0) { $0 + $1.routeMetres }
        let minutes = samples.reduce(0) { $0 + $1.minutes }
        let circuity = crow > 0 ? route / crow : .nan
        let speed = minutes > 0 ? (route / 1000) / (minutes / 60) : .nan
        let predicted = samples.map { $0.crowFlyMetres / 1000 * circuity * 60 / speed }
        let meanM = samples.isEmpty ? .nan : minutes / count
        let ssTot = samples.reduce(0) { $0 + ($1.minutes - meanM) * ($1.minutes - meanM) }
        let ssRes = zip(samples, predicted).reduce(0) { $0 + ($1.0.minutes - $1.1) * ($1.0.minutes - $1.1) }
        // One slope through the origin.
        let sxy = samples.reduce(0) { $0 + $1.crowFlyMetres / 1000 * $1.minutes }
        let sxx = samples.reduce(0) { $0 + ($1.crowFlyMetres / 1000) * ($1.crowFlyMetres / 1000) }
        let a = sxx > 0 ? sxy / sxx : .nan
        let ssSlope = samples.reduce(0) { $0 + ($1.minutes - a * $1.crowFlyMetres / 1000) * ($1.minutes - a * $1.crowFlyMetres / 1000) }
        return NetworkCalibration(
            pairs: samples.count,
            circuityMedian: median(samples.map { $0.routeMetres / $0.crowFlyMetres }),
            circuity: circuity,
            speedMedianKmh: median(samples.map { ($0.routeMetres / 1000) / ($0.minutes / 60) }),
            speedKmh: speed,
            medianAbsoluteRelativeError: median(zip(samples, predicted).map { abs($0.1 - $0.0.minutes) / $0.0.minutes }),
            rSquared: ssTot > 0 ? 1 - ssRes / ssTot : .nan,
            totalTimeRatio: minutes > 0 ? predicted.reduce(0, +) / minutes : .nan,
            minutesPerKm: a,
            slopeRSquared: ssTot > 0 ? 1 - ssSlope / ssTot : .nan,
            meanCrowFlyKm: samples.isEmpty ? .nan : crow / 1000 / count,
            meanRouteKm: samples.isEmpty ? .nan : route / 1000 / count,
            meanMinutes: meanM)
    }

    /// The median (mean of the two middle values for an even count), NaN when empty.
    static func median(_ values: [Double]) -> Double {
        let s = values.sorted()
        guard !s.isEmpty else { return .nan }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    /// Shortest-time routes from `origin` (forward), with each route's length: per node, the minutes of the
    /// fastest route and the metres of that route (among routes of equal minutes, the shortest). Minutes equal
    /// ``RoadGraph/shortestPathMinutes(from:direction:)`` exactly; unreachable nodes are `+infinity` in both.
    ///
    /// ```swift
    /// let r = NetworkCalibration.routes(graph, from: 0)
    /// r.metres[v] / crowFlyMetres(0, v)   // circuity of the fastest route to v
    /// ```
    /// A plain Dijkstra on (minutes, metres) keys with lazy deletion (swift-collections' `Heap`): separate from
    /// ``DijkstraWorkspace`` so that the hot searches stay one 16-byte slot per node.
    /// Complexity: O((n + m) log m).
    public static func routes(_ graph: RoadGraph, from origin: Int) -> (minutes: [Double], metres: [Double]) {
        let n = graph.nodeCount
        var minutes = [Double](repeating: .infinity, count: n)
        var metres = [Double](repeating: .infinity, count: n)
        guard origin >= 0, origin < n else { return (minutes, metres) }
        var heap = Heap<RouteEntry>()
        minutes[origin] = 0
        metres[origin] = 0
        heap.insert(RouteEntry(minutes: 0, metres: 0, node: Int32(origin)))
        while let top = heap.popMin() {
            let u = Int(top.node)
            if top.minutes != minutes[u] || top.metres != metres[u] { continue }  // stale
            for e in graph.edges(from: u) {
                let v = Int(graph.targets[e])
                let m = top.minutes + graph.minutes[e], l = top.metres + graph.metres[e]
                if m < minutes[v] || (m == minutes[v] && l < metres[v]) {
                    minutes[v] = m
                    metres[v] = l
                    heap.insert(RouteEntry(minutes: m, metres: l, node: Int32(v)))
                }
            }
        }
        return (minutes, metres)
    }
}

/// A search entry of ``NetworkCalibration/routes(_:from:)``, ordered by minutes, then metres, then node.
struct RouteEntry: Comparable {
    var minutes: Double
    var metres: Double
    var node: Int32

    static func < (a: RouteEntry, b: RouteEntry) -> Bool {
        (a.minutes, a.metres, a.node) < (b.minutes, b.metres, b.node)
    }
}
