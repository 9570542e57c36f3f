import CareModel
import CareStudy
import CareTestSupport
import Foundation
import Testing

@testable import CareReport

/// The run layers on real fixtures (embedded Ardèche, Ardennes scenario): one feature per reported commune,
/// stable field types, and properties consistent with the run.
struct GeoJSONLayerTests {
    func write(_ layer: GeoJSONLayer, territory: Territory) throws -> ParsedGeoJSON {
        let dir = try ScratchFolder()
        defer { dir.remove() }
        try GeoJSONWriter.write(layer, territory: territory, to: dir.path + "/run.geojson")
        return try ParsedGeoJSON(path: dir.path + "/run.geojson")
    }

    /// Every property of every feature has the field's JSON type or null, and the keys are exactly the fields.
    func checkTypes(_ g: ParsedGeoJSON, _ layer: GeoJSONLayer) throws {
        let fields = GeoJSONWriter.sharedFields + layer.fields
        for i in 0..<g.features.count {
            let p = try g.properties(i)
            #expect(p.count == fields.count)
            for f in fields {
                let kind = ParsedGeoJSON.kind(p[f.name])
                #expect(kind == f.kind.rawValue || kind == "null", "feature \(i) \(f.name): \(kind)")
            }
        }
    }

    /// A parsed real equals `value` to 1e-12 relative: JSONSerialization may misround the last bit (the exact
    /// round trip of the written text is checked in GeoJSONWriterTests).
    static func close(_ json: Any?, _ value: Double) -> Bool {
        guard let d = json as? Double else { return false }
        return abs(d - value) <= 1e-12 * max(1, abs(value))
    }

    /// Number of features whose boolean property `key` is true.
    func flags(_ g: ParsedGeoJSON, _ key: String) throws -> Int {
        try (0..<g.features.count).filter { try g.properties($0)[key] as? Bool == true }.count
    }

    @Test func coverageOnTheEmbeddedFixture() throws {
        let study = try Study.load(territoryPath: nil, supplyPath: nil, departements: [])
        let result = try CoverageAnalysis(threshold: 10).run(
            territory: study.territory, communes: study.demand, sites: study.supply.sites, model: try CrowFlyModel())
        let layer = GeoJSONLayer.coverage(result, study: study)
        let g = try write(layer, territory: study.territory)
        #expect(g.features.count == result.rows.count)
        #expect(g.features.count == study.demand.count)
        try checkTypes(g, layer)
        for (i, r) in result.rows.enumerated() {
            let p = try g.properties(i)
            #expect(Self.close(p["minutes"], r.minutes))
            #expect(p["within_t"] as? Bool == r.withinThreshold && r.withinThreshold == (r.minutes <= 10))
            #expect(p["threshold"] as? Double == 10 && g.features[i]["id"] as? String == p["code"] as? String)
        }
        let within = try flags(g, "within_t")
        #expect(within == result.rows.filter(\.withinThreshold).count)
        #expect(within > 0 && within < g.features.count)
    }

    @Test func accessOnTheEmbeddedFixture() throws {
        let study = try Study.load(territoryPath: nil, supplyPath: nil, departements: [])
        let analysis = try AccessibilityAnalysis(threshold: 20, method: .twoStep, underServed: 5)
        let result = try analysis.run(territory: study.territory, communes: study.demand, sites: study.supply.sites,
                                      model: try CrowFlyModel())
        let layer = GeoJSONLayer.accessibility(result, study: study)
        let g = try write(layer, territory: study.territory)
        #expect(g.features.count == result.rows.count)
        try checkTypes(g, layer)
        for (i, r) in result.rows.enumerated() {
            let p = try g.properties(i)
            #expect(Self.close(p["indicator"], r.score))
            #expect(p["below"] as? Bool == (r.score < 5) && p["method"] as? String == "2SFCA")
        }
        #expect(try flags(g, "below") == result.summary.communesBelow)
    }

    @Test func accessWithoutCutOffHasNullFlags() throws {
        let study = try Study.load(territoryPath: nil, supplyPath: nil, departements: [])
        let result = try AccessibilityAnalysis(threshold: 20, method: .twoStep).run(
            territory: study.territory, communes: study.demand, sites: study.supply.sites, model: try CrowFlyModel())
        let g = try write(GeoJSONLayer.accessibility(result, study: study), territory: study.territory)
        #expect(try (0..<g.features.count).allSatisfy { try g.properties($0)["below"] is NSNull })
    }

    @Test func scenarioOnTheArdennesExample() throws {
        let run = try ScenarioRun.run(path: PackageRoot.fixture("scenarios/ardennes-maisons-de-sante.yaml"))
        let layer = GeoJSONLayer.scenario(run)
        let g = try write(layer, territory: run.study.territory)
        #expect(g.features.count == 447)
        try checkTypes(g, layer)
        var statuses: [String: Int] = [:]
        for i in 0..<g.features.count {
            let p = try g.properties(i)
            let before = try #require(p["within_t_before"] as? Bool), after = try #require(p["within_t_after"] as? Bool)
            let status = try #require(p["status"] as? String)
            statuses[status, default: 0] += 1
            #expect(status == (before == after ? "unchanged" : after ? "newly_covered" : "newly_uncovered"))
            let ib = try #require(p["indicator_before"] as? Double), ia = try #require(p["indicator_after"] as? Double)
            let change = try #require(p["indicator_change"] as? Double)
            #expect(abs(change - (ia - ib)) < 1e-9)
            #expect((p["below_after"] as? Bool) == (run.comparison.rows[i].scoreAfter < 2.5))
        }
        let s = run.comparison.summary
        #expect(statuses["newly_covered", default: 0] == s.newlyCoveredCommunes)
        #expect(statuses["newly_uncovered", default: 0] == s.newlyUncoveredCommunes)
    }
}
