import CareModel
import Foundation
import Testing
@testable import CareStudy

/// The study specification: its defaults are ``StudyDefaults``', it is `Codable` (a spec written as JSON reads
/// back equal), and scenario files decode their baseline into it.
@Suite("Study specification")
struct StudySpecTests {
    @Test("defaults come from StudyDefaults")
    func defaults() {
        let spec = StudySpec()
        #expect(spec.threshold == StudyDefaults.coverageThreshold && spec.indicatorCatchment == StudyDefaults.catchment)
        #expect(spec.travel.kind == .calibrated && spec.travel.speedKmh == StudyDefaults.crowFlySpeedKmh
                && spec.travel.circuity == StudyDefaults.crowFlyCircuity)
        #expect(spec.indicator.method == .apl && spec.indicator.referenceYear == StudyDefaults.referenceYear)
        #expect(spec.territoryPath == nil && spec.supplyPath == nil && !spec.acceptSupplyGaps)
    }

    @Test("a spec round-trips through JSON")
    func codable() throws {
        var spec = StudySpec()
        spec.territoryPath = "t.catr"
        spec.supplyPath = "gp.csv"
        spec.departements = ["08", "51"]
        spec.threshold = 15
        spec.travel.kind = .crowfly
        spec.travel.speedKmh = 50
        spec.indicator = IndicatorSpec(method: .enhanced)
        spec.indicator.decay = .gaussian
        spec.indicator.catchment = 30
        spec.underServed = 3
        spec.acceptSupplyGaps = true
        let data = try JSONEncoder().encode(spec)
        #expect(try JSONDecoder().decode(StudySpec.self, from: data) == spec)
        // An unknown method name is an error, never a fallback.
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\"e2sfca\"", with: "\"e3sfca\"")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(StudySpec.self, from: Data(text.utf8)) }
    }

    @Test("a scenario baseline is a StudySpec: travel, threshold, indicator, mark and gaps decoded")
    func scenarioBaseline() throws {
        let yaml = """
        name: spec
        baseline: {departements: ["07"], threshold: 15, travel: crowfly, speed: 50, indicator: e2sfca, catchment: 30,
                   under_served: 3, accept_supply_gaps: true}
        events: []
        """
        let b = try ScenarioFile.parse(yaml, file: "s.yaml", directory: "/tmp").baseline
        var expected = StudySpec()
        expected.departements = ["07"]
        expected.threshold = 15
        expected.travel.kind = .crowfly
        expected.travel.speedKmh = 50
        expected.indicator = IndicatorSpec(method: .enhanced)
        expected.indicator.catchment = 30
        expected.underServed = 3
        expected.acceptSupplyGaps = true
        expected.line = b.line
        #expect(b == expected)
    }
}
