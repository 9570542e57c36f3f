import CareIO
import CareModel
import Foundation
import Testing
@testable import CareStudy

/// Specs that do not go together are refused before any file is read (every path here points nowhere, so a
/// run that read first would fail on the file instead), and the zone marks take the indicator's defaults.
@Suite("Spec refusals and zone marks")
struct SpecRefusalTests {
    static let interns = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Fixtures/interns/grand-est-interns.yaml").standardized.path

    @Test("interns: --zone-level without --zones, a territory without a supply")
    func interns() throws {
        var spec = InternsRun.Spec(internsPath: "/nonexistent/interns.yaml")
        spec.zoneLevel = .complementary
        #expect(throws: StudyError("--zone-level goes with --zones")) { try InternsRun.run(spec) }
        spec.zoneLevel = .underServed
        spec.territoryPath = "/nonexistent/t.catr"
        #expect(throws: StudyError("--territory and --supply go together (the effect on access)")) { try InternsRun.run(spec) }
    }

    @Test("interns: the example's grants, without zones every placement eligible, no access run")
    func internsExample() throws {
        let run = try InternsRun.run(InternsRun.Spec(internsPath: Self.interns))
        #expect(run.grants.rows.count == run.file.placements.count && !run.grants.rows.isEmpty)
        #expect(run.access == nil)
        #expect(run.file.synthetic)
    }

    @Test("access --derive-activity-level: APL only, and not with a given activity")
    func derivation() throws {
        var spec = StudySpec()
        spec.territoryPath = "/nonexistent/t.catr"
        spec.supplyPath = "/nonexistent/gp.csv"
        spec.indicator = IndicatorSpec(method: .enhanced)
        #expect(throws: StudyError("--derive-activity-level goes with --method apl")) {
            try AccessRun.deriveActivityLevel(spec, target: 3.74, excluded: nil)
        }
        spec.indicator = IndicatorSpec(method: .apl)
        spec.indicator.activityPerGP = 5000
        #expect(throws: StudyError("--derive-activity-level derives the activity per GP: drop --activity-per-gp")) {
            try AccessRun.deriveActivityLevel(spec, target: 3.74, excluded: nil)
        }
    }

    @Test("zone marks: the APL's 2.5 and 4 by default; another indicator needs its under-served mark")
    func zoneMarks() throws {
        #expect(try ZoneMarks.marks(for: .apl, underServed: nil, complementary: nil) == ZoneMarks.apl)
        #expect(try ZoneMarks.marks(for: .apl, underServed: 3, complementary: nil)
                == ZoneMarks(underServed: 3, complementary: StudyDefaults.complementaryAPL))
        #expect(throws: StudyError("--zones with --method e2sfca needs --below (the under-served mark)")) {
            try ZoneMarks.marks(for: .enhanced, underServed: nil, complementary: nil)
        }
        #expect(try ZoneMarks.marks(for: .enhanced, underServed: 6, complementary: nil) == ZoneMarks(underServed: 6, complementary: nil))
        #expect(throws: ModelError.self) { try ZoneMarks.marks(for: .apl, underServed: 5, complementary: 4) }
    }
}
