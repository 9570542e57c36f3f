import CareGeo
import CareTestSupport
import Foundation
import Testing
@testable import CareNetwork

/// Element counts checked against osmium-tool 1.15.0 (Debian 12), obtained with:
///
///     osmium fileinfo -e -g data.count.nodes FILE        (and data.count.ways, data.count.relations)
///     osmium tags-filter -R -o hw.osm.pbf FILE w/highway && osmium fileinfo -e -g data.count.ways hw.osm.pbf
///     osmium tags-filter -R -o dr.osm.pbf FILE w/highway=motorway,motorway_link,trunk,trunk_link,primary,\
///         primary_link,secondary,secondary_link,tertiary,tertiary_link,unclassified,residential,road,living_street,service,\
///         plus X_bridge,X_tunnel for each of these X (the Monaco–Riviera file folds bridge/tunnel into highway)
///     osmium tags-filter -R -i -o dr2.osm.pbf dr.osm.pbf w/access=no,private w/motor_vehicle=no w/motorcar=no w/area=yes
///     osmium fileinfo -e -g data.count.ways dr2.osm.pbf  → drivable ways
///     (no excluded way of these files has motor_vehicle/motorcar=yes|designated|permissive|destination:
///      osmium tags-filter … w/motor_vehicle,motorcar=yes,designated,permissive,destination → 0)
struct OSMCounts: Sendable, CustomStringConvertible {
    var file: String, nodes: Int, ways: Int, relations: Int, highwayWays: Int, drivableClassWays: Int, drivableWays: Int
    var description: String { file }
}

let osmiumFigures: [OSMCounts] = [
    OSMCounts(file: "saint_barthelemy.osm.pbf", nodes: 8_076, ways: 625, relations: 16, highwayWays: 515, drivableClassWays: 506, drivableWays: 506),
    OSMCounts(file: "most_monaco_riviera_network.osm", nodes: 20_894, ways: 1_525, relations: 18, highwayWays: 1_502, drivableClassWays: 1_108, drivableWays: 1_108),
    OSMCounts(file: "monaco.osm.gz", nodes: 13_739, ways: 1_944, relations: 77, highwayWays: 866, drivableClassWays: 509, drivableWays: 502),
    OSMCounts(file: "andorra.osm.pbf", nodes: 69_644, ways: 2_725, relations: 74, highwayWays: 1_615, drivableClassWays: 1_179, drivableWays: 1_164),
]

@Suite("OSM readers on real extracts (counts = osmium's)", .enabled(if: SharedRoads.available))
struct OSMRealFileTests {
    @Test(arguments: osmiumFigures)
    func countsMatchOsmium(_ expected: OSMCounts) throws {
        let path = SharedRoads.path(expected.file)
        var counter = CountingHandler()
        let stats = expected.file.hasSuffix(".pbf")
            ? try PBFReader.read(path: path, into: &counter)
            : try OSMXMLReader.read(path: path, into: &counter)
        #expect(counter.nodes == expected.nodes)
        #expect(stats.nodes == expected.nodes)
        #expect(counter.ways == expected.ways)
        #expect(stats.relations == expected.relations)
        #expect(counter.highwayWays == expected.highwayWays)
        let graph = try RoadGraph.load(path: path)
        #expect(graph.report.highwayWays == expected.highwayWays)
        #expect(graph.report.drivableWays == expected.drivableWays)
        #expect(graph.report.accessExcludedWays == expected.drivableClassWays - expected.drivableWays)
        #expect(graph.report.fileNodes == expected.nodes)
        #expect(graph.nodeCount > 0 && graph.edgeCount >= graph.nodeCount)
        #expect(graph.report.nodesBeforeComponents == graph.nodeCount + graph.report.droppedNodes)
    }

    @Test func crsFollowsTheData() throws {
        #expect(try RoadGraph.load(path: SharedRoads.saintBarthelemy).crs == .rgaf09UTM20)
        #expect(try RoadGraph.load(path: SharedRoads.monaco).crs == .lambert93)
        // Saint-Barthélemy (about 17.9° N, 62.85° W) in UTM 20N: eastings around 500–520 km.
        let g = try RoadGraph.load(path: SharedRoads.saintBarthelemy)
        let b = try #require(g.projectedBounds)
        #expect(b.minX > 480_000 && b.maxX < 530_000 && b.minY > 1_970_000 && b.maxY < 1_990_000)
    }

    @Test func firstNodeDecodedExactly() throws {
        // PBF dense nodes: ids and coordinates delta-decoded, granularity applied; XML parsed as written.
        var counter = CountingHandler()
        _ = try OSMXMLReader.read(path: SharedRoads.riviera, into: &counter)
        let first = try #require(counter.firstNode)
        #expect(first.0 == -107044 && first.1 == 7.3912467 && first.2 == 43.7249558)
        var pbf = CountingHandler()
        _ = try PBFReader.read(path: SharedRoads.andorra, into: &pbf)
        let p = try #require(pbf.firstNode)
        #expect(p.0 > 0 && (1.3...1.9).contains(p.1) && (42.3...42.7).contains(p.2))
    }

    @Test func xmlPlainAndGzipAgree() throws {
        let dir = try ScratchFolder().path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Decompress monaco.osm.gz with the system gzip and read it as plain XML: the same graph.
        let plain = dir + "/monaco.osm"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "gzip -dc '\(SharedRoads.monaco)' > '\(plain)'"]
        try p.run()
        p.waitUntilExit()
        try #require(p.terminationStatus == 0)
        let a = try RoadGraph.load(path: SharedRoads.monaco), b = try RoadGraph.load(path: plain)
        #expect(a.nodeCount == b.nodeCount && a.targets == b.targets && a.minutes == b.minutes)
    }
}
