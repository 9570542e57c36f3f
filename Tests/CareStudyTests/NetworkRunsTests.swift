import CareIO
import CareKernel
import CareModel
import CareNetwork
import CareTestSupport
import Foundation
import Testing
@testable import CareStudy

/// `network paths`, `network calibrate` and `network places` as runs of their specs: paths against one search
/// per source (brute force over the sources), refusals before any file is read.
@Suite("Network runs")
struct NetworkRunsTests {
    static let roads: String? = SharedData.roads.flatMap {
        FileManager.default.fileExists(atPath: $0 + "/andorra.osm.pbf") ? $0 : nil
    }

    @Test("paths: each source is at 0 minutes from itself and the multi-source search is the minimum over the sources")
    func paths() throws {
        var spec = NetworkPathsRun.Spec(networkPath: "synthetic:12")
        spec.sources = 4
        spec.seed = 5
        spec.multiSource = true
        let run = try NetworkPathsRun.run(spec)
        #expect(run.sources.count == 4 && run.minutes.count == 4 && run.nodeCount == 144)
        for (s, m) in zip(run.sources, run.minutes) { #expect(m[s] == 0) }
        let multi = try #require(run.multiSourceMinutes)
        for v in 0..<run.nodeCount {
            #expect(multi[v] == run.minutes.map { $0[v] }.min(), "node \(v)")
        }
        // The sources are the seeded draws, as the tests of the graph draw them.
        var rng = SplitMix64(seed: 5)
        #expect(run.sources == (0..<4).map { _ in Int(rng.next() % 144) })
    }

    @Test("paths and the crow-fly fit refuse a bad sample before reading the network")
    func refusals() throws {
        var paths = NetworkPathsRun.Spec(networkPath: "/nonexistent.osm.pbf")
        paths.sources = 0
        #expect(throws: StudyError("--sources must be at least 1")) { try NetworkPathsRun.run(paths) }
        var fit = NetworkFitRun.CrowFlySpec(networkPath: "/nonexistent.osm.pbf")
        fit.minimumKm = -1
        #expect(throws: StudyError("--min-km must be a finite number of km ≥ 0")) { try NetworkFitRun.crowFly(fit) }
        fit.minimumKm = 1
        fit.pairs = 0
        #expect { try NetworkFitRun.crowFly(fit) } throws: {
            guard case .invalidParameter(let name, let value, _) = $0 as? ModelError else { return false }
            return name == "--pairs" && value == "0"
        }
    }

    @Test("crow-fly fit on a synthetic grid: speed and circuity from the sampled routes")
    func crowFlyFit() throws {
        var spec = NetworkFitRun.CrowFlySpec(networkPath: "synthetic:20")
        spec.pairs = 300
        let fit = try NetworkFitRun.crowFly(spec)
        #expect(fit.pairs > 0 && fit.circuity >= 1 && fit.speedKmh > 0)
        // The same seed gives the same sample and fit.
        #expect(try NetworkFitRun.crowFly(spec) == fit)
    }

    @Test("places: no Ardèche commune is on the Andorra extract, and the attached territory is refused",
          .enabled(if: NetworkRunsTests.roads != nil))
    func placesNone() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Fixtures/ardeche/communes.csv").standardized.path
        var spec = NetworkPlacesRun.Spec(networkPath: (Self.roads ?? "") + "/andorra.osm.pbf", territoryPath: fixture)
        spec.departements = ["07"]
        let run = try NetworkPlacesRun.run(spec)
        #expect(run.attached.isEmpty && run.communes.count == 335)
        #expect(throws: StudyError("--territory-out: no commune of 07 is within 2000 m of the network \(spec.networkPath)")) {
            try run.attachedTerritory()
        }
    }
}
