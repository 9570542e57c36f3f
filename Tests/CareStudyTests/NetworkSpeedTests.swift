import CareGeo
import CareKernel
import CareModel
import CareNetwork
import Foundation
import Testing

@testable import CareStudy

/// Road-network speed factors and their calibration on SYNTHETIC graphs (RoadGraph.synthetic, labelled).
struct NetworkSpeedTests {
    static func places(_ g: RoadGraph, _ n: Int, seed: UInt64) -> [Place] {
        var rng = SplitMix64(seed: seed)
        return (0..<n).map { _ in
            Place(point: ProjectedPoint(x: 700_000 + rng.unit() * 10_000, y: 6_400_000 + rng.unit() * 10_000), crs: .lambert93)
        }
    }

    @Test func aSpeedFactorDividesPathMinutesAndKeepsConnectors() throws {
        let g = try RoadGraph.synthetic(side: 30, seed: 3)
        let plain = try NetworkModel(graph: g, threads: 1)
        let fast = try NetworkModel(graph: g, threads: 2, speedFactor: 1.25)
        let origins = Self.places(g, 80, seed: 1), sites = Self.places(g, 6, seed: 2) + [origins[4]]
        let pairs = origins.flatMap { o in sites.map { PlacePair(origin: o, destination: $0) } }
        let a = try plain.minutes(between: pairs), b = try fast.minutes(between: pairs)
        let os = plain.snap(pairs.map(\.origin)), ds = plain.snap(pairs.map(\.destination))
        for k in pairs.indices {
            if pairs[k].origin == pairs[k].destination { #expect(a[k] == 0 && b[k] == 0); continue }
            if !a[k].isFinite { #expect(!b[k].isFinite); continue }                      // off the synthetic grid
            let connectors = os.minutes[k] + ds.minutes[k]
            #expect(abs(b[k] - (connectors + (a[k] - connectors) / 1.25)) < 1e-9, "pair \(k)")
        }
        // Nearest and catchments agree with the pair minutes at the same factor.
        let nearest = try fast.nearest(from: origins, to: sites)
        for (i, o) in origins.enumerated() {
            let row = try fast.minutes(between: sites.map { PlacePair(origin: o, destination: $0) })
            let best = row.min() ?? .infinity
            #expect(best.isFinite ? abs(nearest[i].minutes - best) < 1e-9 : nearest[i] == .unreachable, "origin \(i)")
        }
        let c = try fast.catchments(from: sites, to: origins, within: 6)
        #expect(c.checkInvariants(demandCount: origins.count))
        for j in sites.indices {
            let row = try fast.minutes(between: origins.map { PlacePair(origin: $0, destination: sites[j]) })
            let want = origins.indices.filter { row[$0] <= 6 + 1e-9 }
            #expect(c.demand[c.range(of: j)].map(Int.init) == want, "site \(j)")
        }
        #expect(fast.summary.hasSuffix("class speeds × 1.25"))
        #expect(throws: ModelError.self) { try NetworkModel(graph: g, speedFactor: 0) }
        #expect(throws: ModelError.self) { try NetworkModel(graph: g, speedFactor: .nan) }
    }

    @Test func calibrationRecoversTheFactorOfSyntheticTrips() throws {
        let g = try RoadGraph.synthetic(side: 30, seed: 5)
        let truth = try NetworkModel(graph: g, threads: 1, speedFactor: 0.8)
        let origins = Self.places(g, 40, seed: 3), destinations = Self.places(g, 40, seed: 4)
        let minutes = try truth.minutes(between: zip(origins, destinations).map { PlacePair(origin: $0, destination: $1) })
        var trips = zip(zip(origins, destinations), minutes).enumerated().map { k, e in
            ObservedTrip(origin: e.0.0, destination: e.0.1, minutes: e.1, line: k + 2)
        }
        // A trip outside the network is left out.
        trips.append(ObservedTrip(origin: Place(point: ProjectedPoint(x: 0, y: 0), crs: .lambert93), destination: origins[0],
                                  minutes: 10, line: 99))
        #expect(minutes.filter(\.isFinite).count >= 20)
        let fit = try NetworkSpeedCalibration(model: try NetworkModel(graph: g, threads: 2), trips: trips)
        #expect(fit.factor == 0.8)
        #expect(fit.used.count == minutes.filter(\.isFinite).count && fit.leftOut == trips.count - fit.used.count)
        #expect(fit.after.meanAbsoluteError < 1e-3 && fit.before.bias < 0)
        #expect(throws: ModelError.self) { try NetworkSpeedCalibration(model: try NetworkModel(graph: g), trips: [trips[40]]) }
    }
}
