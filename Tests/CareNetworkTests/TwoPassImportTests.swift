import CareTestSupport
import Foundation
import Synchronization
import Testing
@testable import CareNetwork

/// The two-pass parallel PBF import gives the very graph of the one-pass reader (every array, every report
/// counter), whatever the thread count, and reports both passes to a progress reporter.
@Suite("Two-pass PBF import equals the one-pass reader", .enabled(if: SharedRoads.available))
struct TwoPassImportTests {
    static func onePass(_ path: String) throws -> RoadGraph {
        var builder = RoadGraphBuilder(profile: .car)
        let stats = try PBFReader.read(path: path, into: &builder)
        return try builder.build(source: path, format: "osm.pbf", stats: stats)
    }

    static func expectSame(_ a: RoadGraph, _ b: RoadGraph, _ label: String) {
        #expect(a.nodeCount == b.nodeCount && a.edgeCount == b.edgeCount, "\(label)")
        #expect(a.xs == b.xs && a.ys == b.ys && a.lons == b.lons && a.lats == b.lats && a.osmIDs == b.osmIDs, "\(label)")
        #expect(a.offsets == b.offsets && a.targets == b.targets && a.minutes == b.minutes && a.metres == b.metres, "\(label)")
        #expect(a.crs == b.crs, "\(label)")
        var ra = a.report, rb = b.report
        (ra.source, ra.format, rb.source, rb.format) = ("", "", "", "")
        #expect(ra == rb, "\(label)")
    }

    @Test(arguments: ["andorra.osm.pbf", "saint_barthelemy.osm.pbf"])
    func sameGraphAsOnePass(_ file: String) throws {
        let path = SharedRoads.path(file)
        let reference = try Self.onePass(path)
        for threads in [1, 2, 3] {
            let g = try RoadGraph.load(path: path, threads: threads)
            Self.expectSame(g, reference, "\(file), \(threads) threads")
            #expect(g.report.fileNodes == reference.report.fileNodes && g.report.format == "osm.pbf")
        }
    }

    /// The XML extracts, converted to PBF by osmium (when installed): the two-pass import gives the XML reader's
    /// graph — the same nodes, ids and edges; positions to 1e-12 degree (PBF stores 1e-7-degree integers that
    /// the reader scales by 1e-9 × granularity, XML decimal text parsed directly: the last bit may differ).
    @Test(.enabled(if: TwoPassImportTests.osmium != nil), arguments: ["most_monaco_riviera_network.osm", "monaco.osm.gz"])
    func xmlExtractsConvertedByOsmium(_ file: String) throws {
        let dir = try ScratchFolder().path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pbf = dir + "/converted.osm.pbf"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.osmium ?? "")
        p.arguments = ["cat", SharedRoads.path(file), "-o", pbf]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let a = try RoadGraph.load(path: pbf, threads: 2), b = try RoadGraph.load(path: SharedRoads.path(file))
        #expect(a.osmIDs == b.osmIDs && a.offsets == b.offsets && a.targets == b.targets)
        #expect(zip(a.lons, b.lons).allSatisfy { abs($0 - $1) <= 1e-12 } && zip(a.lats, b.lats).allSatisfy { abs($0 - $1) <= 1e-12 })
        #expect(zip(a.minutes, b.minutes).allSatisfy { abs($0 - $1) <= 1e-9 * max($1, 1) })
        #expect(a.report.drivableWays == b.report.drivableWays && a.report.fileNodes == b.report.fileNodes)
    }

    @Test func progressOnBothPasses() throws {
        let path = SharedRoads.andorra
        let recorder = RecordingProgress()
        _ = try RoadGraph.load(path: path, threads: 2, progress: recorder)
        let steps = recorder.steps.withLock { $0 }
        #expect(steps.map(\.label) == ["PBF pass 1/2: car ways", "PBF pass 2/2: node locations"])
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        let size = attributes[.size] as? Int
        #expect(steps.first?.total == size && steps.first?.done == size)
        #expect(steps.last.map { $0.done == $0.total && $0.total > 0 && $0.total < (size ?? 0) } == true)
        #expect(steps.allSatisfy { $0.ended })
    }

    static let osmium: String? = ["/usr/bin/osmium", "/usr/local/bin/osmium"].first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// Records begin/advance/end calls.
final class RecordingProgress: NetworkProgress {
    struct Step: Sendable { var label: String; var total: Int; var done = 0; var ended = false }
    let steps = Mutex<[Step]>([])
    func begin(total: Int, label: String) { steps.withLock { $0.append(Step(label: label, total: total)) } }
    func advance(by count: Int) { steps.withLock { $0[$0.count - 1].done += count } }
    func end() { steps.withLock { $0[$0.count - 1].ended = true } }
}
