import CareIO
import CareModel
import CareTestSupport
import Testing

@testable import CareStudy

extension NationalStudyTests {
    /// The real BPE file has no row for Paris: the national study names the gap and, unless accepted, leaves
    /// Paris and the communes reaching it out of the demand; a study of Paris alone has nothing left to score.
    @Test func theParisGapIsNamedAndLeftOutUnlessAccepted() throws {
        let t = try national().territory
        let s = try BPEImporter().importFile(path: SharedData.bpe, territory: t)
        let metro = try t.indices(inDepartements: t.metropolitanDepartements)
        let study = Study(territory: t, supply: s, demand: metro, territorySource: SharedData.communes,
                          supplySource: SharedData.bpe, territoryReport: nil, notes: [.rawDemand])
        let model = try CrowFlyModel()
        let method = AccessibilityMethod.apl(try APLDefaults.options(referenceYear: 2026))
        let (out, line) = try study.handlingSupplyGaps(model: model, catchment: 20, method: method, accepted: false)
        let note = try #require(line)
        guard case .supplyGap(let g) = note else { Issue.record("not a supply-gap note: \(note)"); return }
        #expect(g.gaps == [.init(departement: "75", communes: 20, population: 2_187_526)] && !g.accepted)
        #expect(g.catchment == 20 && !g.nearestDistorted && g.gapCommunes == 20)
        #expect(g.departementsWithSupply == 94 && g.otherDepartements == 94 && g.minimumPopulation == 100_000)
        let text = note.description
        #expect(text.hasPrefix("75 (20 communes, 2,187,526 inhabitants) has no GP in the supply file"))
        #expect(text.contains("left out as no data"))
        #expect(note.text(.fr).hasPrefix("75 Paris (20 communes, 2\u{202F}187\u{202F}526 habitants) n’a aucun médecin"))
        #expect(out.notes == [note, .rawDemand])
        let paris = Set(t.communes.indices.filter { t.communes[$0].departement == "75" })
        #expect(out.demand.allSatisfy { !paris.contains($0) })
        #expect(out.demand.count < metro.count - paris.count)          // and the communes reaching Paris
        let (all, scored) = try study.handlingSupplyGaps(model: model, catchment: 20, method: method, accepted: true)
        #expect(all.demand == metro)
        #expect(scored?.description.contains("Scored anyway (--accept-supply-gaps)") == true)
        var parisOnly = study
        parisOnly.demand = paris.sorted()
        let error = #expect(throws: ModelError.self) {
            _ = try parisOnly.handlingSupplyGaps(model: model, catchment: 20, method: method, accepted: false)
        }
        guard case .emptyDemand(let why)? = error else { Issue.record("no empty-demand error"); return }
        #expect(why.contains("within reach of a supply gap (75)") && why.contains("--accept-supply-gaps"))
    }

    /// Scenarios, comparisons and sweeps give coverage and APL figures: their baseline leaves out the gap's
    /// communes, those its catchment reaches and those for which it is no farther than their nearest GP —
    /// a superset of `access`'s set — unless `accept_supply_gaps: true`.
    @Test func scenarioBaselinesLeaveTheParisGapOut() throws {
        let t = try national().territory
        let s = try BPEImporter().importFile(path: SharedData.bpe, territory: t)
        let metro = try t.indices(inDepartements: t.metropolitanDepartements)
        let study = Study(territory: t, supply: s, demand: metro, territorySource: SharedData.communes,
                          supplySource: SharedData.bpe, territoryReport: nil, notes: [])
        let model = try CrowFlyModel()
        var baseline = ScenarioFile.Baseline()
        let out = try baseline.handlingSupplyGaps(study, model: model)
        let gap = try #require(out.supplyGap)
        #expect(gap.description.contains("whose 20-minute catchment reaches them or for which one of them is no farther than their nearest GP"))
        let method = try baseline.evaluation(horizon: nil).accessibility.method
        let (access, _) = try study.handlingSupplyGaps(model: model, catchment: 20, method: method, accepted: false)
        #expect(Set(out.demand).isSubset(of: Set(access.demand)))
        #expect(out.demand.allSatisfy { t.communes[$0].departement != "75" })
        baseline.acceptSupplyGaps = true
        let all = try baseline.handlingSupplyGaps(study, model: model)
        #expect(all.demand == metro && all.supplyGap?.description.contains("Scored anyway") == true)
    }
}
