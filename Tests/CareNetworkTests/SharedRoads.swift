import CareTestSupport
import Foundation
@testable import CareNetwork

/// The real OSM extracts in `../shared/data/roads` (beside the checkout), or `$CAREACCESS_SHARED/data/roads`, as
/// `SharedData` finds them. Tests that need them are skipped where they are absent.
enum SharedRoads {
    static let directory: String? = SharedData.roads

    static var available: Bool { directory != nil }
    static func path(_ name: String) -> String { (directory ?? "") + "/" + name }
    static var saintBarthelemy: String { path("saint_barthelemy.osm.pbf") }
    static var riviera: String { path("most_monaco_riviera_network.osm") }
    static var monaco: String { path("monaco.osm.gz") }
    static var andorra: String { path("andorra.osm.pbf") }

    /// A Python with networkx, for the cross-check with networkx: `$CAREACCESS_PYTHON` when set (and then only
    /// it), else the peers' venv `/tmp/peers/bin/python`.
    static let python: String? = {
        let env = ProcessInfo.processInfo.environment["CAREACCESS_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }
        for candidate in [env ?? "/tmp/peers/bin/python"] where FileManager.default.isExecutableFile(atPath: candidate) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: candidate)
            p.arguments = ["-c", "import networkx"]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            if (try? p.run()) != nil { p.waitUntilExit(); if p.terminationStatus == 0 { return candidate } }
        }
        return nil
    }()

    /// `CAREACCESS_REQUIRE_PEERS=1` (set by `.ci/run` after it creates the peers' venv): the cross-checks with
    /// networkx run and **fail** when no Python with networkx is found, instead of being skipped.
    static var peersRequired: Bool { ProcessInfo.processInfo.environment["CAREACCESS_REQUIRE_PEERS"] == "1" }

    /// Run the networkx cross-checks: a Python with networkx is there, or CI requires it.
    static var networkxCheckEnabled: Bool { python != nil || peersRequired }
}

/// Counts what a reader delivers, for the comparison with osmium.
struct CountingHandler: OSMHandler {
    var nodes = 0, ways = 0, highwayWays = 0, refs = 0
    var firstNode: (Int64, Double, Double)?
    mutating func node(id: Int64, lon: Double, lat: Double) {
        if firstNode == nil { firstNode = (id, lon, lat) }
        nodes += 1
    }
    mutating func way(id: Int64, refs wayRefs: [Int64], tags: OSMTags) {
        ways += 1
        refs += wayRefs.count
        if tags["highway"] != nil { highwayWays += 1 }
    }
}
