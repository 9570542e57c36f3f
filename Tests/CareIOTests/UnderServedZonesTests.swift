import CareIO
import CareModel
import CarePlacement
import CareStudy
import Foundation
import Testing

/// Issue 16, item 3: the commune classification into under-served and complementary zones, its file, and
/// the restriction of placement candidates to the zones.
@Suite("under-served zones")
struct UnderServedZonesTests {
    @Test func marksAreStrictUpperBounds() throws {
        let m = try ZoneMarks(underServed: 2.5, complementary: 4)
        #expect(m.zone(of: 2.5.nextDown) == .underServed)
        #expect(m.zone(of: 2.5) == .complementary)
        #expect(m.zone(of: 4.0.nextDown) == .complementary)
        #expect(m.zone(of: 4) == .other)
        #expect(m.zone(of: 0) == .underServed)
        let single = try ZoneMarks(underServed: 2.5, complementary: nil)
        #expect(single.zone(of: 3) == .other)
        #expect(ZoneMarks.apl == m)
    }

    @Test(arguments: [(2.5, 2.5), (2.5, 1.0), (Double.nan, 4.0), (-1.0, 4.0), (2.5, Double.infinity)])
    func badMarksAreRefused(underServed: Double, complementary: Double) {
        #expect(throws: ModelError.self) { try ZoneMarks(underServed: underServed, complementary: complementary) }
    }

    @Test func levelsNest() {
        #expect(AccessZone.underServed.isWithin(.underServed))
        #expect(!AccessZone.complementary.isWithin(.underServed))
        #expect(AccessZone.complementary.isWithin(.complementary))
        #expect(AccessZone.underServed.isWithin(.complementary))
        #expect(!AccessZone.other.isWithin(.complementary))
        #expect(AccessZone.other.isWithin(.other))
    }

    static func ardecheAPL() throws -> (Study, AccessibilityResult) {
        let study = try Study.load(territoryPath: nil, supplyPath: nil, departements: [])
        let result = try AccessibilityAnalysis(method: .apl(try APLDefaults.options(referenceYear: 2026)), underServed: 2.5)
            .run(territory: study.territory, communes: study.demand, sites: study.supply.sites, model: CrowFlyModel())
        return (study, result)
    }

    /// The zone totals agree with the summary's own count below the mark, and every row with its score.
    @Test func classificationOfTheArdecheFixture() throws {
        let (study, result) = try Self.ardecheAPL()
        let zones = UnderServedZones(result, territory: study.territory, marks: .apl)
        #expect(zones.rows.count == result.rows.count)
        for (z, r) in zip(zones.rows, result.rows) {
            #expect(z.commune == r.commune)
            #expect(z.zone == (r.score < 2.5 ? .underServed : r.score < 4 ? .complementary : .other))
        }
        let under = try #require(zones.totals.first { $0.zone == .underServed })
        #expect(under.communes == result.summary.communesBelow)
        #expect(under.population == result.summary.populationBelow)
        #expect(zones.totals.map(\.communes).reduce(0, +) == result.summary.communes)
        #expect(zones.totals.map(\.population).reduce(0, +) == result.summary.population)
        #expect(zones.totals.allSatisfy { $0.communes > 0 }, "the fixture has communes in every zone")
        let single = UnderServedZones(result, territory: study.territory, marks: try ZoneMarks(underServed: 2.5, complementary: nil))
        #expect(single.totals.map(\.zone) == [.underServed, .other])
    }

    @Test func theFileRoundTripsAndRestrictsCandidates() throws {
        let (study, result) = try Self.ardecheAPL()
        let zones = UnderServedZones(result, territory: study.territory, marks: .apl)
        let file = try ZonesFile.parse(Array(ZonesFile.csv(zones, territory: study.territory).utf8), file: "zones.csv")
        #expect(file.zones.count == zones.rows.count)
        for r in zones.rows { #expect(file.zone(of: study.territory.communes[r.commune].code) == r.zone) }
        let all = PlacementProblem.communeCandidates(territory: study.territory, studied: study.demand)
        let under = file.restrict(all, to: .underServed)
        let both = file.restrict(all, to: .complementary)
        #expect(under.count == zones.totals[0].communes)
        #expect(both.count == zones.totals[0].communes + zones.totals[1].communes)
        #expect(under.allSatisfy { file.zone(of: $0.communeCode ?? "") == .underServed })
        let stranger = PlacementCandidate(id: "x", place: all[0].place, communeCode: "99999")
        #expect(file.restrict([stranger], to: .other).isEmpty, "a commune the file does not list is outside every zone")
    }

    @Test(arguments: [
        ("code,zone\n07001,other\n07002,priority\n", "error: z.csv:3: field 'zone': 'priority' is not a zone (under_served, complementary, other)"),
        ("code,zone\n07001,other\n07001,other\n", "error: z.csv:3: field 'code': duplicate commune 07001"),
        ("code,zone\n07001,\n", "error: z.csv:2: field 'zone': empty value"),
        ("code,score\n07001,1\n", "error: z.csv:1: field 'zone': missing required column (header has: code, score)"),
        ("code,zone\n", "error: z.csv:2: no data rows"),
    ])
    func badFilesNameFileLineAndField(text: String, message: String) throws {
        let error = try #require(throws: InputError.self) { try ZonesFile.parse(Array(text.utf8), file: "z.csv") }
        #expect("error: \(error)" == message)
    }
}
