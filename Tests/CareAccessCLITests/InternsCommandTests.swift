import CareIO
import CareModel
import CareTestSupport
import Foundation
import Testing

/// `careaccess interns` on the Grand Est example (synthetic placements), through the built binary.
@Suite("interns, end to end", .enabled(if: CareAccessBinary.path != nil))
struct InternsCommandTests {
    static let example = PackageRoot.fixture("interns/grand-est-interns.yaml")

    @Test func theCommandPrintsEveryGrantAndTheTotal() throws {
        let r = try CareAccessBinary.run(["interns", Self.example])
        let text = r.stdout
        #expect(r.status == 0, "\(r.stderr)")
        let rows = text.split(separator: "\n").filter { $0.hasSuffix("  yes") || $0.contains("  no: ") }
        #expect(rows.count == 46)
        let f = try InternsFile.load(path: Self.example)
        let g = try InternGrants(placements: f.placements, faculties: f.faculties, schedule: f.schedule, zones: nil, gpFraction: f.gpFraction)
        let total = Int(g.totalGrants).formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))
        #expect(text.contains("Total:      \(total) € for 46 eligible placements of 46; budget 61,400 €"), "\(text)")
        #expect(text.contains("Placements: SYNTHETIC"))
        #expect(text.contains("Distance:   straight line (great circle"))
    }
}
