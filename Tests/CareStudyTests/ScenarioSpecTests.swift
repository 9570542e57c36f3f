import CareIO
import CareModel
import Foundation
import Testing
@testable import CareStudy

/// The scenario spec: draws, seed and threads beside the file; a run through it is the run of its parts.
@Suite("Scenario spec")
struct ScenarioSpecTests {
    static let creuse = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Fixtures/scenarios/creuse-medecins-solidaires.yaml").standardized.path

    @Test("defaults, JSON round trip, threads refused before the file is read")
    func spec() throws {
        var spec = ScenarioSpec(path: "/nonexistent/s.yaml")
        #expect(spec.seed == StudyDefaults.drawSeed && spec.draws == nil && spec.threads == nil)
        spec.draws = 50
        spec.seed = 9
        #expect(try JSONDecoder().decode(ScenarioSpec.self, from: JSONEncoder().encode(spec)) == spec)
        spec.threads = 0
        #expect(throws: ModelError.invalidParameter(name: "--threads", value: "0", reason: "expected a number of worker threads in 1…256")) { try spec.load() }
    }

    @Test("draws through the spec are the draws of ScenarioDraws with the same seed")
    func draws() throws {
        var spec = ScenarioSpec(path: Self.creuse)
        spec.draws = 8
        spec.seed = 3
        spec.threads = 2
        let loaded = try spec.load()
        #expect(loaded.draws == 8 && loaded.note == nil)
        guard case .draws(let viaSpec) = try spec.run(loaded) else {
            Issue.record("8 draws of a scenario with a random retirement ran once")
            return
        }
        let direct = try ScenarioDraws.run(path: Self.creuse, draws: 8, seed: 3, threads: 1)
        #expect(viaSpec.drawSeeds == direct.drawSeeds && viaSpec.figures == direct.figures)
        #expect(viaSpec.drawSeeds == (0..<8).map { DrawSeeds.drawSeed(sweepSeed: 3, draw: $0) })
    }

    @Test("one draw runs the file's own seeds once")
    func once() throws {
        var spec = ScenarioSpec(path: Self.creuse)
        spec.draws = 1
        guard case .single(let run) = try spec.run(try spec.load()) else {
            Issue.record("--draws 1 ran draws")
            return
        }
        #expect(run.outcome.assumptions.contains { if case .retirementAssumed = $0 { true } else { false } })
    }
}
