import CareGeo
import CareKernel
import Foundation
import Testing

@testable import CareModel

/// A SYNTHETIC calibrated model on a SYNTHETIC territory (invented communes and parameters), small enough
/// to compute by hand, and random SYNTHETIC places to check the exact searches against brute force.
struct CalibratedModelTests {
    static let origin = (x: 700_000.0, y: 6_500_000.0)

    /// Communes on a 5 × 5 grid, 4 km apart, in two départements (x < 8 km: "07", else "26"); square
    /// boundaries of 2 km × 2 km around each point (4 km²); commune "07099" alone far away is an island.
    static func territory(withBoundaries: Bool = true) throws -> Territory {
        var communes: [Commune] = [], boundaries: [MultiPolygon?] = []
        for i in 0..<5 {
            for j in 0..<5 {
                let dep = i < 2 ? "07" : "26"
                let code = "\(dep)\(String(format: "%03d", i * 5 + j + 1))"
                let x = origin.x + Double(i) * 4_000, y = origin.y + Double(j) * 4_000
                communes.append(Commune(code: code, name: "Synthetic \(code)", population: 400 * (i + j + 1),
                                        departement: dep, location: LonLat(lon: 4, lat: 45),
                                        point: ProjectedPoint(x: x, y: y), crs: .lambert93, pointSource: .townHall))
                boundaries.append(square(x, y, half: 1_000))
            }
        }
        communes.append(Commune(code: "07099", name: "Synthetic island", population: 100, departement: "07",
                                location: LonLat(lon: 4, lat: 45), point: ProjectedPoint(x: origin.x + 40_000, y: origin.y),
                                crs: .lambert93, pointSource: .townHall))
        boundaries.append(square(origin.x + 40_000, origin.y, half: 500))
        var t = try Territory(communes: communes)
        if withBoundaries { try t.setBoundaries(boundaries) }
        return t
    }

    static func square(_ x: Double, _ y: Double, half: Double) -> MultiPolygon {
        MultiPolygon(polygons: [Polygon(exterior: [XY(x: x - half, y: y - half), XY(x: x + half, y: y - half),
                                                   XY(x: x + half, y: y + half), XY(x: x - half, y: y + half),
                                                   XY(x: x - half, y: y - half)])])
    }

    /// Curve ln minutes = ln 2 at 1 km, ln 12 at 10 km (linear in ln km between), density coefficients,
    /// "26" slower by 0.1, a field rising with x.
    static func parameters(isolated: [String] = ["07099"]) -> CalibratedParameters {
        let field = TravelField(epsg: 2154, originX: origin.x - 10_000, originY: origin.y - 10_000, cellMetres: 10_000,
                                columns: 8, rows: 5, values: (0..<40).map { Double($0 % 8) * 0.01 })
        return CalibratedParameters(
            name: "synthetic", observed: .init(description: "synthetic", file: "none", bytes: 0, fnv1a: "0", trips: 0),
            base: .init(knotsKm: [1, 10], values: [log(2), log(12)], originLogDensity: 0.02, destinationLogDensity: -0.01),
            reference: .init(distanceKm: 10, densityPerKm2: 100),
            distance: .init(minimumKm: 0.5, maximumKm: 30),
            density: .init(minimum: 1, maximum: 50_000, fallback: 40),
            smearing: 1.01,
            departements: ["26": .init(intercept: 0.1, slope: 0.05, trips: 10)],
            fields: [field], isolatedLand: isolated.isEmpty ? [] : [.init(communes: isolated)], fit: .init())
    }

    /// The model's formula written out again, independently of ``CalibratedModel``.
    static func handMinutes(_ p: CalibratedParameters, _ t: Territory, from i: Int, to j: Int) -> Double {
        let a = t.communes[i], b = t.communes[j]
        let metres = hypot(b.point.x - a.point.x, b.point.y - a.point.y)
        if metres <= 1 { return 0 }
        let km = metres / 1000, clamped = min(max(km, 0.5), 30)
        let lk = log(clamped)
        let curve = lk <= 0 ? log(2.0) : (lk >= log(10.0) ? log(12.0) : log(2.0) + (log(12.0) - log(2.0)) * lk / log(10.0))
        func ld(_ c: Commune) -> Double { log(Double(c.population) / 4) - log(100.0) }
        func dep(_ c: Commune) -> (Double, Double) { c.departement == "26" ? (0.1, 0.05) : (0, 0) }
        let u = lk - log(10.0)
        var eta = curve + 0.02 * ld(a) - 0.01 * ld(b)
        eta += 0.5 * (dep(a).0 + dep(b).0) + 0.5 * (dep(a).1 + dep(b).1) * u
        eta += p.fields[0].segmentMean(fromX: a.point.x, y: a.point.y, toX: b.point.x, y: b.point.y)
        return exp(eta) * 1.01 * km / clamped
    }

    @Test func pairMinutesEqualTheFormulaByHand() throws {
        let t = try Self.territory()
        let p = Self.parameters()
        let model = try CalibratedModel(parameters: p, territory: t, threads: 1)
        let pairs = [(0, 1), (0, 24), (3, 17), (12, 12), (20, 2), (7, 8)]
        let got = try model.minutes(between: pairs.map { PlacePair(origin: t.communes[$0.0].place, destination: t.communes[$0.1].place) })
        for (k, (i, j)) in pairs.enumerated() {
            let want = Self.handMinutes(p, t, from: i, to: j)
            #expect(abs(got[k] - want) <= 1e-12 * max(1, want), "pair \(i) → \(j): \(got[k]) vs \(want)")
        }
        #expect(got[3] == 0)                                          // the same place
        // 10 km → 12 min at the reference density for two "07" communes: check one value by hand entirely.
        #expect(got[0] > 0 && got[0] < got[1])
    }

    @Test func islandsWithoutRoadAreUnreachableAndTheFieldIsSymmetricInPlace() throws {
        let t = try Self.territory()
        let model = try CalibratedModel(parameters: Self.parameters(), territory: t, threads: 1)
        let island = t.communes.count - 1
        let m = try model.minutes(between: [PlacePair(origin: t.communes[0].place, destination: t.communes[island].place),
                                            PlacePair(origin: t.communes[island].place, destination: t.communes[island].place)])
        #expect(m[0] == .infinity)
        #expect(m[1] == 0)
        let nearest = try model.nearest(from: [t.communes[island].place], to: [t.communes[0].place, t.communes[1].place])
        #expect(nearest[0].site == nil && nearest[0].minutes == .infinity)
        // Without the island list, the same place is reachable across the "sea".
        let open = try CalibratedModel(parameters: Self.parameters(isolated: []), territory: t, threads: 1)
        #expect(try open.nearest(from: [t.communes[island].place], to: [t.communes[0].place])[0].site == 0)
    }

    /// SYNTHETIC random places (seeded) around the grid: sites and origins not at commune points.
    static func randomPlaces(_ n: Int, seed: UInt64) -> [Place] {
        var rng = SplitMix64(seed: seed)
        return (0..<n).map { _ in
            let x = origin.x - 3_000 + Double(rng.next() % 22_000), y = origin.y - 3_000 + Double(rng.next() % 22_000)
            return Place(point: ProjectedPoint(x: x, y: y), crs: .lambert93)
        }
    }

    @Test(arguments: [1, 2])
    func nearestAndCatchmentsEqualBruteForce(threads: Int) throws {
        let t = try Self.territory()
        let model = try CalibratedModel(parameters: Self.parameters(), territory: t, threads: threads)
        let sites = Self.randomPlaces(40, seed: 7) + [t.communes[3].place, t.communes[3].place]
        let origins = Self.randomPlaces(300, seed: 11) + t.communes.map(\.place)
        let nearest = try model.nearest(from: origins, to: sites)
        for (i, o) in origins.enumerated() {
            let all = try model.minutes(between: sites.map { PlacePair(origin: o, destination: $0) })
            let best = all.min() ?? .infinity
            let site = all.firstIndex(of: best)
            #expect(nearest[i].minutes == best && nearest[i].site == (best.isFinite ? site : nil), "origin \(i)")
        }
        for threshold in [0.0, 6.0, 15.0] {
            let c = try model.catchments(from: sites, to: origins, within: threshold)
            #expect(c.checkInvariants(demandCount: origins.count))
            for j in sites.indices {
                let all = try model.minutes(between: origins.map { PlacePair(origin: $0, destination: sites[j]) })
                let want = all.indices.filter { all[$0] <= threshold }
                let r = c.range(of: j)
                #expect(c.demand[r].map(Int.init) == want, "site \(j) at \(threshold) min")
                #expect(zip(c.demand[r], c.minutes[r]).allSatisfy { all[Int($0.0)] == $0.1 })
            }
        }
    }

    @Test func theDistanceBoundHoldsForEveryPair() throws {
        let t = try Self.territory()
        let model = try CalibratedModel(parameters: Self.parameters(), territory: t, threads: 1)
        let places = Self.randomPlaces(120, seed: 3)
        for a in places {
            let minutes = try model.minutes(between: places.map { PlacePair(origin: a, destination: $0) })
            for (b, m) in zip(places, minutes) where m.isFinite {
                let d = hypot(b.point.x - a.point.x, b.point.y - a.point.y)
                #expect(d <= model.bound.radius(forMinutes: m), "\(d) m in \(m) min beyond the bound's radius")
            }
        }
    }

    @Test func aTerritoryWithoutBoundariesUsesTheFallbackDensity() throws {
        let t = try Self.territory(withBoundaries: false)
        let model = try CalibratedModel(parameters: Self.parameters(isolated: []), territory: t, threads: 1)
        #expect(model.communesWithoutArea == t.count)
        let m = try model.minutes(between: [PlacePair(origin: t.communes[0].place, destination: t.communes[1].place)])
        // ln ρ = ln 40 for both ends; both in "07"; 4 km apart.
        let lk = log(4.0), ld = log(40.0) - log(100.0)
        let eta = log(2.0) + (log(12.0) - log(2.0)) * lk / log(10.0) + (0.02 - 0.01) * ld
            + Self.parameters().fields[0].segmentMean(fromX: t.communes[0].point.x, y: t.communes[0].point.y,
                                                       toX: t.communes[1].point.x, y: t.communes[1].point.y)
        #expect(abs(m[0] - exp(eta) * 1.01) < 1e-12)
    }

    @Test func badParametersAreRefusedWithTheirReason() throws {
        var p = Self.parameters()
        p.smearing = .nan
        #expect(p.problem()?.contains("smearing") == true)
        p = Self.parameters()
        p.base.knotsKm = [10, 1]
        #expect(p.problem()?.contains("ascending") == true)
        p = Self.parameters()
        p.fields[0].values.removeLast()
        #expect(p.problem()?.contains("values for") == true)
        p = Self.parameters()
        p.version = 99
        #expect(throws: ModelError.self) { try CalibratedModel(parameters: p, territory: try Self.territory()) }
    }
}
