import Testing

@testable import CareModel

/// Thresholds and catchments are bounded (issue 14, item 1): `--threshold 1e300` would make every pair of France
/// a catchment pair; 180 minutes is the documented limit, the same for coverage, indicators and placement.
@Suite("minutes: threshold and catchment upper bound")
struct MinutesLimitTests {
    @Test func coverageThresholdBeyondTheLimitIsRefused() throws {
        #expect(throws: ModelError.invalidParameter(name: "threshold", value: "1e+300", reason: "must be a finite number of minutes ≥ 0 and at most 180")) {
            _ = try CoverageAnalysis(threshold: 1e300)
        }
        #expect(throws: ModelError.self) { _ = try CoverageAnalysis(threshold: 180.5) }
        #expect(try CoverageAnalysis(threshold: 180).threshold == 180)
        #expect(try CoverageAnalysis(threshold: 0).threshold == 0)
    }

    @Test func catchmentBeyondTheLimitIsRefused() throws {
        #expect(throws: ModelError.invalidParameter(name: "catchment", value: "181.0", reason: "must be a finite number of minutes > 0 and at most 180")) {
            _ = try AccessibilityAnalysis(threshold: 181, method: .twoStep)
        }
        #expect(throws: ModelError.self) { _ = try AccessibilityAnalysis(threshold: 0, method: .twoStep) }
        #expect(try AccessibilityAnalysis(threshold: 180, method: .twoStep).threshold == 180)
    }
}
