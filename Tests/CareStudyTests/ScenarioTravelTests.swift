import CareIO
import Foundation
import Testing

@testable import CareStudy

/// The scenario baseline's travel model: calibrated by default, crow-fly with speed/circuity, a road network or
/// an OD matrix when asked.
struct ScenarioTravelTests {
    func parse(_ yaml: String) throws -> ScenarioFile {
        try ScenarioFile.parse(yaml, file: "s.yaml", directory: "/data/study")
    }

    private let events = "events:\n  - close_site: {commune: \"07186\"}\n"

    @Test func calibratedIsTheDefaultSpeedAndCircuitySelectCrowFly() throws {
        #expect(try parse(events).baseline.travel == TravelModelSpec())
        #expect(TravelModelSpec().kind == .calibrated && TravelModelSpec().modelPath == nil)
        let c = try parse("baseline: {travel: calibrated, model: models/m.json}\n" + events).baseline.travel
        #expect(c.kind == .calibrated && c.modelPath == "/data/study/models/m.json")
        #expect(throws: InputError(file: "s.yaml", line: 1, field: "speed",
                                   message: "speed and circuity set the crow-fly model: use them with travel: crowfly (or alone)")) {
            _ = try parse("baseline: {travel: calibrated, speed: 50}\n" + events)
        }
        #expect(throws: InputError(file: "s.yaml", line: 1, field: "model",
                                   message: "a calibrated model file needs travel: calibrated (the default)")) {
            _ = try parse("baseline: {travel: crowfly, model: m.json}\n" + events)
        }
        let f = try parse("baseline: {travel: network, network: n.osm, speed_factor: 0.7}\n" + events).baseline.travel
        #expect(f.networkSpeedFactor == 0.7)
        let t = try parse("baseline: {speed: 50, circuity: 1.2}\n" + events).baseline.travel
        #expect(t.kind == .crowfly && t.speedKmh == 50 && t.circuity == 1.2)
        #expect(t.label == "crow-fly 50 km/h × 1.20")
    }

    @Test func networkAndMatrixPathsResolveAgainstTheFile() throws {
        let n = try parse("baseline: {travel: network, network: roads/07.osm.pbf, access_speed: 10, snap_limit: 500}\n" + events)
            .baseline.travel
        #expect(n.kind == .network && n.networkPath == "/data/study/roads/07.osm.pbf")
        #expect(n.accessSpeedKmh == 10 && n.snapLimitMetres == 500)
        let m = try parse("baseline: {travel: matrix, matrix: /abs/od.csv, symmetric_matrix: true}\n" + events).baseline.travel
        #expect(m.kind == .matrix && m.matrixPath == "/abs/od.csv" && m.symmetricMatrix)
    }

    @Test func travelErrorsNameLineAndKey() {
        #expect(throws: InputError(file: "s.yaml", line: 2, field: "travel",
                                   message: "unknown travel model 'bike' (expected calibrated, crowfly, network or matrix)")) {
            _ = try parse("baseline:\n  travel: bike\n" + events)
        }
        #expect(throws: InputError(file: "s.yaml", line: 2, field: "network",
                                   message: "travel: network needs a network file (network: FILE)")) {
            _ = try parse("baseline:\n  travel: network\n" + events)
        }
        #expect(throws: InputError(file: "s.yaml", line: 3, field: "matrix",
                                   message: "a network or matrix file needs travel: network or travel: matrix")) {
            _ = try parse("baseline:\n  speed: 50\n  matrix: od.csv\n" + events)
        }
        #expect(throws: InputError(file: "s.yaml", line: 2, field: "speed", message: "-5.0 must be > 0 km/h")) {
            _ = try parse("baseline:\n  speed: -5\n" + events)
        }
        #expect(throws: InputError(file: "s.yaml", line: 2, field: "symmetric_matrix", message: "expected true or false")) {
            _ = try parse("baseline:\n  symmetric_matrix: maybe\n" + events)
        }
    }

    /// A hand-made OD matrix on the embedded Ardèche fixture: Accons (07001, no GP) is 25 min from Privas
    /// (07186, 11 GPs); every other pair is missing, hence unreachable, except a commune's own GPs (0 min: the
    /// reader's self-pair rule). Opening a GP at Accons brings it to 0 min and within 20 min.
    @Test func matrixBaselineDrivesTheScenario() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("careaccess-travel-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "origin,destination,minutes\n07001,07186,25\n07186,07186,0\n07001,07001,0\n"
            .write(to: dir.appendingPathComponent("od.csv"), atomically: true, encoding: .utf8)
        let yaml = dir.appendingPathComponent("s.yaml").path
        try """
            name: GP at Accons, matrix times
            baseline: {travel: matrix, matrix: od.csv, threshold: 20, accept_partial_travel: true}   # 1 of 335 communes: partial on purpose
            events:
              - open_site: {commune: "07001", gps: 1, kind: health_centre}
            """.write(toFile: yaml, atomically: true, encoding: .utf8)
        let run = try ScenarioRun.run(path: yaml)
        let accons = try #require(run.study.territory.index(ofCode: "07001"))
        let privas = try #require(run.study.territory.index(ofCode: "07186"))
        let rows = Dictionary(uniqueKeysWithValues: run.comparison.rows.map { ($0.commune, $0) })
        let a = try #require(rows[accons]), p = try #require(rows[privas])
        #expect(a.minutesBefore == 25 && !a.withinBefore)
        #expect(a.minutesAfter == 0 && a.withinAfter)
        #expect(p.minutesBefore == 0 && p.minutesAfter == 0)
        // Every other studied commune reaches only its own GPs (0 min) or nothing, before and after.
        let others = run.comparison.rows.filter { $0.commune != accons && $0.commune != privas }
        #expect(others.allSatisfy { $0.minutesBefore == $0.minutesAfter && ($0.minutesBefore == 0 || $0.minutesBefore == .infinity) })
        #expect(others.contains { $0.minutesBefore == .infinity } && others.contains { $0.minutesBefore == 0 })
        #expect(run.comparison.summary.newlyCoveredCommunes == 1)
        #expect(run.travelNotes.contains { if case .matrixPairs = $0 { true } else { false } })
        #expect(run.travelNotes.contains { if case .partialTravelInput(let p) = $0 { p.input == .odMatrix && p.communes == 1 && p.studied == 335 && p.handling == .accepted } else { false } })
        #expect(run.summaryText().contains("OD matrix od.csv"))
    }
}
