import CareIO
import CareReport
import CareTestSupport
import Foundation
import Testing

@testable import CareStudy

/// Costs in comparison files (issue 16, item 1): parsing with located errors, the per-100 k€ figures, the
/// ranking by them, and the cost–benefit chart.
struct CompareCostTests {
    static func parse(_ text: String) throws -> CompareFile { try CompareFile.parse(text, file: "c.yaml", directory: "/tmp") }

    @Test func parsesCostsWithTheFilesYears() throws {
        let f = try Self.parse("""
            cost_years: 5
            options:
              - {name: A, events: [], cost: {investment: 182000}}
              - {name: B, events: [], cost: {yearly: 300000}}
              - {name: C, events: [], cost: {investment: 1000, yearly: 10, years: 2}}
              - {name: D, events: []}
            """)
        #expect(f.options.map { $0.cost?.total } == [182_000, 1_500_000, 1_020, nil])
        #expect(f.options[1].cost?.years == 5)
    }

    @Test(arguments: [
        ("options:\n  - {name: A, events: [], cost: {yearly: 10}}\n", "c.yaml:2: field 'years': a yearly cost needs years (here or cost_years at the top of the file)"),
        ("options:\n  - name: A\n    events: []\n    cost: {investment: -5}\n", "c.yaml:4: field 'investment': -5.0 is not an amount in euros in 0…10,000,000,000"),
        ("options:\n  - {name: A, events: [], cost: {investment: 1e11}}\n", "c.yaml:2: field 'investment': 100000000000.0 is not an amount in euros in 0…10,000,000,000"),
        ("options:\n  - {name: A, events: [], cost: {investment: 5, years: 0}}\n", "c.yaml:2: field 'years': 0 is not a number of years in 1…100"),
        ("cost_years: 500\noptions:\n  - {name: A, events: []}\n", "c.yaml:1: field 'cost_years': 500 is not a number of years in 1…100"),
        ("options:\n  - {name: A, events: [], cost: {}}\n", "c.yaml:2: field 'cost': a cost needs an investment, a yearly cost or both"),
        ("options:\n  - {name: A, events: [], cost: {euros: 5}}\n", "c.yaml:2: field 'euros': unknown key in cost (allowed: investment, yearly, years)"),
        ("rank_by: score_gain_per_100k\noptions:\n  - {name: A, events: [], cost: {investment: 5}}\n  - {name: B, events: []}\n",
         "c.yaml:4: field 'cost': rank_by score_gain_per_100k needs a cost on every option"),
    ])
    func badCostsNameFileLineAndField(text: String, message: String) throws {
        let error = try #require(throws: InputError.self) { try Self.parse(text) }
        #expect(error.description == message)
    }

    /// With raw population and every commune of the territory studied, Σ_i P_i · A_i of a two-step indicator is
    /// the supply of the sites that reach anyone (Σ_i P_i w_ij R_j = S_j): a new site of g GPs adds exactly
    /// g × 10,000 to the 2SFCA gain (GPs per 10,000 inhabitants), whatever the travel model.
    @Test func theIndicatorGainIsTheSupplyAddedAndRanksPerEuro() throws {
        let fixture = PackageRoot.fixture("ardennes")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("careaccess-cost-\(UInt32.random(in: 0...UInt32.max)).yaml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try """
            baseline: {territory: \(fixture)/communes.csv, supply: \(fixture)/gp.csv, indicator: 2sfca, threshold: 10}
            rank_by: score_gain_per_100k
            cost_years: 4
            options:
              - name: three at Rimogne
                events: [{open_site: {commune: "08365", gps: 3, kind: msp}}]
                cost: {investment: 300000}
              - name: two at Signy
                events: [{open_site: {commune: "08420", gps: 2, kind: msp}}]
                cost: {investment: 100000, yearly: 20000}
              - name: one salaried
                events: [{open_site: {commune: "08420", gps: 1, kind: salaried_centre}}]
                cost: {yearly: 90000}
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let run = try CompareRun.run(path: path)
        #expect(run.study.demand.count == run.study.territory.communes.count, "every commune studied")
        let b = run.results.map { $0.benefit }
        for (k, gps) in [3.0, 2, 1].enumerated() {
            let r = try #require(b[k])
            #expect(abs(r.scoreGain - gps * 10_000) < 1e-6 * gps * 10_000, "\(run.results[k].option.name): \(r.scoreGain)")
            #expect(abs((r.scoreGainPerGP ?? 0) - 10_000) < 1e-6)
        }
        // Totals 300,000, 180,000 and 360,000 €: 10,000, 11,111 and 2,778 per 100 k€.
        #expect(b.map { $0?.cost.total } == [300_000, 180_000, 360_000])
        #expect(run.ranking == [1, 0, 2])
        let table = run.table()
        #expect(table.contains("cost k€  ≤T/100k€  2SFCA gain    /100k€       /GP"))
        #expect(table.contains("Cost — two at Signy: 100,000 € investment + 20,000 € a year × 4 years = 180,000 €"))
        #expect(run.csv().split(separator: "\n").first?.hasSuffix(",investment,yearly_cost,cost_years,total_cost,score_gain,newly_covered_per_100k,score_gain_per_100k,score_gain_per_gp") == true)
        let html = HTMLReport.compare(run, language: .en, date: "2026-01-01")
        #expect(html.contains("<svg class=\"cost-benefit\" data-points=\"3\" data-frontier=\"2\""),
                "two at Signy (cheapest) and three at Rimogne (larger gain) are efficient; one salaried is beaten by both")
    }

    /// A scenario file's `cost`: parsed with the same checks, and its lines in the summary (2SFCA identity again).
    @Test func aScenarioCarriesItsCost() throws {
        let fixture = PackageRoot.fixture("ardennes")
        let text = """
            baseline: {territory: \(fixture)/communes.csv, supply: \(fixture)/gp.csv, indicator: 2sfca}
            events: [{open_site: {commune: "08365", gps: 2, kind: msp}}]
            cost: {investment: 50000, yearly: 25000, years: 2}
            """
        let f = try ScenarioFile.parse(text, file: "s.yaml", directory: "/tmp")
        #expect(f.cost?.total == 100_000)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("careaccess-scost-\(UInt32.random(in: 0...UInt32.max)).yaml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let summary = try ScenarioRun.run(path: path).summaryText()
        #expect(summary.contains("Cost: 50,000 € investment + 25,000 € a year × 2 years = 100,000 € (undiscounted)"))
        #expect(summary.contains("20000.0 2SFCA gain; 2SFCA gain 20000 (Σ inhabitants × change), 10000.0 per GP added"), "\(summary)")
        let bad = try #require(throws: InputError.self) {
            try ScenarioFile.parse("events: []\ncost: {yearly: 5}\n", file: "s.yaml", directory: "/tmp")
        }
        #expect(bad.description == "s.yaml:2: field 'years': a yearly cost needs years (here or cost_years at the top of the file)")
    }

    @Test func aComparisonWithoutCostsIsUnchanged() throws {
        let run = try CompareRun.run(path: PackageRoot.fixture("scenarios/ardennes-options.yaml"))
        #expect(run.hasCosts)
        var bare = run
        for k in bare.results.indices { bare.results[k].benefit = nil }
        #expect(!bare.table().contains("cost k€"))
        #expect(!bare.csv().contains("total_cost"))
        #expect(!HTMLReport.compare(bare, language: .en, date: "2026-01-01").contains("cost-benefit"))
    }
}

/// The Occitanie example reads the national files of ../shared: it parses, every option is costed (it ranks per
/// 100 k€), and its yearly costs count over the file's 3 years.
@Suite("Occitanie salaried-centres example", .enabled(if: SharedData.available))
struct OccitanieExampleTests {
    @Test func parsesWithACostOnEveryOption() throws {
        let f = try CompareFile.load(path: PackageRoot.fixture("scenarios/occitanie-centres-salaries.yaml"))
        #expect(f.rankBy == .scoreGainPer100k)
        #expect(f.options.count == 4)
        #expect(f.options.map { $0.cost?.total } == [1_280_000, 1_360_000, 1_240_000, 180_000])
        #expect(f.baseline.departements == ["48"])
        #expect(FileManager.default.fileExists(atPath: try #require(f.baseline.territoryPath)))
    }
}
