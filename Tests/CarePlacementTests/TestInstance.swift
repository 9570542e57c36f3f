import CareKernel
import CareGeo
import CareModel
@testable import CarePlacement

/// A synthetic placement instance (labelled synthetic: random points in a square, Lambert-93-like origin)
/// with an independent dense travel-time matrix for brute-force checks.
struct TestInstance {
    var demand: [ProjectedPoint]
    var population: [Double]
    var existing: [ProjectedPoint]
    var candidates: [ProjectedPoint]
    var threshold: Double
    let model: CrowFlyModel

    init(seed: UInt64, demand n: Int, existing e: Int, candidates c: Int, sideKm: Double = 40, threshold: Double = 10) {
        var rng = SplitMix64(seed: seed)
        func point() -> ProjectedPoint {
            ProjectedPoint(x: 700_000 + Double.random(in: 0..<sideKm * 1000, using: &rng),
                           y: 6_400_000 + Double.random(in: 0..<sideKm * 1000, using: &rng))
        }
        demand = (0..<n).map { _ in point() }
        population = (0..<n).map { _ in Double(Int.random(in: 10...5_000, using: &rng)) }
        existing = (0..<e).map { _ in point() }
        candidates = (0..<c).map { _ in point() }
        self.threshold = threshold
        // swiftlint:disable:next force_try
        model = try! CrowFlyModel(speedKmh: 60, circuity: 1.3, threads: 1)
    }

    static func place(_ p: ProjectedPoint) -> Place { Place(point: p, crs: .lambert93) }

    func problem(maxRadius: Double? = nil) throws -> PlacementProblem {
        try PlacementProblem(
            demand: demand.map(Self.place), population: population,
            existing: existing.enumerated().map { SupplySite(id: "e\($0)", communeCode: nil, departement: nil, point: $1, crs: .lambert93, gps: 2) },
            candidates: candidates.enumerated().map { PlacementCandidate(id: "c\($0)", place: Self.place($1)) },
            model: model, threshold: threshold, maxRadius: maxRadius)
    }

    func minutes(_ a: ProjectedPoint, _ b: ProjectedPoint) -> Double {
        let dx = a.x - b.x, dy = a.y - b.y
        return model.minutes(forMetres: (dx * dx + dy * dy).squareRoot())
    }

    /// Existing nearest minutes per demand point.
    var existingMinutes: [Double] { demand.map { d in existing.map { minutes(d, $0) }.min() ?? .infinity } }

    /// Minutes from each demand point to its nearest site among existing and `chosen` candidates.
    func nearest(with chosen: [Int]) -> [Double] {
        let e = existingMinutes
        return demand.indices.map { i in chosen.reduce(e[i]) { min($0, minutes(demand[i], candidates[$1])) } }
    }

    func mclpValue(_ chosen: [Int]) -> Double {
        let before = existingMinutes, after = nearest(with: chosen)
        return demand.indices.reduce(0) { $0 + (after[$1] <= threshold && before[$1] > threshold ? population[$1] : 0) }
    }

    func pMedianValue(_ chosen: [Int]) -> Double {
        zip(nearest(with: chosen), population).reduce(0) { $0 + $1.0 * $1.1 }
    }

    func pCenterValue(_ chosen: [Int]) -> Double { nearest(with: chosen).max() ?? 0 }

    func covers(_ chosen: [Int]) -> Bool {
        let reachable = demand.indices.filter { i in candidates.contains { minutes(demand[i], $0) <= threshold } }
        let after = nearest(with: chosen)
        return reachable.allSatisfy { after[$0] <= threshold }
    }
}

/// Every k-subset of 0..<n, in lexicographic order.
func subsets(_ n: Int, _ k: Int) -> [[Int]] {
    guard k > 0 else { return [[]] }
    guard k <= n else { return [] }
    var out: [[Int]] = [], cur: [Int] = []
    func rec(_ start: Int) {
        if cur.count == k { out.append(cur); return }
        for i in start..<n where n - i >= k - cur.count {
            cur.append(i)
            rec(i + 1)
            cur.removeLast()
        }
    }
    rec(0)
    return out
}
