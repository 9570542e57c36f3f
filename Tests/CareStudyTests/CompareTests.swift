import CareIO
import Foundation
import Testing

@testable import CareStudy

struct CompareTests {
    @Test func parsesOptionsAndRejectsBadOnes() throws {
        let f = try CompareFile.parse("""
            rank_by: mean_score
            options:
              - name: A
                events: [{open_site: {commune: "07186", gps: 2}}]
              - name: B
                place: {objective: mclp, k: 3, gps: 1, kind: salaried_centre}
            """, file: "c.yaml", directory: "/tmp")
        #expect(f.rankBy == .meanScore)
        #expect(f.options.map(\.name) == ["A", "B"])
        guard case .place(let p) = f.options[1].content else { Issue.record("not a placement"); return }
        #expect(p == CompareFile.PlaceSpec(objective: .mclp, k: 3, gps: 1, kind: .salariedCentre, line: 6))
        #expect(throws: InputError(file: "c.yaml", line: 3, field: "name", message: "duplicate option name 'A'")) {
            _ = try CompareFile.parse("options:\n  - {name: A, events: []}\n  - {name: A, events: []}\n", file: "c.yaml", directory: "/tmp")
        }
        #expect(throws: InputError.self) {
            _ = try CompareFile.parse("options:\n  - {name: A, place: {objective: magic, k: 1}}\n", file: "c.yaml", directory: "/tmp")
        }
        #expect(throws: InputError.self) {
            _ = try CompareFile.parse("options:\n  - {name: A, place: {k: 0}}\n", file: "c.yaml", directory: "/tmp")
        }
        #expect(throws: InputError.self) {
            _ = try CompareFile.parse("rank_by: vibes\noptions:\n  - {name: A, events: []}\n", file: "c.yaml", directory: "/tmp")
        }
        #expect(throws: InputError.self) { _ = try CompareFile.parse("options: []\n", file: "c.yaml", directory: "/tmp") }
    }

    @Test func ranksEventOptionsAgainstOneBaseline() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("careaccess-compare-\(UInt32.random(in: 0...UInt32.max)).yaml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        // Embedded Ardèche fixture; Valgorge (07329) is the farthest commune from a GP, Privas (07186) has 11.
        try """
            rank_by: mean_minutes
            baseline: {threshold: 10}
            options:
              - name: close Privas
                events: [{close_site: {commune: "07186"}}]
              - name: GP at Valgorge
                events: [{open_site: {commune: "07329", gps: 1}}]
              - name: nothing
                events: []
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let run = try CompareRun.run(path: path)
        #expect(run.results.count == 3)
        #expect(run.results[run.ranking[0]].option.name == "GP at Valgorge")
        #expect(run.results[run.ranking[2]].option.name == "close Privas")
        let nothing = run.results[2].run.comparison.summary
        #expect(nothing.meanMinutesAfter == nothing.meanMinutesBefore)
        #expect(run.table().contains("GP at Valgorge"))
        #expect(run.csv().split(separator: "\n").count == 4)
    }
}
