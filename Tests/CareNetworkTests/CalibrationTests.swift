import CareGeo
import Testing
@testable import CareNetwork

/// Crow-fly calibration on hand-made graphs where circuity and speed are known exactly.
@Suite("Network calibration: circuity and speed fitted separately")
struct CalibrationTests {
    /// A two-way grid of `side` × `side` nodes 100 m apart (node `r * side + c` at x = 100c, y = 100r):
    /// east–west streets at 60 km/h (0.1 min per block), north–south at 30 km/h (0.2 min per block).
    /// The fastest route between two nodes is any staircase: Manhattan length, minutes 0.1 Δc + 0.2 Δr.
    func grid(side: Int) throws -> RoadGraph {
        let points = (0..<(side * side)).map { ProjectedPoint(x: Double($0 % side) * 100, y: Double($0 / side) * 100) }
        var edges: [RoadEdge] = []
        for r in 0..<side {
            for c in 0..<side {
                let v = Int32(r * side + c)
                if c + 1 < side {
                    edges += [RoadEdge(from: v, to: v + 1, minutes: 0.1, metres: 100), RoadEdge(from: v + 1, to: v, minutes: 0.1, metres: 100)]
                }
                if r + 1 < side {
                    let w = v + Int32(side)
                    edges += [RoadEdge(from: v, to: w, minutes: 0.2, metres: 100), RoadEdge(from: w, to: v, minutes: 0.2, metres: 100)]
                }
            }
        }
        return try RoadGraph(points: points, edges: edges, crs: .lambert93)
    }

    @Test func gridCircuityAndSpeedKnownExactly() throws {
        let side = 13
        let g = try grid(side: side)
        #expect(g.nodeCount == side * side)
        let r = NetworkCalibration.routes(g, from: 0)
        // From the corner (0, 0) to (c 3, r 4), (c 7, r 0), (c 5, r 12): 3-4-5, straight, 5-12-13 triangles.
        let targets = [(3, 4), (7, 0), (5, 12)].map { $0.1 * side + $0.0 }
        #expect(targets.map { r.metres[$0] } == [700, 700, 1_700])
        for (t, expected) in zip(targets, [1.1, 0.7, 2.9]) { #expect(abs(r.minutes[t] - expected) <= 1e-12) }
        let samples = targets.map { t in
            NetworkCalibration.Sample(crowFlyMetres: (g.xs[t] * g.xs[t] + g.ys[t] * g.ys[t]).squareRoot(),
                                      routeMetres: r.metres[t], minutes: r.minutes[t])
        }
        #expect(samples.map(\.crowFlyMetres) == [500, 700, 1_300])
        let fit = NetworkCalibration.fit(samples)
        #expect(fit.pairs == 3)
        // Circuity: Σ route / Σ crow-fly = 3100 / 2500; median of 1.4, 1, 17/13 is 17/13.
        #expect(abs(fit.circuity - 1.24) <= 1e-12)
        let medianCircuity: Double = 17.0 / 13
        #expect(abs(fit.circuityMedian - medianCircuity) <= 1e-12)
        // Speed: 3.1 km in 4.7 min; per pair 0.7 km / 1.1 min = 38.18 km/h, 60 km/h, 1.7 km / 2.9 min = 35.17 km/h.
        let speed: Double = 3.1 / (4.7 / 60), medianSpeed: Double = 0.7 / (1.1 / 60)
        #expect(abs(fit.speedKmh - speed) <= 1e-9)
        #expect(abs(fit.speedMedianKmh - medianSpeed) <= 1e-9)
        // The two ratios of sums reproduce the total time.
        #expect(abs(fit.totalTimeRatio - 1) <= 1e-12)
        let meanRoute: Double = 3.1 / 3, meanCrow: Double = 2.5 / 3
        #expect(abs(fit.meanRouteKm - meanRoute) <= 1e-12)
        #expect(abs(fit.meanCrowFlyKm - meanCrow) <= 1e-12)
    }

    @Test func uniformRoadFitsExactly() throws {
        // A straight road of 40 segments, 250 m apart on the map but 350 m long (circuity 1.4), at 45 km/h.
        let points = (0..<41).map { ProjectedPoint(x: Double($0) * 250, y: 0) }
        let minutes = 350.0 / (45_000.0 / 60)
        var edges: [RoadEdge] = []
        for i in Int32(0)..<40 {
            edges.append(RoadEdge(from: i, to: i + 1, minutes: minutes, metres: 350))
            edges.append(RoadEdge(from: i + 1, to: i, minutes: minutes, metres: 350))
        }
        let g = try RoadGraph(points: points, edges: edges, crs: .lambert93)
        var steps = 0
        let fit = NetworkCalibration.fit(g, pairs: 400, pairsPerOrigin: 10, seed: 9, minKm: 1) { steps += $0 }
        #expect(fit.pairs == 400 && steps == 400)
        for value in [fit.circuity, fit.circuityMedian] { #expect(abs(value - 1.4) <= 1e-12) }
        for value in [fit.speedKmh, fit.speedMedianKmh] { #expect(abs(value - 45) <= 1e-9) }
        let slope: Double = 60 * 1.4 / 45
        #expect(abs(fit.minutesPerKm - slope) <= 1e-12)
        #expect(fit.medianAbsoluteRelativeError <= 1e-12 && abs(fit.rSquared - 1) <= 1e-12)
        #expect(fit.meanCrowFlyKm >= 1)   // minKm respected
    }

    @Test func routeLengthIsTheFastestRoutes() throws {
        // A → B directly: 1000 m at 20 km/h (3 min). Via C: 2 × 1000 m at 80 km/h (1.5 min). Via D: 2 × 1200 m,
        // also 1.5 min. The fastest route is 1.5 min; among the two, the shorter: 2000 m, not the 1000 m road.
        let points = [ProjectedPoint(x: 0, y: 0), ProjectedPoint(x: 1_000, y: 0), ProjectedPoint(x: 500, y: 866),
                      ProjectedPoint(x: 500, y: -1_090)]
        func both(_ a: Int32, _ b: Int32, _ minutes: Double, _ metres: Double) -> [RoadEdge] {
            [RoadEdge(from: a, to: b, minutes: minutes, metres: metres), RoadEdge(from: b, to: a, minutes: minutes, metres: metres)]
        }
        let g = try RoadGraph(points: points, edges: both(0, 1, 3, 1_000) + both(0, 2, 0.75, 1_000) + both(2, 1, 0.75, 1_000)
                                  + both(0, 3, 0.75, 1_200) + both(3, 1, 0.75, 1_200), crs: .lambert93)
        let r = NetworkCalibration.routes(g, from: 0)
        #expect(r.minutes == [0, 1.5, 0.75, 0.75])
        #expect(r.metres == [0, 2_000, 1_000, 1_200])
        #expect(r.minutes == g.shortestPathMinutes(from: 0))
        let none = NetworkCalibration.routes(g, from: 7)
        #expect(none.minutes.allSatisfy { $0 == .infinity } && none.metres.allSatisfy { $0 == .infinity })
    }

    @Test func noPairGivesNaNNotACrash() {
        let fit = NetworkCalibration.fit([])
        #expect(fit.pairs == 0 && fit.circuity.isNaN && fit.speedKmh.isNaN)
    }
}
