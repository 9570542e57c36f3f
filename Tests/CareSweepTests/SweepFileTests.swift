import CareIO
import CareReport
import CareStudy
import CareModel
import Foundation
import Testing

@testable import CareSweep

/// Sweep files: errors name the file, the line and the key, like scenario files; the product is expanded as
/// documented.
struct SweepFileTests {
    func parse(_ yaml: String) throws -> SweepFile { try SweepFile.parse(yaml, file: "s.yaml", directory: SweepFixture.fixtures + "/scenarios") }

    @Test func expandsTheProduct() throws {
        let f = try parse("""
            scenarios:
              - file: creuse-medecins-solidaires.yaml
              - name: deterministic
                events: [{close_site: {commune: "23096"}}]
            horizons: [2030, 2035, 2040]
            draws: 50
            options:
              - {name: a, events: []}
              - {name: b, place: {objective: mclp, k: 2}}
            """)
        #expect(f.scenarios.map(\.scenario.name) == ["Creuse — rotating post at Ajain, retirements by 2030", "deterministic"])
        #expect(f.baseline.departements == ["23"])  // from the scenario file
        #expect(f.baseline.supplyPath?.hasSuffix("Fixtures/creuse/gp.csv") == true)
        #expect(f.draws(ofScenario: 0) == 50 && f.draws(ofScenario: 1) == 1)
        #expect(f.taskCount == 3 * 2 * 50 + 3 * 2 * 1)
        #expect(f.sources.map(\.name) == ["s.yaml", "creuse-medecins-solidaires.yaml"])
        let defaults = try parse("scenarios:\n  - {name: x, events: []}\n")
        #expect(defaults.options.map(\.name) == ["scenario only"] && defaults.draws == 1 && defaults.seed == 1 && defaults.horizons == nil)
    }

    @Test func errorsNameFileLineAndKey() {
        let cases: [(String, InputError)] = [
            ("scenarios:\n  - {name: x, events: []}\ndraw: 5\n",
             InputError(file: "s.yaml", line: 3, field: "draw", message: "unknown key in the sweep (allowed: baseline, draws, horizons, name, options, scenarios, seed)")),
            ("scenarios:\n  - {name: x, events: []}\ndraws: 0\n",
             InputError(file: "s.yaml", line: 3, field: "draws", message: "0 is not a number of draws in 1…1000000")),
            ("scenarios:\n  - {name: x, events: []}\ndraws: many\n",
             InputError(file: "s.yaml", line: 3, field: "draws", message: "expected an integer")),
            ("scenarios:\n  - {name: x, events: []}\nseed: -3\n",
             InputError(file: "s.yaml", line: 3, field: "seed", message: "-3 must be ≥ 0")),
            ("name: x\n", InputError(file: "s.yaml", line: 1, field: "scenarios", message: "expected a non-empty list of scenarios (file: or name: with events:)")),
            ("scenarios:\n  - {name: x, events: []}\n  - {name: x, events: []}\n",
             InputError(file: "s.yaml", line: 3, field: "name", message: "duplicate scenario name 'x' (give each a name:)")),
            ("scenarios:\n  - {name: x}\n", InputError(file: "s.yaml", line: 2, field: "events", message: "missing: scenario 'x' needs a list of events")),
            ("scenarios:\n  - {events: []}\n", InputError(file: "s.yaml", line: 2, field: "name", message: "a scenario needs file: (a scenario file) or name: with events:")),
            ("scenarios:\n  - file: creuse-medecins-solidaires.yaml\n    events: []\n",
             InputError(file: "s.yaml", line: 3, field: "events", message: "a scenario from a file takes its events and horizon from the file (give name only)")),
            ("scenarios:\n  - {name: x, events: []}\nhorizons: [2030, 2030]\n",
             InputError(file: "s.yaml", line: 3, field: "horizons", message: "2030 is listed twice")),
            ("scenarios:\n  - {name: x, events: []}\nhorizons: [20300]\n",
             InputError(file: "s.yaml", line: 3, field: "horizons", message: "expected a year in 1900…2200")),
            ("scenarios:\n  - name: x\n    horizon: 2026\n    events:\n      - horizon: 2030\n      - retire: {age: 67, share: 0.1}\nhorizons: [2030]\n",
             InputError(file: "s.yaml", line: 7, field: "horizons", message: "scenario 'x' sets several years (2026 on line ?, 2030 on line 5): a sweep over horizons replaces its year, so give it once")),
            ("scenarios:\n  - {name: x, events: []}\noptions:\n  - {name: a, events: [], cost: {investment: 5}}\n",
             InputError(file: "s.yaml", line: 4, field: "cost", message: "unknown key in an option (allowed: events, name, place)")),
            ("scenarios:\n  - {name: x, events: [{open_bar: {}}]}\n",
             InputError(file: "s.yaml", line: 2, field: "open_bar", message: "unknown event (expected add_gps, close_site, open_site, remove_gps, retire, horizon)")),
            ("scenarios:\n  - {name: x, events: []}\noptions:\n  - {name: a, events: []}\n  - {name: a, events: []}\n",
             InputError(file: "s.yaml", line: 5, field: "name", message: "duplicate option name 'a'")),
            ("scenarios:\n  - {name: x, events: []}\noptions:\n  - {name: a, place: {objective: magic, k: 1}}\n",
             InputError(file: "s.yaml", line: 4, field: "objective", message: "unknown objective 'magic' (expected access, mclp, pcenter, pmedian)")),
            ("baseline: {threshold: 10, territory: ../creuse/communes.csv, supply: ../creuse/gp.csv, departements: [\"23\"]}\nscenarios:\n  - file: creuse-medecins-solidaires.yaml\n",
             InputError(file: "s.yaml", line: 3, field: "file", message: "creuse-medecins-solidaires.yaml has another baseline than the sweep (threshold: 10.0 ≠ 20.0): a sweep has one baseline")),
            ("scenarios:\n  - {name: x, events: [{retire: {age: 67, share: 0.1}}]}\ndraws: 1000000\noptions:\n" + (0..<101).map { "  - {name: o\($0), events: []}\n" }.joined(),
             InputError(file: "s.yaml", line: 3, field: "draws", message: "the sweep expands to more than 100,000,000 tasks: split it")),
        ]
        for (yaml, expected) in cases {
            #expect(throws: expected, "\(yaml)") { _ = try parse(yaml) }
        }
        // A missing scenario file: named with its path (the reason is the system's).
        let missing = #expect(throws: InputError.self) { _ = try parse("scenarios:\n  - file: no-such.yaml\n") }
        #expect(missing?.file == SweepFixture.fixtures + "/scenarios/no-such.yaml")
        #expect(missing?.message.hasPrefix("cannot read file: ") == true)
    }

    @Test func errorsInEventsAreLocatedWhenTheSweepLoads() throws {
        // An unknown commune in an option: refused at load (before any task), naming the sweep file and line.
        let f = try SweepFixture(yaml: SweepFixture.small.replacingOccurrences(of: "commune: \"23165\"", with: "commune: \"99999\""))
        defer { f.remove() }
        #expect(throws: InputError(file: f.spec, line: 20, field: "commune", message: "unknown commune code 99999")) {
            _ = try SweepEngine.load(path: f.spec)
        }
    }
}
