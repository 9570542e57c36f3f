import CareModel
import CareStudy
import CareTestSupport
import Foundation
import Testing

@testable import CareReport

/// The shipped département names: one per département of the age structure, spelt as INSEE does.
struct DepartementNamesTests {
    @Test func everyDepartementHasItsName() throws {
        #expect(DepartementNames.table.count == 101)
        #expect(DepartementNames.name("07") == "Ardèche")
        #expect(DepartementNames.name("2A") == "Corse-du-Sud" && DepartementNames.name("2B") == "Haute-Corse")
        #expect(DepartementNames.name("974") == "La Réunion" && DepartementNames.name("976") == "Mayotte")
        #expect(DepartementNames.name("20") == nil && DepartementNames.label("99") == "99")
        // The same codes as the age structure the APL ships.
        let structure = try String(contentsOfFile: PackageRoot.fixture("population/age-structure-departement.csv"), encoding: .utf8)
        let codes = Set(structure.split(separator: "\n").dropFirst().compactMap { $0.split(separator: ",").dropFirst().first.map(String.init) })
        #expect(codes == Set(DepartementNames.table.keys))
    }

    @Test func rowsThatAreNotACodeAndANameAreLeftOut() {
        #expect(DepartementNames.parse("departement,name\n07,Ardèche\n,Nowhere\n08\n1234,Too long\n") == ["07": "Ardèche"])
    }

    @Test func reportsNameTheirDepartements() throws {
        let study = try Study.load(territoryPath: nil, supplyPath: nil, departements: [])
        let result = try CoverageAnalysis(threshold: 20).run(territory: study.territory, communes: study.demand,
                                                             sites: study.supply.sites, model: try CrowFlyModel())
        #expect(HTMLReport.coverage(result, study: study, language: .fr).contains("(07 Ardèche)"))
    }
}
