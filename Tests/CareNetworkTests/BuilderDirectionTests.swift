import CareGeo
import CareTestSupport
import Foundation
import Testing
@testable import CareNetwork

/// Records the drivable ways of a file as the car profile sees them (independently of the graph builder).
struct DrivableWayRecorder: OSMHandler {
    let profile: CarProfile
    var ways: [(id: Int64, refs: [Int64], use: CarProfile.WayUse)] = []
    mutating func node(id: Int64, lon: Double, lat: Double) {}
    mutating func way(id: Int64, refs: [Int64], tags: OSMTags) {
        if let use = profile.way(tags) { ways.append((id, refs, use)) }
    }
}

/// What the builder makes of each way's direction and speed, edge by edge: on a hand-made OSM file with every
/// rule, and on the real extracts (every segment of every drivable way against the graph).
@Suite("Graph builder: one-way rules and speeds, edge by edge")
struct BuilderDirectionTests {
    /// The graph's edge u → v, if any.
    static func edge(_ g: RoadGraph, _ u: Int, _ v: Int) -> Int? {
        g.edges(from: u).first { g.targets[$0] == Int32(v) }
    }

    static func metres(_ g: RoadGraph, _ u: Int, _ v: Int) -> Double {
        let dx = g.xs[v] - g.xs[u], dy = g.ys[v] - g.ys[u]
        return (dx * dx + dy * dy).squareRoot()
    }

    @Test func handMadeFileEveryRule() throws {
        let nodes: [(Int64, Double, Double)] = [
            (1, 7.400, 43.730), (2, 7.410, 43.730), (3, 7.420, 43.730), (4, 7.420, 43.740), (5, 7.410, 43.740),
            (6, 7.400, 43.740), (7, 7.410, 43.735), (8, 7.412, 43.736), (9, 7.425, 43.732), (10, 7.425, 43.728),
            (11, 7.405, 43.745), (12, 7.405, 43.733), (13, 7.415, 43.745), (14, 7.415, 43.733), (15, 7.430, 43.750),
        ]
        let ways: [(Int64, [Int64], [(String, String)])] = [
            (100, [1, 2, 3, 4, 5, 6, 1], [("highway", "residential")]),                        // two-way ring, 30
            (101, [1, 7, 4], [("highway", "primary"), ("oneway", "yes")]),                      // forward only, 80
            (102, [2, 8, 5], [("highway", "secondary"), ("oneway", "-1")]),                     // reversed only, 70
            (103, [3, 9, 10, 3], [("highway", "tertiary"), ("junction", "roundabout")]),        // forward, 60
            (104, [6, 11, 4], [("highway", "motorway")]),                                        // forward, 110
            (105, [2, 12, 6], [("highway", "residential"), ("maxspeed", "50")]),                // above class: 30
            (106, [4, 13, 1], [("highway", "primary"), ("maxspeed", "50")]),                    // below class: 50
            (107, [5, 14, 3], [("highway", "footway")]),                                         // not drivable
        ]
        var xml = "<?xml version='1.0' encoding='UTF-8'?>\n<osm version=\"0.6\" generator=\"CareAccess test\">\n"
        for (id, lon, lat) in nodes { xml += "  <node id=\"\(id)\" lat=\"\(lat)\" lon=\"\(lon)\"/>\n" }
        for (id, refs, tags) in ways {
            xml += "  <way id=\"\(id)\">\n"
            for r in refs { xml += "    <nd ref=\"\(r)\"/>\n" }
            for (k, v) in tags { xml += "    <tag k=\"\(k)\" v=\"\(v)\"/>\n" }
            xml += "  </way>\n"
        }
        xml += "</osm>\n"
        let dir = try ScratchFolder().path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try xml.write(toFile: dir + "/rules.osm", atomically: true, encoding: .utf8)
        let g = try RoadGraph.load(path: dir + "/rules.osm")

        // Expected directed edges (OSM ids) and their speed in km/h.
        var expected: [[Int64]: Double] = [:]
        for (a, b) in [(1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 1)] as [(Int64, Int64)] { expected[[a, b]] = 30; expected[[b, a]] = 30 }
        expected[[1, 7]] = 80; expected[[7, 4]] = 80
        expected[[5, 8]] = 70; expected[[8, 2]] = 70
        expected[[3, 9]] = 60; expected[[9, 10]] = 60; expected[[10, 3]] = 60
        expected[[6, 11]] = 110; expected[[11, 4]] = 110
        for (a, b) in [(2, 12), (12, 6)] as [(Int64, Int64)] { expected[[a, b]] = 30; expected[[b, a]] = 30 }
        for (a, b) in [(4, 13), (13, 1)] as [(Int64, Int64)] { expected[[a, b]] = 50; expected[[b, a]] = 50 }

        #expect(g.osmIDs == Array(1...13))   // 14 (footway only) and 15 (no way) are not in the graph
        #expect(g.report.drivableWays == 7 && g.report.excludedClasses == ["footway": 1])
        var found: [[Int64]: Double] = [:]
        for u in 0..<g.nodeCount {
            for e in g.edges(from: u) {
                let v = Int(g.targets[e])
                #expect(abs(g.metres[e] - Self.metres(g, u, v)) <= 1e-9)
                found[[g.osmIDs[u], g.osmIDs[v]]] = g.metres[e] / g.minutes[e] * 60 / 1000
            }
        }
        #expect(Set(found.keys) == Set(expected.keys))
        for (pair, kmh) in expected {
            let got = try #require(found[pair], "edge \(pair[0]) → \(pair[1]) missing")
            #expect(abs(got - kmh) <= 1e-9 * kmh, "edge \(pair[0]) → \(pair[1]): \(got) km/h, expected \(kmh)")
        }
    }

    @Test(.enabled(if: SharedRoads.available), arguments: realGraphFiles)
    func realWaysEdgeByEdge(_ file: String) throws {
        let path = SharedRoads.path(file)
        let g = try RoadGraph.load(path: path)
        var recorder = DrivableWayRecorder(profile: .car)
        _ = file.hasSuffix(".pbf") ? try PBFReader.read(path: path, into: &recorder) : try OSMXMLReader.read(path: path, into: &recorder)
        #expect(recorder.ways.count == g.report.drivableWays)
        var index: [Int64: Int] = [:]
        for (v, id) in g.osmIDs.enumerated() { index[id] = v }
        // Graph segments of a way: consecutive refs both in the kept component (then the edges are kept too).
        func segments(_ refs: [Int64]) -> [(Int, Int)] {
            zip(refs, refs.dropFirst()).compactMap { a, b in
                guard let u = index[a], let v = index[b], u != v else { return nil }
                return (u, v)
            }
        }
        // Segments that several ways (or one way twice) cover: the fastest wins each direction, set apart.
        var cover: [UInt64: Int] = [:]
        func key(_ u: Int, _ v: Int) -> UInt64 { UInt64(min(u, v)) << 32 | UInt64(max(u, v)) }
        for way in recorder.ways { for (u, v) in segments(way.refs) { cover[key(u, v), default: 0] += 1 } }
        var counts: [CarProfile.Direction: Int] = [:], shared = 0
        var problems: [String] = []
        for way in recorder.ways {
            for (u, v) in segments(way.refs) {
                let own = Self.metres(g, u, v) / (way.use.speedKmh * 1000 / 60)
                let forward = Self.edge(g, u, v), backward = Self.edge(g, v, u)
                let allowsForward = way.use.direction != .backward, allowsBackward = way.use.direction != .forward
                func close(_ e: Int?) -> Bool { e.map { abs(g.minutes[$0] - own) <= 1e-12 * own } ?? false }
                if cover[key(u, v), default: 0] > 1 {
                    shared += 1
                    // Never slower than this way allows.
                    if allowsForward, forward.map({ g.minutes[$0] > own * (1 + 1e-12) }) ?? true { problems.append("way \(way.id) shared \(g.osmIDs[u])→\(g.osmIDs[v])") }
                    if allowsBackward, backward.map({ g.minutes[$0] > own * (1 + 1e-12) }) ?? true { problems.append("way \(way.id) shared \(g.osmIDs[v])→\(g.osmIDs[u])") }
                    continue
                }
                counts[way.use.direction, default: 0] += 1
                switch way.use.direction {
                case .both:
                    if !(close(forward) && close(backward)) || forward.map({ g.minutes[$0] }) != backward.map({ g.minutes[$0] }) {
                        problems.append("two-way way \(way.id) \(g.osmIDs[u])⇄\(g.osmIDs[v]): \(forward.map { g.minutes[$0] } ?? -1) / \(backward.map { g.minutes[$0] } ?? -1) min, own \(own)")
                    }
                case .forward:
                    if !close(forward) || backward != nil { problems.append("one-way way \(way.id) \(g.osmIDs[u])→\(g.osmIDs[v])") }
                case .backward:
                    if !close(backward) || forward != nil { problems.append("oneway=-1 way \(way.id) \(g.osmIDs[u])→\(g.osmIDs[v])") }
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.count) segments wrong, e.g. \(problems.prefix(5))")
        #expect(counts[.both, default: 0] > 1_000)
        print("\(file): segments two-way \(counts[.both, default: 0]), one-way \(counts[.forward, default: 0]), reversed \(counts[.backward, default: 0]), shared \(shared)")
        if file == "monaco.osm.gz" || file == "andorra.osm.pbf" { #expect(counts[.backward, default: 0] > 0) }   // ways tagged oneway=-1
    }
}
