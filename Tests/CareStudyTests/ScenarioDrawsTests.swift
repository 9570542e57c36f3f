import CareIO
import CareKernel
import CareModel
import CareTestSupport
import Foundation
import Testing

@testable import CareStudy

/// `scenario --draws`: bands over Monte-Carlo draws of assumed retirements, on the real Creuse fixture.
struct ScenarioDrawsTests {
    static let fixtures = PackageRoot.path + "/Fixtures"

    /// A scenario with one random retirement (share 0.2) and a site opened, on the Creuse fixture.
    static func scenarioFile() throws -> (path: String, cleanup: () -> Void) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("careaccess-draws-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/s.yaml"
        try """
            name: draws test
            horizon: 2030
            baseline: {territory: \(fixtures)/creuse/communes.csv, supply: \(fixtures)/creuse/gp.csv, departements: ["23"]}
            events:
              - open_site: {commune: "23002", kind: rotating_post}
              - retire: {age: 67, share: 0.2, seed: 5}
            """.write(toFile: path, atomically: true, encoding: .utf8)
        return (path, { try? FileManager.default.removeItem(atPath: dir) })
    }

    @Test func bandsDoNotDependOnThreads() throws {
        let (path, cleanup) = try Self.scenarioFile()
        defer { cleanup() }
        let one = try ScenarioDraws.run(path: path, draws: 12, seed: 3, threads: 1)
        let two = try ScenarioDraws.run(path: path, draws: 12, seed: 3, threads: 2)
        #expect(one.threads == 1 && two.threads == 2)
        #expect(one.bands == two.bands)
        #expect(one.communesCSV() == two.communesCSV())
        #expect(one.bandsCSV() == two.bandsCSV())
        #expect(one.drawsCSV() == two.drawsCSV())
        #expect(one.summaryText() == two.summaryText())
        // The draws differ: the assumed share makes the GP count vary across draws.
        let gps = one.bands(of: .gps)
        #expect(gps.min < gps.max)
        // Another seed gives other draws.
        let other = try ScenarioDraws.run(path: path, draws: 12, seed: 4, threads: 2)
        #expect(other.figures != one.figures)
    }

    /// Brute force: every draw run on its own as a one-draw scenario (its retirements reseeded by hand from the
    /// rule in ``DrawSeeds``), then bands and probabilities counted directly.
    @Test func bandsEqualDrawsRunOneByOne() throws {
        let (path, cleanup) = try Self.scenarioFile()
        defer { cleanup() }
        let draws = 9, seed: UInt64 = 21
        let drawn = try ScenarioDraws.run(path: path, draws: draws, seed: seed, threads: 2)
        let file = try ScenarioFile.load(path: path)
        let study = try file.baseline.study()
        let (model, _) = try file.baseline.model(for: study)
        var runs: [ScenarioRun] = []
        for d in 0..<draws {
            var f = file
            let drawSeed = SplitMix64.mix(SplitMix64.mix(seed) ^ UInt64(d))
            f.scenario.events = f.scenario.events.map { e in
                var e = e
                if case .retire(var r) = e.action {
                    r.seed = SplitMix64.mix(drawSeed ^ SplitMix64.mix(5))
                    e.action = .retire(r)
                }
                return e
            }
            runs.append(try ScenarioRun.run(file: f, study: study, path: path, model: model))
        }
        #expect(drawn.drawSeeds == (0..<draws).map { DrawSeeds.drawSeed(sweepSeed: seed, draw: $0) })
        let below = runs.map { Double($0.comparison.summary.populationBelowAfter) }.sorted()
        let b = drawn.bands(of: .populationBelow)
        #expect(b.min == below[0] && b.max == below[draws - 1])
        #expect(b.p50 == below[4])   // R-7 median of 9 values: the 5th
        #expect(abs(b.mean - below.reduce(0, +) / Double(draws)) < 1e-9)
        #expect(drawn.baseline(of: .populationBelow) == Double(runs[0].comparison.summary.populationBelowBefore))
        let rows = runs[0].comparison.rows
        for k in rows.indices {
            let under = runs.count { $0.comparison.rows[k].scoreAfter < 2.5 }
            let beyond = runs.count { !$0.comparison.rows[k].withinAfter }
            #expect(drawn.bands.probabilityBelow?[k] == Double(under) / Double(draws))
            #expect(drawn.bands.probabilityBeyond[k] == Double(beyond) / Double(draws))
            let scores = runs.map { $0.comparison.rows[k].scoreAfter }
            #expect(drawn.bands.scores[k] == Bands(scores))
        }
        #expect(drawn.first.outcome.log == runs[0].outcome.log)
    }

    @Test func drawCountFollowsTheScenario() throws {
        let random = Scenario(name: "r", events: [ScenarioEvent(.retire(.init(age: 67, share: 0.1)))])
        let fixed = Scenario(name: "f", events: [ScenarioEvent(.retire(.init(age: 67)))])
        #expect(try ScenarioDraws.drawCount(requested: nil, scenario: random) == (ScenarioDraws.defaultDraws, nil))
        #expect(try ScenarioDraws.drawCount(requested: 1, scenario: random).draws == 1)
        #expect(try ScenarioDraws.drawCount(requested: 50, scenario: random).draws == 50)
        #expect(try ScenarioDraws.drawCount(requested: nil, scenario: fixed) == (1, nil))
        let (n, note) = try ScenarioDraws.drawCount(requested: 50, scenario: fixed)
        #expect(n == 1 && note?.contains("no event drawn at random") == true)
        #expect(throws: InputError(file: "--draws", message: "0 is not in 1…100,000")) {
            try ScenarioDraws.drawCount(requested: 0, scenario: random)
        }
        #expect(throws: InputError(file: "--draws", message: "1000000 is not in 1…100,000")) {
            try ScenarioDraws.drawCount(requested: 1_000_000, scenario: random)
        }
    }

    /// The values kept in memory are bounded before any draw runs.
    @Test func memoryIsBoundedBeforeRunning() {
        #expect(throws: InputError(file: "--draws", message: "2,000 draws × 34,935 communes exceed 40,000,000 values held in memory: at most 1,144 draws here; use `careaccess sweep` (sharded) for more")) {
            try ScenarioDraws.check(draws: 2000, communes: 34_935)
        }
        #expect((try? ScenarioDraws.check(draws: 1144, communes: 34_935)) != nil)
    }

    @Test(.enabled(if: CareAccessBinary.path != nil)) func cliRefusesBadDrawsInOneLine() throws {
        let (path, cleanup) = try Self.scenarioFile()
        defer { cleanup() }
        let r = try CareAccessBinary.run(["scenario", path, "--draws", "0"])
        #expect(r.status != 0)
        #expect(r.stderr == "error: --draws: 0 is not in 1…100,000\n")
    }
}
