import CareKernel
import CareGeo
import CareTestSupport
import Foundation
import Testing
@testable import CareNetwork

let realGraphFiles = ["saint_barthelemy.osm.pbf", "most_monaco_riviera_network.osm", "monaco.osm.gz", "andorra.osm.pbf"]

/// Shortest paths on the real extracts equal a plain reference Dijkstra and networkx and satisfy the triangle
/// inequality (the one-way rules are checked way by way in BuilderDirectionTests).
@Suite("Shortest paths on real road graphs", .enabled(if: SharedRoads.available))
struct RealGraphPathTests {
    static func sampleNodes(_ g: RoadGraph, count: Int, seed: UInt64) -> [Int] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in Int(rng.next() % UInt64(g.nodeCount)) }
    }

    @Test(arguments: realGraphFiles)
    func equalsReferenceDijkstra(_ file: String) throws {
        let g = try RoadGraph.load(path: SharedRoads.path(file))
        for s in Self.sampleNodes(g, count: 8, seed: 11) {
            #expect(g.shortestPathMinutes(from: s) == ReferenceDijkstra.forward(g, from: s))
            #expect(g.shortestPathMinutes(from: s, direction: .reverse) == ReferenceDijkstra.reverse(g, from: s))
        }
        // The graph is one strongly connected component: everything reachable from anywhere.
        #expect(g.shortestPathMinutes(from: 0).allSatisfy { $0.isFinite })
    }

    @Test(arguments: realGraphFiles)
    func multiSourceEqualsPerSourceMinimum(_ file: String) throws {
        let g = try RoadGraph.load(path: SharedRoads.path(file))
        var rng = SplitMix64(seed: 5)
        let sources = Self.sampleNodes(g, count: 12, seed: 99).enumerated().map {
            DijkstraSource(node: Int32($0.element), minutes: Double(rng.next() % 4) * 0.75, label: Int32($0.offset))
        }
        let multi = g.multiSourceDijkstra(sources: sources, direction: .reverse)
        var best = [(Double, Int32)](repeating: (.infinity, -1), count: g.nodeCount)
        for s in sources {
            let d = ReferenceDijkstra.reverse(g, from: Int(s.node), start: s.minutes)
            for v in 0..<g.nodeCount where d[v] < best[v].0 || (d[v] == best[v].0 && s.label < best[v].1) { best[v] = (d[v], s.label) }
        }
        #expect(multi.minutes == best.map(\.0))
        #expect(multi.labels == best.map(\.1))
    }

    @Test(arguments: realGraphFiles)
    func boundedEqualsFilteredFullSearch(_ file: String) throws {
        let g = try RoadGraph.load(path: SharedRoads.path(file))
        let targetNodes = Self.sampleNodes(g, count: 300, seed: 3).map { Int32($0) }
        let extra = targetNodes.indices.map { Double($0 % 5) * 0.25 }
        let targets = NodeTargets(nodeCount: g.nodeCount, nodes: targetNodes, minutes: extra)
        let sources = Self.sampleNodes(g, count: 10, seed: 8).map { DijkstraSource(node: Int32($0), minutes: 0.5) }
        let limit = 6.0
        let table = g.boundedOneToMany(sources: sources, targets: targets, limit: limit, direction: .reverse, threads: 2)
        for (k, s) in sources.enumerated() {
            let d = ReferenceDijkstra.reverse(g, from: Int(s.node), start: s.minutes)
            var expected: [(Int32, Double)] = []
            for (i, v) in targetNodes.enumerated() where d[Int(v)] + extra[i] <= limit { expected.append((Int32(i), d[Int(v)] + extra[i])) }
            let r = table.range(of: k)
            #expect(Array(table.targets[r]) == expected.map(\.0))
            #expect(Array(table.minutes[r]) == expected.map(\.1))
        }
    }

    @Test(arguments: ["most_monaco_riviera_network.osm", "andorra.osm.pbf"])
    func triangleInequality(_ file: String) throws {
        let g = try RoadGraph.load(path: SharedRoads.path(file))
        let nodes = Self.sampleNodes(g, count: 12, seed: 21)
        let from = nodes.map { g.shortestPathMinutes(from: $0) }
        var checked = 0
        for (a, da) in zip(nodes, from) {
            for (b, db) in zip(nodes, from) {
                for c in nodes {
                    // d(a,c) ≤ d(a,b) + d(b,c), up to rounding of the sum.
                    #expect(da[c] <= (da[b] + db[c]) * (1 + 1e-12))
                    checked += 1
                }
                _ = a
            }
        }
        #expect(checked == 12 * 12 * 12)
        // Edge-wise too: d(s,v) ≤ d(s,u) + w(u,v) for every edge.
        let d = from[0]
        for u in 0..<g.nodeCount { for e in g.edges(from: u) { #expect(d[Int(g.targets[e])] <= d[u] + g.minutes[e]) } }
    }

    @Test(.enabled(if: SharedRoads.networkxCheckEnabled), arguments: realGraphFiles)
    func equalsNetworkx(_ file: String) throws {
        let python = try #require(SharedRoads.python, """
            CAREACCESS_REQUIRE_PEERS=1 but no Python with networkx at \
            \(ProcessInfo.processInfo.environment["CAREACCESS_PYTHON"] ?? "/tmp/peers/bin/python") \
            (python3 -m venv /tmp/peers && /tmp/peers/bin/pip install -r ../shared/peers/requirements.txt)
            """)
        let g = try RoadGraph.load(path: SharedRoads.path(file))
        let dir = try ScratchFolder().path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try g.edgeListCSV().write(toFile: dir + "/edges.csv", atomically: true, encoding: .utf8)
        let sources = Self.sampleNodes(g, count: 5, seed: 77)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = [PackageRoot.path + "/Scripts/network_networkx_check.py", dir + "/edges.csv",
                       "--sources", sources.map(String.init).joined(separator: ","), "--out", dir + "/nx.csv", "--multi"]
        try p.run()
        p.waitUntilExit()
        try #require(p.terminationStatus == 0)
        var nx: [Int: [Int: Double]] = [:]
        let text = try String(contentsOfFile: dir + "/nx.csv", encoding: .utf8)
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",")
            nx[Int(f[0])!, default: [:]][Int(f[1])!] = Double(f[2])!
        }
        var compared = 0, maxDiff = 0.0
        for s in sources {
            let ours = g.shortestPathMinutes(from: s)
            let theirs = try #require(nx[s])
            #expect(theirs.count == g.nodeCount)
            for (v, m) in theirs { maxDiff = max(maxDiff, abs(m - ours[v])); compared += 1 }
        }
        let multi = g.multiSourceDijkstra(sources: sources.map { DijkstraSource(node: Int32($0)) })
        for (v, m) in try #require(nx[-1]) { maxDiff = max(maxDiff, abs(m - multi.minutes[v])); compared += 1 }
        #expect(compared == 6 * g.nodeCount)
        #expect(maxDiff == 0, "max |ours − networkx| = \(maxDiff) min over \(compared) pairs")
    }

    @Test func cacheOfRealGraph() throws {
        let g = try RoadGraph.load(path: SharedRoads.andorra)
        let dir = try ScratchFolder().path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try g.save(to: dir + "/andorra.carn")
        let back = try RoadGraph.load(path: dir + "/andorra.carn")
        #expect(back.targets == g.targets && back.minutes == g.minutes && back.osmIDs == g.osmIDs && back.crs == g.crs)
        #expect(back.report.drivableWays == 1_164 && back.report.speeds == CarProfile.defaultSpeeds)
    }

    @Test(arguments: ["most_monaco_riviera_network.osm", "andorra.osm.pbf"])
    func calibrationRoutes(_ file: String) throws {
        // The calibration's search: the same minutes as the hot Dijkstra, and route lengths no shorter than
        // the straight line (edge metres are the projected segment lengths).
        let g = try RoadGraph.load(path: SharedRoads.path(file))
        for o in Self.sampleNodes(g, count: 4, seed: 31) {
            let r = NetworkCalibration.routes(g, from: o)
            #expect(r.minutes == g.shortestPathMinutes(from: o))
            var shorter = 0
            for v in 0..<g.nodeCount {
                let dx = g.xs[v] - g.xs[o], dy = g.ys[v] - g.ys[o]
                if r.metres[v] < (dx * dx + dy * dy).squareRoot() * (1 - 1e-12) { shorter += 1 }
            }
            #expect(shorter == 0)
        }
    }

    @Test func calibrationIsPlausible() throws {
        let g = try RoadGraph.load(path: SharedRoads.andorra)
        let fit = NetworkCalibration.fit(g, pairs: 500, seed: 1)
        #expect(fit.pairs == 500)
        // Mountain roads: winding (circuity well above the flat-country 1.3, below 2.5), while the fastest
        // routes run on the valley's primary and trunk roads (80–90 km/h in the class table): an average speed
        // between 40 and 90 km/h (any average lies between the slowest and fastest class, 10 and 110).
        // The two ratios reproduce the sample's total time.
        #expect(fit.circuity > 1.5 && fit.circuity < 2.5 && fit.circuityMedian > 1.5 && fit.circuityMedian < 2.5)
        #expect(fit.speedKmh > 40 && fit.speedKmh < 90 && fit.speedMedianKmh > 40 && fit.speedMedianKmh < 90)
        #expect(abs(fit.totalTimeRatio - 1) <= 1e-9)
        #expect(fit.meanRouteKm > fit.meanCrowFlyKm && fit.rSquared > 0.5)
        #expect(NetworkCalibration.fit(g, pairs: 500, seed: 1) == fit)
    }
}
