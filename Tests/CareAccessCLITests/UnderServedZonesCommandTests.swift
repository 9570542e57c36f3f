import CareIO
import CareTestSupport
import Foundation
import Testing

/// `access --zones` then `place --zones`, end to end through the built binary.
@Suite("under-served zones, end to end", .enabled(if: CareAccessBinary.path != nil))
struct UnderServedZonesCommandTests {
    @Test func placementCandidatesAreTheZonesCommunes() throws {
        let dir = try ScratchFolder().path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = try CareAccessBinary.run(["access", "--method", "apl", "--zones", dir + "/zones.csv", "--complementary-below", "3.5",
                                         "--geojson", dir + "/a.geojson"])
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout.contains("Zones:     under-served below 2.50, complementary 2.50 to below 3.50 (written to \(dir)/zones.csv)"))
        let file = try ZonesFile.load(path: dir + "/zones.csv")
        let under = file.zones.values.filter { $0 == .underServed }.count
        let both = file.zones.values.filter { $0 != .other }.count
        #expect(try String(contentsOfFile: dir + "/a.geojson", encoding: .utf8).contains("\"zone\":\"under_served\""))
        let p = try CareAccessBinary.run(["place", "--k", "2", "--method", "greedy", "--zones", dir + "/zones.csv"])
        #expect(p.status == 0, "\(p.stderr)")
        #expect(p.stdout.contains("Candidates: \(under) (studied communes in the under-served zones of \(dir)/zones.csv, \(file.zones.count) before)"))
        let c = try CareAccessBinary.run(["place", "--k", "2", "--method", "greedy", "--zones", dir + "/zones.csv", "--zone-level", "complementary"])
        #expect(c.stdout.contains("Candidates: \(both) (studied communes in the under-served and complementary zones"))
        let bad = try CareAccessBinary.run(["access", "--method", "apl", "--zones", dir + "/z2.csv", "--complementary-below", "2"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("complementary mark"), "\(bad.stderr)")
    }
}
