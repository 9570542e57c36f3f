import CareIO
import CareModel
import Foundation
import Testing
@testable import CareStudy

/// `travel pairs`, `travel validate` and `travel calibrate` as runs of their specs, on the embedded Ardèche
/// territory and the crow-fly model, whose minutes are worked out here from the communes' Lambert-93 points.
@Suite("Travel runs")
struct TravelRunsTests {
    /// A temporary folder with `name` holding `text`.
    static func file(_ name: String, _ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("travel-runs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Crow-fly minutes between two communes of the embedded territory, by hand: straight line × circuity at
    /// the speed.
    static func handMinutes(_ a: String, _ b: String, speedKmh: Double, circuity: Double) throws -> Double {
        let t = try TerritoryInput.load(path: nil).territory
        guard let p = t.communes.first(where: { $0.code == a }), let q = t.communes.first(where: { $0.code == b }) else {
            throw StudyError("no commune \(a) or \(b)")
        }
        let metres = ((p.place.point.x - q.place.point.x) * (p.place.point.x - q.place.point.x)
                      + (p.place.point.y - q.place.point.y) * (p.place.point.y - q.place.point.y)).squareRoot()
        return metres * circuity / (speedKmh * 1000 / 60)
    }

    @Test("pairs: crow-fly minutes between commune codes, as worked out by hand")
    func pairs() throws {
        var spec = TravelPairsRun.Spec(pairsPath: try Self.file("pairs.csv", "origin,destination,tag\n07001,07002,a\n07002,07186,b\n07001,07001,c\n"))
        spec.travel.kind = .crowfly
        spec.travel.speedKmh = 50
        let run = try TravelPairsRun.run(spec)
        #expect(run.minutes.count == 3 && run.minutes[2] == 0)
        let expected = [try Self.handMinutes("07001", "07002", speedKmh: 50, circuity: StudyDefaults.crowFlyCircuity),
                        try Self.handMinutes("07002", "07186", speedKmh: 50, circuity: StudyDefaults.crowFlyCircuity)]
        for k in 0..<2 { #expect(abs(run.minutes[k] - expected[k]) / expected[k] < 0.01, "pair \(k): \(run.minutes[k]) vs \(expected[k])") }
        #expect(run.csv.hasPrefix("origin,destination,tag,minutes\n07001,07002,a,"))
    }

    @Test("validate: the errors are those of the observed against the hand-worked minutes")
    func validate() throws {
        let a = try Self.handMinutes("07001", "07002", speedKmh: 60, circuity: 1.3)
        let b = try Self.handMinutes("07002", "07186", speedKmh: 60, circuity: 1.3)
        // Observed 5 minutes above and 3 below the model.
        let csv = "origin,destination,minutes\n07001,07002,\(a + 5)\n07002,07186,\(b - 3)\n"
        var spec = TravelValidationRun.Spec(observedPath: try Self.file("observed.csv", csv))
        spec.travel.kind = .crowfly
        spec.travel.speedKmh = 60
        spec.travel.circuity = 1.3
        let run = try TravelValidationRun.run(spec)
        #expect(run.observed.trips.count == 2 && !run.inSample && run.notes.isEmpty)
        #expect(abs(run.validation.all.meanAbsoluteError - 4) < 0.05, "MAE \(run.validation.all.meanAbsoluteError)")
        #expect(abs(run.validation.all.bias - (-1)) < 0.05, "bias \(run.validation.all.bias)")
        #expect(run.model.summary.hasPrefix("crow-fly, 60 km/h"))
    }

    @Test("calibrate: threads out of range are refused before any file is read")
    func calibrateThreads() throws {
        var spec = TravelCalibrationRun.Spec(observedPath: "/nonexistent/observed.csv")
        spec.threads = 0
        #expect(throws: ModelError.invalidParameter(name: "--threads", value: "0", reason: "expected a number of worker threads in 1…256")) { try TravelCalibrationRun.run(spec) }
        spec.threads = 2
        // With a valid spec the missing file is the error, naming it.
        #expect { try TravelCalibrationRun.run(spec) } throws: { ($0 as? InputError)?.file == "/nonexistent/observed.csv" }
    }

    @Test("the calibration spec round-trips through JSON with its fit settings")
    func calibrateCodable() throws {
        var spec = TravelCalibrationRun.Spec(observedPath: "o.csv")
        spec.settings.folds = 3
        spec.settings.seed = 7
        spec.threads = 4
        let data = try JSONEncoder().encode(spec)
        #expect(try JSONDecoder().decode(TravelCalibrationRun.Spec.self, from: data) == spec)
    }
}
