import CareModel
import CareReport
import CareStudy
import Testing

@testable import CareIO

/// Outputs name the build that made them (issue 12, item 7): the CSV sidecar's creator and the report's footer.
struct VersionTests {
    @Test func csvMetadataAndReportsCarryTheVersion() throws {
        #expect(CareAccessVersion.current.split(separator: ".").count == 3)
        let json = CSVMetadata(title: "t", model: nil).json(forTable: "out.csv")
        #expect(json.contains("\"dc:creator\" : \"CareAccess \(CareAccessVersion.current)\""))
        let study = try Study.load(territoryPath: nil, supplyPath: nil, departements: [])
        let result = try CoverageAnalysis(threshold: 20)
            .run(territory: study.territory, communes: study.demand, sites: study.supply.sites, model: try CrowFlyModel())
        for language in [ReportLanguage.fr, .en] {
            let html = HTMLReport.coverage(result, study: study, language: language, date: "2026-12-02")
            #expect(html.contains("CareAccess \(CareAccessVersion.current)"), "\(language)")
        }
    }
}
