import CareGeo
import Testing

@testable import CareModel

/// ``SupplyGaps`` on a SYNTHETIC territory (invented communes): 12 départements of 150,000 inhabitants in a row,
/// 20 km apart, one site with GPs in each but "05" — the Paris case of the BPE extract in small.
struct SupplyGapsTests {
    static let origin = (x: 700_000.0, y: 6_500_000.0)

    /// Départements "01"…"12": four communes each (two near its centre, two 9 km to either side), 150,000
    /// inhabitants in all; a site of 3 GPs at each département's first commune, except `without`.
    static func instance(departements: Int = 12, without: Set<String> = ["05"]) throws -> (Territory, [SupplySite]) {
        var communes: [Commune] = [], sites: [SupplySite] = []
        for d in 1...departements {
            let dep = d < 10 ? "0\(d)" : "\(d)"
            for (k, dx) in [0.0, 1_000, -9_000, 9_000].enumerated() {
                let code = "\(dep)\(String(format: "%03d", k + 1))"
                let point = ProjectedPoint(x: origin.x + Double(d) * 20_000 + dx, y: origin.y)
                communes.append(Commune(code: code, name: "Synthetic \(code)", population: 37_500, departement: dep,
                                        location: LonLat(lon: 4, lat: 45), point: point, crs: .lambert93, pointSource: .townHall))
                if k == 0, !without.contains(dep) {
                    sites.append(SupplySite(id: code, communeCode: code, departement: dep, point: point, crs: .lambert93, gps: 3))
                }
            }
        }
        return (try Territory(communes: communes), sites)
    }

    @Test func aDepartementWithoutGPsInADenseFileIsAGap() throws {
        let (t, sites) = try Self.instance()
        let gaps = SupplyGaps(territory: t, sites: sites)
        #expect(gaps.departements == ["05"])
        #expect(gaps.gaps.first?.population == 150_000 && gaps.gaps.first?.communes == 4)
        #expect(gaps.departementsConsidered == 12 && gaps.departementsWithSupply == 11)
        #expect(gaps.holeCommunes.map { t.communes[$0].departement } == ["05", "05", "05", "05"])
        // Affected at 20 minutes crow-fly (60 km/h × 1.3: 15.4 km): the gap's communes and the neighbours'
        // communes within 15.4 km of one of its points, no farther.
        let model = try CrowFlyModel(speedKmh: 60, circuity: 1.3)
        let studied = Array(t.communes.indices)
        let affected = try gaps.affectedCommunes(studied: studied, territory: t, model: model, catchment: 20, method: .twoStep)
        let expected = studied.filter { i in
            gaps.holeCommunes.contains { h in
                let a = t.communes[h].point, b = t.communes[i].point
                return ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot() * 1.3 / 1000 <= 20
            }
        }
        #expect(affected == expected)
        #expect(Set(affected.map { t.communes[$0].departement }) == ["04", "05", "06"])
        // A step decay that weighs 0 beyond 10 minutes narrows the reach.
        let near = try gaps.affectedCommunes(studied: studied, territory: t, model: model, catchment: 20,
                                             method: .enhanced(.step(try StepWeights(bands: [.init(upper: 10, weight: 1)], upperInclusive: true))))
        #expect(Set(near).isSubset(of: Set(affected)) && near.count < affected.count)
    }

    /// Coverage: a commune's minutes are distorted when a gap commune is no farther than its nearest GP (a GP
    /// listed there could be the nearest). Brute force over crow-fly distances.
    @Test func nearestDistortionMatchesBruteForce() throws {
        let (t, sites) = try Self.instance()
        let gaps = SupplyGaps(territory: t, sites: sites)
        let model = try CrowFlyModel(speedKmh: 60, circuity: 1.3)
        let studied = Array(t.communes.indices)
        let distorted = try gaps.nearestDistorted(studied: studied, territory: t, sites: sites, model: model)
        func metres(_ a: ProjectedPoint, _ b: ProjectedPoint) -> Double { ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot() }
        let expected = studied.filter { i in
            let p = t.communes[i].point
            let toGap = gaps.holeCommunes.map { metres(t.communes[$0].point, p) }.min() ?? .infinity
            let toGP = sites.map { metres($0.point, p) }.min() ?? .infinity
            return t.communes[i].departement == "05" || toGap <= toGP
        }
        #expect(distorted == expected)
        // The gap's 4 communes, and the communes of 04 and 06 on the gap's side (9 km out, 2 km from it).
        #expect(distorted.map { t.communes[$0].code } == ["04004", "05001", "05002", "05003", "05004", "06003"])
        // Without a gap, nothing.
        let (full, fullSites) = try Self.instance(without: [])
        #expect(try SupplyGaps(territory: full, sites: fullSites).nearestDistorted(studied: studied, territory: full, sites: fullSites, model: model).isEmpty)
    }

    @Test func aRegionalFileOrAFullFileHasNoGap() throws {
        // Fewer than 10 large départements: a regional study, not a hole.
        let (small, smallSites) = try Self.instance(departements: 6)
        #expect(SupplyGaps(territory: small, sites: smallSites).isEmpty)
        // Many départements without GPs: the file covers a region, not a hole.
        let (t, sites) = try Self.instance(without: ["02", "05", "08"])
        #expect(SupplyGaps(territory: t, sites: sites).isEmpty)
        // Every département supplied.
        let (full, fullSites) = try Self.instance(without: [])
        #expect(SupplyGaps(territory: full, sites: fullSites).isEmpty)
    }
}
