import CareModel
import CareStudy
import Foundation
import Testing

@testable import CareReport

/// French reports are in French: every note, input line and model description is rendered from its figures
/// (``CareModel/Diagnostic``, ``CareModel/AccessibilityResult/Input/Detail``, ``CareModel/TravelModelSummary``),
/// so the visible text of a French report holds no English words; the English report of the same run does.
struct FrenchReportTextTests {
    /// English words that French prose does not use; matched as whole words in the visible text.
    static let englishWords: Set<String> = [
        "the", "of", "and", "with", "are", "is", "their", "inhabitants", "calibrated", "crow-fly", "held-out",
        "demand", "supply", "note", "notes", "excluded", "studied", "trips", "error", "median", "per", "anglais", "english",
    ]

    /// The words of `html`'s visible text (tags, styles and scripts out; command-line flags and paths out: they
    /// are not prose) that are in ``englishWords``.
    static func englishWords(in html: String) -> [String] {
        var text = html
        for pattern in [#"<style.*?</style>"#, #"<script.*?</script>"#, #"<[^>]+>"#, #"--[a-z-]+"#, #"\S*/\S*"#] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: [.regularExpression])
        }
        let words = text.lowercased().components(separatedBy: CharacterSet.letters.union(CharacterSet(charactersIn: "-")).inverted)
        return words.filter { englishWords.contains($0) }
    }

    static func aplRun(model: any TravelTimeModel) throws -> (AccessibilityResult, Study) {
        let study = try Study.load(territoryPath: nil, supplyPath: nil, departements: [])
        let r = try AccessibilityAnalysis(threshold: 20, method: .apl(try APLDefaults.options(referenceYear: 2026)), underServed: 2.5)
            .run(territory: study.territory, communes: study.demand, sites: study.supply.sites, model: model)
        return (r, study)
    }

    @Test func theEmbeddedAPLReportIsInFrench() throws {
        let (model, travelNotes) = try TravelModelSpec().make(for: try Study.load(territoryPath: nil, supplyPath: nil, departements: []))
        var (r, study) = try Self.aplRun(model: model)
        study.notes += travelNotes
        let fr = HTMLReport.accessibility(r, study: study, language: .fr, date: "2026-01-01")
        #expect(Self.englishWords(in: fr).isEmpty, "English in the French report: \(Set(Self.englishWords(in: fr)).sorted())")
        #expect(fr.contains("calé sur les temps observés METRIC 2019 (DREES)"))
        #expect(fr.contains("standardisée par l’âge selon la structure par âge du département"))
        #expect(fr.contains("Données embarquées : les communes de l’Ardèche (07)"))
        // The check can fail: the English report of the same run is caught.
        let en = HTMLReport.accessibility(r, study: study, language: .en, date: "2026-01-01")
        #expect(Set(Self.englishWords(in: en)).isSuperset(of: ["calibrated", "demand", "the"]))
    }

    @Test func theEmbeddedCoverageReportIsInFrench() throws {
        let study = try Study.load(territoryPath: nil, supplyPath: nil, departements: [])
        let result = try CoverageAnalysis(threshold: 20).run(territory: study.territory, communes: study.demand,
                                                             sites: study.supply.sites, model: try CrowFlyModel())
        let fr = HTMLReport.coverage(result, study: study, language: .fr)
        #expect(Self.englishWords(in: fr).isEmpty, "English in the French report: \(Set(Self.englishWords(in: fr)).sorted())")
        #expect(fr.contains("à vol d’oiseau, 60 km/h, facteur de détour 1,3"))
    }

    /// GP counts agree with their number (French: singular below 2), and the travel model and the scenario
    /// parameters read in French.
    @Test func countsLabelsAndParametersAgreeInFrench() throws {
        let fr = ReportLabels(.fr), en = ReportLabels(.en)
        #expect([fr.gps(1), fr.gps(0.5), fr.gps(2), fr.gps(1_234)] == ["1 médecin", "0,5 médecin", "2 médecins", "1\u{202F}234 médecins"])
        #expect([en.gps(1), en.gps(0.5), en.gps(2)] == ["1 GP", "0.5 GPs", "2 GPs"])
        var spec = TravelModelSpec()
        #expect(spec.label(.fr) == "calé sur METRIC 2019 (DREES)" && spec.label(.en) == spec.label)
        spec.kind = .crowfly
        #expect(spec.label(.fr) == "à vol d’oiseau 60 km/h × 1,3")
        let method = AccessibilityMethod.apl(try APLDefaults.options(referenceYear: 2026))
        #expect(method.decayDescription(.fr) == "poids DREES <10 min : 1, <15 min : 0,667, <20 min : 0,333")
        #expect(method.decayDescription(.en) == method.decayDescription)
    }

    /// Every case renders in both languages, differently, and English is the terminal's text.
    @Test func everyDiagnosticHasBothLanguages() {
        let place = Diagnostic.Place(name: "Le Béage", code: "07026")
        let gap = Diagnostic.SupplyGapNote(gaps: [.init(departement: "75", communes: 20, population: 2_187_526)],
                                           departementsWithSupply: 94, otherDepartements: 94, minimumPopulation: 100_000,
                                           catchment: 20, nearestDistorted: true, gapCommunes: 20, reachingCommunes: 72,
                                           reachingPopulation: 3_304_695, accepted: false)
        let all: [Diagnostic] = [
            .embeddedFixture(bufferKm: 35), .supplyCountsOtherUnits(file: "m.csv", provenance: "maternity units (D107)", unit: "D107"),
            .overseasExcluded(communes: 129, population: 1_885_206, departements: ["971"]),
            .suspiciousSupply(minimumPopulation: 20_000, communes: [place]),
            .unknownSupplyCodes(count: 30, units: 34, unitNoun: "GPs", shown: ["14513"]),
            .codesWithoutLeadingZero(count: 1, example: "7026", code: "07026"), .supplyGap(gap),
            .islands(count: 1, examples: [place]), .zoneWithoutObservedTrips(communes: 3),
            .communesWithoutArea(communes: 2, fallbackDensity: 50),
            .ageStandardisedDemand(bands: 20, year: 2021, meanWeight: 1.0031, indices: .single(1.098, departement: "23")),
            .rawDemand, .noAgeStructure(departements: ["975"], communes: 1, population: 5_000), .gpCountsOnly(sites: 4),
            .uncappedCentres(sites: 2), .practitionersExcluded(count: 3, age: 65, year: 2026), .sitesReachNoDemand(sites: 1, minutes: 20),
            .matrixPairs(112_225), .sitesOutsideMatrix(3), .communesOffRoad(count: 7, limitMetres: 2_000, examples: [place]),
            .communesInOtherCRS(count: 2, crs: "EPSG:2154"), .sitesOffNetwork(count: 4, sites: 120, limitMetres: 2_000),
            .componentsDropped(keptNodes: 10_000, droppedNodes: 52, components: 3),
            .partialTravelInput(.init(input: .roadNetwork, communes: 2, studied: 335, population: 1_200, studiedPopulation: 328_000, handling: .scoresPairs)),
            .partialTravelInput(.init(input: .odMatrix, communes: 300, studied: 335, population: 300_000, studiedPopulation: 328_000, handling: .accepted)),
            .unreachableTrips(12),
        ]
        for d in all {
            #expect(d.description == d.text(.en))
            #expect(d.text(.fr) != d.text(.en), "\(d)")
            #expect(Self.englishWords(in: d.text(.fr)).isEmpty, "\(d.text(.fr))")
            #expect(!Self.englishWords(in: d.text(.en)).isEmpty || d.text(.en).count < 40, "\(d.text(.en))")
        }
        #expect(Diagnostic.overseasExcluded(communes: 129, population: 1_885_206, departements: ["971", "972"]).description
                == "Excluded 129 communes (1,885,206 inhabitants) in 971, 972: the supply has no GP site in their projected CRS zone.")
        #expect(Diagnostic.partialTravelInput(.init(input: .odMatrix, communes: 2, studied: 335, population: 1_200, studiedPopulation: 328_000,
                                                    handling: .scoresPairs)).description
                == "Partial travel input: the OD matrix covers 2 of the 335 studied communes (1,200 of 328,000 inhabitants, 0.4 %); trips with an end outside it are unreachable by it, counted as such and left out of the errors.")
        #expect(Diagnostic.supplyGap(gap).text(.fr).contains("pour lesquelles l’une d’elles n’est pas plus loin que leur médecin le plus proche"))
    }
}
