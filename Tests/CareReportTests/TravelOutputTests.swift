import CareGeo
import CareIO
import CareModel
import CareStudy
import Foundation
import Testing

@testable import CareReport

/// Outputs of the travel work: the coverage ranking by département, CSVW sidecars, the validation report.
struct TravelOutputTests {
    @Test func coverageRanksDepartementsByCommunesThenPopulationBeyond() throws {
        // SYNTHETIC: three départements, crow-fly at 60 km/h × 1 (1 km per minute), one site at the origin.
        func c(_ code: String, _ x: Double, _ pop: Int) -> Commune {
            Commune(code: code, name: code, population: pop, departement: Commune.departement(ofCode: code),
                    location: LonLat(lon: 4, lat: 45), point: ProjectedPoint(x: 800_000 + x, y: 6_400_000), crs: .lambert93,
                    pointSource: .townHall)
        }
        let t = try Territory(communes: [c("07001", 0, 10), c("07002", 25_000, 10), c("26001", 30_000, 500),
                                         c("48001", 40_000, 5), c("48002", 50_000, 5), c("26002", 5_000, 100)])
        let site = SupplySite(id: "S", communeCode: "07001", departement: "07", point: t.communes[0].point, crs: .lambert93, gps: 1)
        let r = try CoverageAnalysis(threshold: 20).run(territory: t, communes: Array(t.communes.indices), sites: [site],
                                                        model: try CrowFlyModel(speedKmh: 60, circuity: 1))
        let d = r.summary.departements
        #expect(d.map(\.departement) == ["48", "26", "07"])     // 2 communes beyond, then 1 (500 people) before 1 (10)
        #expect(d.map(\.communesBeyond) == [2, 1, 1] && d.map(\.populationBeyond) == [10, 500, 10])
        #expect(abs(d[1].shareBeyond - 500.0 / 600) < 1e-12)
        let lines = CoverageOutput.departementRanking(r.summary, limit: 10)
        #expect(lines[1] == "Départements by communes beyond 20 min (then population):")
        var noneBeyond = r.summary
        noneBeyond.departements = noneBeyond.departements.map { var d = $0; d.communesBeyond = 0; d.populationBeyond = 0; return d }
        #expect(CoverageOutput.departementRanking(noneBeyond, limit: 10) == ["", "Départements by communes beyond 20 min: none has any (3 studied)"])
        #expect(lines[3].hasPrefix("1     48                  2       2"))
    }

    @Test func theEmbeddedDefaultUsesTheCalibratedModelAndCountsCommunesNearTheThreshold() throws {
        let study = try Study.load(territoryPath: nil, supplyPath: nil, departements: [])
        let (model, _) = try TravelModelSpec().make(for: study)
        #expect(model is CalibratedModel)
        let r = try CoverageAnalysis(threshold: 20).run(territory: study.territory, communes: study.demand,
                                                        sites: study.supply.sites, model: model)
        let near = try #require(r.summary.nearThreshold)
        let e = try #require(model.typicalErrorMinutes)
        #expect(near.error == e && e > 1 && e < 2.5)
        let brute = r.rows.filter { $0.nearestSite != nil && abs($0.minutes - 20) <= e }
        #expect(near.communes == brute.count && near.communes > 0)
        #expect(CoverageOutput.summary(r, study: study).contains("Within the model's typical error of 20 min"))
        // Crow-fly has no measured error: no such line.
        let crow = try CoverageAnalysis(threshold: 20).run(territory: study.territory, communes: study.demand,
                                                           sites: study.supply.sites, model: try CrowFlyModel())
        #expect(crow.summary.nearThreshold == nil)
    }

    @Test func csvSidecarNamesModelSourcesAndLimits() throws {
        let m = CSVMetadata(title: "t", model: "calibrated on X", caveats: ["no congestion"], sources: ["a.csv", "b.csv"])
        let json = m.json(forTable: "/tmp/out/coverage.csv")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["@context"] as? String == "http://www.w3.org/ns/csvw")
        #expect(object["url"] as? String == "coverage.csv")
        #expect(object["careaccess:travelModel"] as? String == "calibrated on X")
        #expect(object["careaccess:knownLimitations"] as? [String] == ["no congestion"])
        #expect(object["dc:source"] as? [String] == ["a.csv", "b.csv"])
        #expect(CSVMetadata.path(besides: "x/coverage.csv") == "x/coverage.csv-metadata.json")
        #expect(json == m.json(forTable: "/tmp/out/coverage.csv"))
    }

    @Test func validationReportDrawsTheScatterAndTheMap() throws {
        let t = try CalibratedModelTestsTerritory.make()
        let trips = (1..<t.count).map { ObservedTrip(origin: t.communes[0].place, destination: t.communes[$0].place,
                                                     minutes: Double(5 * $0), originCode: t.communes[0].code,
                                                     destinationCode: t.communes[$0].code, line: $0 + 1) }
        let v = TravelValidation(trips: trips, modelled: trips.map { $0.minutes * 1.1 }, territory: t)
        for language in [ReportLanguage.fr, .en] {
            let html = HTMLReport.travelValidation(v, trips: trips, territory: t, modelSummary: "model M",
                                                   observedSource: "synthetic trips", language: language, date: "2026-12-01")
            #expect(html.contains("<svg class=\"scatter\""))
            #expect(html.components(separatedBy: "class=\"commune\"").count - 1 == t.count)   // one département: every commune
            #expect(html.contains(ReportLabels(language)[.titleTravel]))
            #expect(html.contains("model M"))
        }
    }
}

/// A SYNTHETIC territory of three communes of one département with square boundaries.
enum CalibratedModelTestsTerritory {
    static func make() throws -> Territory {
        var communes: [Commune] = [], boundaries: [MultiPolygon?] = []
        for k in 0..<3 {
            let x = 800_000 + Double(k) * 4_000, y = 6_400_000.0
            communes.append(Commune(code: "0700\(k + 1)", name: "Synthetic \(k)", population: 100, departement: "07",
                                    location: LonLat(lon: 4, lat: 45), point: ProjectedPoint(x: x, y: y), crs: .lambert93,
                                    pointSource: .townHall))
            boundaries.append(MultiPolygon(polygons: [Polygon(exterior: [XY(x: x - 2_000, y: y - 2_000), XY(x: x + 2_000, y: y - 2_000),
                                                                        XY(x: x + 2_000, y: y + 2_000), XY(x: x - 2_000, y: y + 2_000),
                                                                        XY(x: x - 2_000, y: y - 2_000)])]))
        }
        var t = try Territory(communes: communes)
        try t.setBoundaries(boundaries)
        return t
    }
}
