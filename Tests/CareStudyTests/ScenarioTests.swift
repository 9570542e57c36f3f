import CareIO
import CareModel
import CareTestSupport
import Foundation
import Testing

@testable import CareStudy

/// Scenario files: parsing errors located by line and key, event semantics, and the real examples.
struct ScenarioFileTests {
    func parse(_ yaml: String) throws -> ScenarioFile {
        try ScenarioFile.parse(yaml, file: "s.yaml", directory: "/tmp")
    }

    @Test func parsesEveryEventKind() throws {
        let f = try parse("""
            name: test
            horizon: 2030
            events:
              - open_site: {commune: "07186", gps: 3, kind: msp, name: MSP}
              - open_site: {x: 800000, y: 6400000, kind: rotating_post}
              - open_site: {commune: "07010", fte: 0.5, months: 6, kind: intern_post}
              - close_site: {commune: "07019"}
              - add_gps: {site: "07186", gps: 2}
              - remove_gps: {commune: "07010", fte: 1}
              - horizon: 2032
              - retire: {age: 67, share: 0.2, seed: 3}
            """)
        #expect(f.scenario.name == "test")
        #expect(f.scenario.horizon == 2030)
        #expect(f.scenario.events.count == 8)
        #expect(f.scenario.events.map(\.line) == [4, 5, 6, 7, 8, 9, 10, 11])
        guard case .openSite(let o) = f.scenario.events[2].action else { Issue.record("not open_site"); return }
        #expect(o.capacity == 0.25)
        guard case .openSite(let r) = f.scenario.events[1].action else { Issue.record("not open_site"); return }
        #expect(r.fte == 1)
        #expect(f.baseline.territoryPath == nil)
    }

    @Test func jsonIsAccepted() throws {
        let f = try parse(#"{"events": [{"close_site": {"site": "07186"}}]}"#)
        #expect(f.scenario.events.count == 1)
    }

    @Test func acceptSupplyGapsIsABaselineFlag() throws {
        #expect(try parse("baseline: {accept_supply_gaps: true}\nevents: []\n").baseline.acceptSupplyGaps)
        #expect(try !parse("events: []\n").baseline.acceptSupplyGaps)
        #expect(throws: InputError(file: "s.yaml", line: 2, field: "accept_supply_gaps", message: "expected true or false")) {
            _ = try parse("baseline:\n  accept_supply_gaps: maybe\nevents: []\n")
        }
    }

    @Test func errorsNameLineAndKey() {
        #expect(throws: InputError(file: "s.yaml", line: 3, field: "colour",
                                   message: "unknown key in open_site (allowed: commune, fte, gps, id, kind, months, name, x, y)")) {
            _ = try parse("events:\n  - open_site: {commune: \"07186\", gps: 1,\n      colour: red}\n")
        }
        #expect(throws: InputError(file: "s.yaml", line: 2, field: "gps", message: "-2.0 must be > 0")) {
            _ = try parse("events:\n  - add_gps: {commune: \"07186\", gps: -2}\n")
        }
        #expect(throws: InputError(file: "s.yaml", line: 2, field: "open_bar", message: "unknown event (expected add_gps, close_site, open_site, remove_gps, retire, horizon)")) {
            _ = try parse("events:\n  - open_bar: {commune: \"07186\"}\n")
        }
        #expect(throws: InputError(file: "s.yaml", line: 1, field: "events", message: "missing: a scenario needs a list of events")) {
            _ = try parse("name: x\n")
        }
        #expect(throws: InputError.self) { _ = try parse("events: [\n") }  // invalid YAML
        #expect(throws: InputError.self) { _ = try parse("") }              // empty
        #expect(throws: InputError.self) { _ = try parse("events:\n  - open_site: {commune: \"07186\", kind: spa, gps: 1}\n") }
        #expect(throws: InputError.self) { _ = try parse("events:\n  - open_site: {commune: \"07186\", gps: 1, fte: 1}\n") }
        #expect(throws: InputError.self) { _ = try parse("baseline: {indicator: best}\nevents: []\n") }
        #expect(throws: InputError.self) { _ = try parse("baseline: {territory: a.csv}\nevents: []\n") }
    }

    @Test func applyingErrorsNameTheLine() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("careaccess-scenario-\(UInt32.random(in: 0...UInt32.max)).yaml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let cases: [(String, InputError)] = [
            ("events:\n  - close_site: {commune: \"07186\"}\n  - close_site: {commune: \"07186\"}\n",
             InputError(file: path, line: 3, field: "close_site", message: "the sites of commune 07186 are already closed (closed on line 2)")),
            ("events:\n  - open_site: {commune: \"99999\", gps: 1}\n",
             InputError(file: path, line: 2, field: "commune", message: "unknown commune code 99999")),
            ("events:\n  - remove_gps: {commune: \"07186\", gps: 500}\n",
             InputError(file: path, line: 2, field: "gps", message: "cannot remove 500 GPs from commune 07186: it has 11")),
            ("events:\n  - open_site: {commune: \"07186\", gps: 2, kind: rotating_post}\n",
             InputError(file: path, line: 2, field: "fte", message: "a rotating post has one GP present at a time (1 FTE), not 2.0")),
            ("events:\n  - close_site: {site: \"07186\"}\n  - add_gps: {site: \"07186\", gps: 1}\n",
             InputError(file: path, line: 3, field: "add_gps", message: "site 07186 is closed (closed on line 2)")),
            ("events:\n  - close_site: {site: \"07186\"}\n  - close_site: {site: \"07186\"}\n",
             InputError(file: path, line: 3, field: "close_site", message: "site 07186 is closed (closed on line 2)")),
            ("events:\n  - close_site: {site: \"no-such-practice\"}\n",
             InputError(file: path, line: 2, field: "site", message: "no site with id no-such-practice")),
            ("events:\n  - add_gps: {commune: \"99999\", gps: 1}\n",
             InputError(file: path, line: 2, field: "commune", message: "unknown commune code 99999")),
            ("events:\n  - add_gps: {commune: \"07186\", gps: -1}\n",
             InputError(file: path, line: 2, field: "gps", message: "-1.0 must be > 0")),
            ("events:\n  - retire: {age: 65}\n",
             InputError(file: path, line: 2, field: "retire", message: "no horizon year: set 'horizon' before a retire event")),
        ]
        for (yaml, expected) in cases {
            try yaml.write(toFile: path, atomically: true, encoding: .utf8)
            #expect(throws: expected) { _ = try ScenarioRun.run(path: path) }
        }
    }
}

struct ScenarioSemanticsTests {
    @Test func openingAGPNeverLowersAccessAndCloseRemovesSupply() throws {
        let study = try Study.load(territoryPath: nil, supplyPath: nil, departements: [])
        let t = study.territory
        let s = Scenario(name: "t", events: [
            ScenarioEvent(.openSite(.init(location: .commune("07329"), kind: .msp, fte: 3))),  // Valgorge, the farthest
            ScenarioEvent(.closeSite(.commune("07186"))),
        ])
        let out = try s.apply(to: study.supply.sites, territory: t)
        #expect(out.sites.count == study.supply.sites.count + 1)
        #expect(out.sites.last?.communeCode == "07329")
        #expect(out.kinds.last == .msp)
        #expect(out.sites.first { $0.id == "07186" }?.gps == 0)
        let eval = try ScenarioEvaluation(threshold: 20, indicator: .enhanced(.step(.drees)), underServed: nil)
        let opened = try Scenario(name: "o", events: [s.events[0]]).apply(to: study.supply.sites, territory: t)
        let cmp = try eval.run(territory: t, communes: study.demand, before: study.supply.sites, after: opened.sites, model: try CrowFlyModel())
        #expect(cmp.rows.allSatisfy { $0.scoreAfter >= $0.scoreBefore * (1 - 1e-12) })
        #expect(cmp.summary.communesGaining > 0)
        let valgorge = try #require(cmp.rows.first { t.communes[$0.commune].code == "07329" })
        #expect(valgorge.minutesAfter == 0)
        #expect(valgorge.minutesBefore > 15)
        #expect(cmp.summary.gpsAfter == cmp.summary.gpsBefore + 3)
    }

    @Test func retirementsByBirthYearAreExactAndSharesAreSeeded() throws {
        let t = try TestTerritory.make()
        var site = SupplySite(id: "A", communeCode: "07001", departement: "07", point: t.communes[0].point, crs: .lambert93, gps: 3)
        site.practitioners = [Practitioner(fte: 1, birthYear: 1960), Practitioner(fte: 1, birthYear: 1970), Practitioner(fte: 1, birthYear: nil)]
        let counted = SupplySite(id: "B", communeCode: "07002", departement: "07", point: t.communes[1].point, crs: .lambert93, gps: 40)
        let s = Scenario(name: "r", horizon: 2030, events: [ScenarioEvent(.retire(.init(age: 67, share: 0.5, seed: 9)))])
        let out = try s.apply(to: [site, counted], territory: t)
        #expect(out.sites[0].gps == 2)  // born 1960: 70 in 2030
        #expect(out.sites[0].practitioners.count == 2)
        let again = try s.apply(to: [site, counted], territory: t)
        #expect(out.sites[1].gps == again.sites[1].gps)  // same seed, same draw
        #expect(out.sites[1].gps > 5 && out.sites[1].gps < 35)
        #expect(out.assumptions == [.retirementAssumed(year: 2030, age: 67, share: 0.5, areaShares: [], seed: 9)])
        #expect(out.assumptions[0].description.hasSuffix("(seed 9). This is an assumption, not data."))
        #expect(out.log == [.retired(age: 67, year: 2030, byBirthYear: 1, byShare: 40 - out.sites[1].gps)])
    }

    @Test func areaSharesOverrideTheGlobalShareCommuneFirst() throws {
        let t = try TestTerritory.make()
        let a = SupplySite(id: "A", communeCode: t.communes[0].code, departement: t.communes[0].departement,
                           point: t.communes[0].point, crs: .lambert93, gps: 50)
        let b = SupplySite(id: "B", communeCode: t.communes[1].code, departement: t.communes[1].departement,
                           point: t.communes[1].point, crs: .lambert93, gps: 50)
        let dep = t.communes[0].departement
        // Commune A: nobody leaves; the rest of A's département: everybody; the global share is never used there.
        let r = ScenarioEvent.Retirement(age: 67, share: 0.5, shares: [dep: 1, t.communes[0].code: 0], seed: 3)
        let out = try Scenario(name: "r", horizon: 2030, events: [ScenarioEvent(.retire(r))]).apply(to: [a, b], territory: t)
        #expect(out.sites[0].gps == 50)
        #expect(t.communes[1].departement == dep)
        #expect(out.sites[1].gps == 0)
        #expect(out.assumptions.contains { $0.description.contains("by area") && $0.description.contains("\(t.communes[0].code): 0") })
        guard case .retirementAssumed(_, _, let share, let areas, _)? = out.assumptions.first else { Issue.record("no assumption"); return }
        #expect(share == 0.5 && areas == [.init(area: dep, share: 1), .init(area: t.communes[0].code, share: 0)].sorted { $0.area < $1.area })
        // Only area shares: sites elsewhere keep their GPs, and the output says so.
        let only = ScenarioEvent.Retirement(age: 67, shares: [t.communes[0].code: 1])
        let out2 = try Scenario(name: "r", horizon: 2030, events: [ScenarioEvent(.retire(only))]).apply(to: [a, b], territory: t)
        #expect(out2.sites.map(\.gps) == [0, 50])
        #expect(out2.assumptions.contains { $0.description.contains("only where an area share is given") })
        #expect(out2.assumptions.contains { $0.text(.fr).contains("seulement là où une part est donnée pour la zone") })
        // Unknown area codes and shares outside 0…1 are errors naming the key.
        for bad in [["99999": 0.5], [t.communes[0].code: 1.5]] {
            let e = ScenarioEvent(.retire(.init(age: 67, shares: bad)), line: 4)
            #expect(throws: ScenarioError.self) { _ = try Scenario(name: "r", horizon: 2030, events: [e]).apply(to: [a, b], territory: t) }
            do {
                _ = try Scenario(name: "r", horizon: 2030, events: [e]).apply(to: [a, b], territory: t)
            } catch {
                #expect(error.line == 4 && error.key == "shares")
            }
        }
    }

    @Test func sharesParseFromYAMLWithLocatedErrors() throws {
        let f = try ScenarioFile.parse("events:\n  - horizon: 2030\n  - retire: {age: 67, shares: {\"23\": 0.3, \"23096\": 0.5}}\n",
                                       file: "s.yaml", directory: "/tmp")
        guard case .retire(let r) = f.scenario.events[1].action else { Issue.record("not a retire event"); return }
        #expect(r.shares == ["23": 0.3, "23096": 0.5])
        #expect(throws: InputError(file: "s.yaml", line: 2, field: "shares", message: "23: expected a finite number")) {
            _ = try ScenarioFile.parse("events:\n  - retire: {age: 67, shares: {\"23\": lots}}\n", file: "s.yaml", directory: "/tmp")
        }
    }
}

/// The committed example scenarios run on their real fixtures.
struct ExampleScenarioTests {
    static let directory = PackageRoot.fixture("scenarios")

    @Test func ardennesHealthHousesRaiseAccess() throws {
        let run = try ScenarioRun.run(path: Self.directory + "/ardennes-maisons-de-sante.yaml")
        let s = run.comparison.summary
        #expect(run.study.demand.count == 447)
        #expect(s.gpsAfter == s.gpsBefore + 8)
        #expect(s.meanScoreAfter > s.meanScoreBefore)
        #expect(s.communesLosing == 0)
        #expect(run.summaryText().contains("MSP de Juniville"))
    }

    @Test func creuseRotatingPostAndRetirements() throws {
        let run = try ScenarioRun.run(path: Self.directory + "/creuse-medecins-solidaires.yaml")
        #expect(run.study.demand.count == 255)
        #expect(run.outcome.kinds.last == .rotatingPost)
        #expect(run.comparison.summary.gpsAfter < run.comparison.summary.gpsBefore)
        #expect(run.summaryText().contains("This is an assumption"))
        let ajain = try #require(run.comparison.rows.first { run.study.territory.communes[$0.commune].code == "23002" })
        #expect(ajain.minutesAfter == 0)
    }

    @Test func ardennesOptionsRankPlacementsAgainstOneBaseline() throws {
        let run = try CompareRun.run(path: Self.directory + "/ardennes-options.yaml")
        #expect(run.results.count == 5)
        let best = run.results[run.ranking[0]]
        #expect(best.run.comparison.summary.populationBelowChange < 0)
        let mclp = try #require(run.results.first { $0.option.name.contains("MCLP") })
        let note = try #require(mclp.placementNote)
        #expect(note.objective == .mclp && note.method == .exact && note.provenOptimal && note.sites.count == 3)
        #expect(note.description.hasSuffix(" [MCLP, exact, proven optimal]") && note.text(.fr).hasSuffix(" [MCLP, exacte, optimum prouvé]"))
        #expect(mclp.run.comparison.summary.newlyCoveredPopulation > 0)
        // Every option adds exactly its GPs to the same baseline.
        #expect(Set(run.results.map { $0.run.comparison.summary.gpsBefore }).count == 1)
    }
}

/// The APL demand and activity keys of a scenario baseline.
struct ScenarioAPLDemandTests {
    func parse(_ yaml: String) throws -> ScenarioFile {
        try ScenarioFile.parse(yaml, file: "s.yaml", directory: "/tmp")
    }

    @Test func aplDefaultsToTheAgeStandardisedDemand() throws {
        let f = try parse("events:\n  - close_site: {site: \"07186\"}\n")
        guard case .apl(let o) = try f.baseline.evaluation(horizon: nil).accessibility.method else { Issue.record("not apl"); return }
        #expect(o.demand == (try APLDefaults.demand()))
        #expect(o.activityPerGP == APLActivityLevel.consultationsPerGP)
        let raw = try parse("baseline: {demand: population, activity_per_gp: 5400}\nevents:\n  - close_site: {site: \"07186\"}\n")
        guard case .apl(let r) = try raw.baseline.evaluation(horizon: nil).accessibility.method else { Issue.record("not apl"); return }
        #expect(r.demand == .population)
        #expect(r.activityPerGP == 5_400)
        #expect(r.activitySource == "activity_per_gp in the scenario file")
    }

    @Test func badKeysAreLocated() {
        let cases: [(String, Int, String, String)] = [
            ("baseline: {indicator: 2sfca, demand: population}\n", 1, "demand", "demand applies to indicator apl, not 2sfca"),
            ("baseline:\n  demand: elderly\n", 2, "demand", "unknown demand 'elderly' (expected age_standardised or population)"),
            ("baseline:\n  indicator: apl\n  activity_per_gp: -1\n", 3, "activity_per_gp", "-1.0 is not a yearly activity per GP in (0, 20000]"),
        ]
        for (baseline, line, field, message) in cases {
            #expect(throws: InputError(file: "s.yaml", line: line, field: field, message: message)) {
                _ = try parse(baseline + "events: [{close_site: {site: a}}]\n")
            }
        }
    }
}
