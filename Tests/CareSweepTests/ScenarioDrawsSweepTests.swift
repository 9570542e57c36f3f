import CareIO
import CareReport
import CareStudy
import CareModel
import Foundation
import Testing

@testable import CareSweep

/// `scenario --draws N --seed S` and a one-scenario sweep with `draws: N` and `seed: S` are two pipelines (in
/// memory, and through shard files and their merge) that must give the same bands to the last digit.
struct ScenarioDrawsSweepTests {
    @Test(arguments: [1, 2]) func scenarioDrawsEqualTheSweepOfTheScenario(threads: Int) throws {
        let scenario = SweepFixture.fixtures + "/scenarios/creuse-medecins-solidaires.yaml"
        let f = try SweepFixture(yaml: """
            name: one scenario
            scenarios:
              - file: \(scenario)
            draws: 9
            seed: 11
            """)
        defer { f.remove() }
        let engine = try SweepEngine.load(path: f.spec, threads: 1)
        _ = try SweepRunner.runAll(engine, directory: f.folder("out"), jobs: threads)
        let drawn = try ScenarioDraws.run(path: scenario, draws: 9, seed: 11, threads: threads)

        // The sweep's rows start with the group's label (scenario, horizon, option[, draws]): removed, the rest
        // must equal the scenario command's rows byte for byte.
        let g = engine.context.groups[0]
        let label = [CSVWriter.escape(g.scenario), g.horizon.map(String.init) ?? "", CSVWriter.escape(g.option)].joined(separator: ",")
        func sweepRows(_ name: String, prefix: (Int) -> String) throws -> [String] {
            let text = try String(contentsOfFile: f.folder("out/" + name), encoding: .utf8)
            return try text.split(separator: "\n").dropFirst().enumerated().map { k, line in
                let p = prefix(k)
                try #require(line.hasPrefix(p), "\(name): \(line)")
                return String(line.dropFirst(p.count))
            }
        }
        func rows(_ text: String) -> [String] { text.split(separator: "\n").dropFirst().map(String.init) }
        #expect(try sweepRows("bands.csv") { _ in label + ",9," } == rows(drawn.bandsCSV()))
        #expect(try sweepRows("communes.csv") { _ in label + ",9," } == rows(drawn.communesCSV()))
        // tasks.csv: task, label, then draw, seed and the figures (then the sites opened and the placement).
        let tasks = try sweepRows("tasks.csv") { k in "\(k)," + label + "," }
        #expect(zip(tasks, rows(drawn.drawsCSV())).allSatisfy { $0.hasPrefix($1 + ",") })
        #expect(tasks.count == 9)
    }
}
