import CareGeo
import CareKernel
import Testing

@testable import CareModel

/// A hand-computed mini territory (synthetic, Lambert-93-like coordinates):
///
///     A (0,0) pop 100 ── site S1 at (3000, 4000): 5000 m
///     B (20000,0) pop 50 ── nearest S2 at (20000, 12000): 12000 m
///     C (0, 30000) pop 10 ── nearest S1: dist((0,30000),(3000,4000)) = sqrt(9e6 + 676e6) = 26172.504... m
///
/// At 60 km/h (1000 m/min) and circuity 1.3: A 6.5 min, B 15.6 min, C 34.0242... min.
struct CoverageTests {
    static func commune(_ code: String, _ x: Double, _ y: Double, _ pop: Int, dep: String = "07") -> Commune {
        Commune(code: code, name: "C\(code)", population: pop, departement: dep, location: LonLat(lon: 4, lat: 45),
                point: ProjectedPoint(x: 800_000 + x, y: 6_400_000 + y), crs: .lambert93, pointSource: .townHall)
    }

    static func site(_ id: String, _ x: Double, _ y: Double, _ gps: Double, dep: String = "07") -> SupplySite {
        SupplySite(id: id, communeCode: nil, departement: dep, point: ProjectedPoint(x: 800_000 + x, y: 6_400_000 + y),
                   crs: .lambert93, gps: gps)
    }

    let territory: Territory
    let sites: [SupplySite]

    init() throws {
        territory = try Territory(communes: [
            Self.commune("07001", 0, 0, 100), Self.commune("07002", 20_000, 0, 50), Self.commune("07003", 0, 30_000, 10),
        ])
        sites = [Self.site("S1", 3_000, 4_000, 2), Self.site("S2", 20_000, 12_000, 1), Self.site("S0", 0, 0, 0)]
    }

    @Test func handComputedMiniTerritory() throws {
        let result = try CoverageAnalysis(threshold: 20).run(
            territory: territory, communes: [0, 1, 2], sites: sites, model: try CrowFlyModel(speedKmh: 60, circuity: 1.3))
        let r = result.rows
        #expect(r.map(\.nearestSite) == [0, 1, 0])  // the 0-GP site S0 at A itself is ignored
        #expect(r[0].metres == 5_000)
        #expect(r[1].metres == 12_000)
        let dC = (3_000.0 * 3_000 + 26_000.0 * 26_000).squareRoot()
        #expect(r[2].metres == dC)
        #expect(abs(r[0].minutes - 6.5) < 1e-12)
        #expect(abs(r[1].minutes - 15.6) < 1e-12)
        #expect(abs(r[2].minutes - dC * 1.3 / 1000) < 1e-12)
        #expect(r.map(\.withinThreshold) == [true, true, false])
        let s = result.summary
        #expect(s.population == 160)
        #expect(s.populationWithin == 150)
        #expect(s.communesBeyond == 1)
        #expect(s.populationBeyond == 10)
        #expect(abs(s.shareWithin - 150.0 / 160.0) < 1e-15)
        let mean = (6.5 * 100 + 15.6 * 50 + dC * 1.3 / 1000 * 10) / 160
        #expect(abs(s.meanMinutes - mean) < 1e-12)
        // Sorted by minutes: A 6.5 (100, cum 100 = 62.5 %), B 15.6 (cum 150 = 93.75 % ≥ 90 %) → p90 = 15.6.
        #expect(abs((s.p90Minutes ?? 0) - 15.6) < 1e-12)
        #expect(s.gpsInArea == 3)
        #expect(abs(s.gpsPer10k - 3 * 10_000 / 160.0) < 1e-12)
    }

    @Test func thresholdIsInclusive() throws {
        // B is exactly 15.6 min away.
        let result = try CoverageAnalysis(threshold: 15.6).run(
            territory: territory, communes: [1], sites: sites, model: try CrowFlyModel())
        #expect(result.rows[0].minutes <= 15.6)
        #expect(result.rows[0].withinThreshold)
    }

    @Test func emptySupplyIsAClearError() throws {
        let analysis = try CoverageAnalysis()
        #expect(throws: ModelError.emptySupply("the supply has no site")) {
            try analysis.run(territory: territory, communes: [0], sites: [], model: try CrowFlyModel())
        }
        #expect(throws: ModelError.emptySupply("every site has 0 GPs")) {
            try analysis.run(territory: territory, communes: [0], sites: [sites[2]], model: try CrowFlyModel())
        }
        #expect(throws: ModelError.emptyDemand("no commune selected")) {
            try analysis.run(territory: territory, communes: [], sites: sites, model: try CrowFlyModel())
        }
    }

    @Test func otherCRSZonesAreUnreachable() throws {
        var reunion = Self.commune("97411", 0, 0, 1_000, dep: "974")
        reunion.crs = .rgr92UTM40S
        let t = try Territory(communes: territory.communes + [reunion])
        let result = try CoverageAnalysis().run(territory: t, communes: [0, 3], sites: sites, model: try CrowFlyModel())
        #expect(result.rows[1].nearestSite == nil)
        #expect(result.rows[1].minutes == .infinity)
        #expect(!result.rows[1].withinThreshold)
        #expect(result.summary.communesUnreachable == 1)
        #expect(result.summary.communesBeyond == 1)
        #expect(result.summary.meanMinutes == 6.5)  // over reachable communes only
    }

    @Test func tiesGoToTheLowestSiteIndex() throws {
        // Two sites at the same distance from A (and a duplicate of the first).
        let s = [Self.site("X", 0, 1_000, 1), Self.site("Y", 1_000, 0, 1), Self.site("Z", 0, 1_000, 1)]
        let result = try CoverageAnalysis().run(territory: territory, communes: [0], sites: s, model: try CrowFlyModel())
        #expect(result.rows[0].nearestSite == 0)
    }

    @Test func invalidParametersAreRejected() {
        #expect(throws: ModelError.self) { try CrowFlyModel(speedKmh: 0) }
        #expect(throws: ModelError.self) { try CrowFlyModel(speedKmh: .nan) }
        #expect(throws: ModelError.self) { try CrowFlyModel(circuity: 0.9) }
        #expect(throws: ModelError.self) { try CoverageAnalysis(threshold: -1) }
        #expect(throws: ModelError.self) { try CoverageAnalysis(threshold: .infinity) }
    }

    @Test func crowFlyMinutesAndRadiusAreInverse() throws {
        let m = try CrowFlyModel(speedKmh: 50, circuity: 1.2)
        #expect(abs(m.minutes(forMetres: m.radius(forMinutes: 20)) - 20) < 1e-12)
        #expect(abs(m.radius(forMinutes: 20) - 20 * 50_000 / 60 / 1.2) < 1e-9)
    }

    @Test func weightedQuantile() {
        #expect(CoverageAnalysis.weightedQuantile([], 0.9) == nil)
        #expect(CoverageAnalysis.weightedQuantile([(3, 1)], 0.9) == 3)
        // 10 people at 1 min, 90 at 5 min, 1 at 50 min: 90 % needs 5 min... cumulative 10, 100 (≥ 90.9).
        #expect(CoverageAnalysis.weightedQuantile([(50, 1), (1, 10), (5, 90)], 0.9) == 5)
        // Zero weights: unweighted quantile.
        #expect(CoverageAnalysis.weightedQuantile([(1, 0), (2, 0), (3, 0), (4, 0)], 0.5) == 2)
    }
}

struct TerritoryTests {
    @Test func aliasesAndDuplicates() throws {
        let a = CoverageTests.commune("08240", 0, 0, 10, dep: "08")
        let t = try Territory(communes: [a], aliases: ["08149": "08240"])
        #expect(t.index(ofCode: "08149") == 0)
        #expect(t.index(ofCode: "08240") == 0)
        #expect(t.isCommuneCode("08240"))
        #expect(!t.isCommuneCode("08149"))
        #expect(t.index(ofCode: "99999") == nil)
        #expect(throws: ModelError.duplicateCommune(code: "08240")) { try Territory(communes: [a, a]) }
        #expect(throws: ModelError.danglingAlias(alias: "1", target: "2")) { try Territory(communes: [a], aliases: ["1": "2"]) }
        #expect(throws: ModelError.unknownDepartements(["07"])) { try t.indices(inDepartements: ["07"]) }
        #expect(try t.indices(inDepartements: ["08"]) == [0])
    }

    @Test func departementOfCode() {
        #expect(Commune.departement(ofCode: "07186") == "07")
        #expect(Commune.departement(ofCode: "2A004") == "2A")
        #expect(Commune.departement(ofCode: "97411") == "974")
    }
}
