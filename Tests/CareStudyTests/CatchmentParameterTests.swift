import CareModel
import Foundation
import Testing

@testable import CareStudy

/// The indicator's catchment is its own parameter (issue 12, item 3): it no longer follows the coverage
/// threshold, bands beyond it are refused, and every scenario and comparison states it.
struct CatchmentParameterTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/scenarios").path

    func parse(_ yaml: String) throws -> ScenarioFile {
        try ScenarioFile.parse(yaml, file: "s.yaml", directory: "/tmp")
    }

    @Test func theCatchmentDoesNotFollowTheThreshold() throws {
        let events = "events:\n  - close_site: {site: \"07186\"}\n"
        let ten = try parse("baseline: {threshold: 10}\n" + events).baseline.evaluation(horizon: nil)
        #expect(ten.coverage.threshold == 10)
        #expect(ten.accessibility.threshold == 20)
        let wide = try parse("baseline: {threshold: 10, catchment: 30}\n" + events).baseline.evaluation(horizon: nil)
        #expect(wide.accessibility.threshold == 30)
        let plain = try parse(events).baseline.evaluation(horizon: nil)
        #expect(plain.coverage.threshold == 20 && plain.accessibility.threshold == 20)
    }

    @Test func aWeightBandBeyondTheCatchmentIsAnError() throws {
        // The DREES bands end at 20 minutes: a 10-minute catchment would cut them silently.
        #expect(throws: ModelError.self) {
            _ = try AccessibilityAnalysis(threshold: 10, method: .enhanced(.step(.drees)))
        }
        let error = #expect(throws: ModelError.self) {
            _ = try AccessibilityAnalysis(threshold: 15, method: .apl(APLOptions(referenceYear: 2026)), underServed: 2.5)
        }
        guard case .invalidParameter(let name, let value, let reason)? = error else {
            Issue.record("a 15-minute APL catchment was accepted")
            return
        }
        #expect(name == "catchment")
        #expect(value == "15")
        #expect(reason.contains("reach 20 min"))
        // Bands within the catchment (Luo & Qi's thirds of it, or DREES's at 20 or more) are fine.
        _ = try AccessibilityAnalysis(threshold: 10, method: .enhanced(.step(.luoQi(threshold: 10))))
        _ = try AccessibilityAnalysis(threshold: 30, method: .enhanced(.step(.drees)))
        // In a scenario file, the error names the catchment too.
        #expect(throws: ModelError.self) {
            _ = try parse("baseline: {catchment: 10}\nevents:\n  - close_site: {site: \"07186\"}\n").baseline.evaluation(horizon: nil)
        }
    }

    @Test func scenariosAndComparisonsStateTheirParameters() throws {
        let run = try ScenarioRun.run(path: Self.directory + "/ardennes-maisons-de-sante.yaml")
        #expect(run.summaryText().contains(
            "Parameters: coverage threshold 20 min; APL (DREES weights <10 min: 1, <15 min: 0.667, <20 min: 0.333), catchment 20 min, under-served below 2.50"))
        let compare = try CompareRun.run(path: Self.directory + "/ardennes-options.yaml")
        #expect(compare.table().contains(
            "Parameters: coverage threshold 10 min; APL (DREES weights <10 min: 1, <15 min: 0.667, <20 min: 0.333), catchment 20 min, under-served below 2.50"))
    }
}
