import CareKernel
import CareGeo
import Testing
@testable import CareNetwork

/// Searches run on the contracted graph (degree-2 chains folded into core edges): every node's minutes and
/// label must equal a plain Dijkstra on the full CSR bit for bit, whatever lies on a chain (sources,
/// targets, one-way chains, rings without a junction).
@Suite("Contracted chains give the full graph's minutes exactly")
struct ContractionTests {
    /// SYNTHETIC: a jittered 100 m grid whose segments are cut into chains of 0–4 extra nodes, 15 % of them
    /// one-way, at 30, 50 or 80 km/h, plus two rings of chain nodes with no junction (one two-way, one one-way)
    /// and a dangling two-way chain; all components kept.
    static func chainGraph(side: Int, seed: UInt64) throws -> RoadGraph {
        var rng = SplitMix64(seed: seed)
        var points: [ProjectedPoint] = []
        for r in 0..<side { for c in 0..<side { points.append(ProjectedPoint(x: Double(c) * 100 + rng.unit() * 20, y: Double(r) * 100 + rng.unit() * 20)) } }
        var edges: [RoadEdge] = []
        func add(_ a: Int, _ b: Int, kmh: Double, oneway: Bool) {
            let dx = points[b].x - points[a].x, dy = points[b].y - points[a].y
            let metres = (dx * dx + dy * dy).squareRoot()
            let minutes = metres / (kmh * 1000 / 60)
            edges.append(RoadEdge(from: Int32(a), to: Int32(b), minutes: minutes, metres: metres))
            if !oneway { edges.append(RoadEdge(from: Int32(b), to: Int32(a), minutes: minutes, metres: metres)) }
        }
        func chain(_ a: Int, _ b: Int) {
            let k = Int(rng.next() % 5)
            let oneway = rng.unit() < 0.15
            let kmh = [30.0, 50, 80][Int(rng.next() % 3)]
            var prev = a
            for s in stride(from: 1, through: k, by: 1) {
                let f = Double(s) / Double(k + 1)
                points.append(ProjectedPoint(x: points[a].x + f * (points[b].x - points[a].x) + rng.unit(),
                                             y: points[a].y + f * (points[b].y - points[a].y) + rng.unit()))
                add(prev, points.count - 1, kmh: kmh, oneway: oneway)
                prev = points.count - 1
            }
            add(prev, b, kmh: kmh, oneway: oneway)
        }
        for r in 0..<side {
            for c in 0..<side {
                let v = r * side + c
                if c + 1 < side, rng.unit() < 0.92 { chain(v, v + 1) }
                if r + 1 < side, rng.unit() < 0.92 { chain(v, v + side) }
            }
        }
        for oneway in [false, true] {   // rings of chain nodes only
            let first = points.count
            for k in 0..<6 { points.append(ProjectedPoint(x: -500 - Double(k) * 30, y: oneway ? -300 : -100)) }
            for k in 0..<6 { add(first + k, first + (k + 1) % 6, kmh: 30, oneway: oneway) }
        }
        let tail = points.count   // a dangling two-way chain off node 0
        for k in 0..<3 { points.append(ProjectedPoint(x: -50 - Double(k) * 40, y: 0)) }
        add(0, tail, kmh: 30, oneway: false); add(tail, tail + 1, kmh: 30, oneway: false); add(tail + 1, tail + 2, kmh: 30, oneway: false)
        return try RoadGraph(points: points, edges: edges, crs: .lambert93, source: "SYNTHETIC chain grid", keepLargestComponent: false)
    }

    static func sample(_ n: Int, count: Int, seed: UInt64) -> [Int] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in Int(rng.next() % UInt64(n)) }
    }

    /// Nodes that lie inside chains (not kept by the contraction).
    static func interiorNodes(_ g: RoadGraph) -> [Int] {
        (0..<g.nodeCount).filter { g.contracted.forward.positions[2 * $0] >= 0 }
    }

    @Test func everyEdgeOnceAndChainsContracted() throws {
        let g = try Self.chainGraph(side: 30, seed: 4)
        let c = g.contracted
        #expect(c.forward.weights.count == g.edgeCount && c.reverse.weights.count == g.edgeCount)
        // Each chain node appears once (one-way chain) or twice (two-way chain) per direction.
        let chainNodes = g.nodeCount - c.coreCount
        #expect(c.forward.interior.count >= chainNodes && c.forward.interior.count <= 2 * chainNodes)
        let interior = Self.interiorNodes(g)
        #expect(interior.count == g.nodeCount - c.coreCount)
        #expect(Double(c.coreCount) < 0.6 * Double(g.nodeCount), "core \(c.coreCount) of \(g.nodeCount)")
        for v in interior { #expect(c.reverse.positions[2 * v] >= 0) }
    }

    @Test(arguments: [UInt64(4), 9])
    func oneToAllEqualsFullGraph(_ seed: UInt64) throws {
        let g = try Self.chainGraph(side: 24, seed: seed)
        let interior = Self.interiorNodes(g)
        let picks = Self.sample(g.nodeCount, count: 10, seed: seed) + Self.sample(interior.count, count: 10, seed: seed + 1).map { interior[$0] }
            + [g.nodeCount - 1, g.nodeCount - 4, g.nodeCount - 10]   // dangling chain, rings
        for s in picks {
            #expect(g.shortestPathMinutes(from: s) == ReferenceDijkstra.forward(g, from: s), "forward from \(s)")
            #expect(g.shortestPathMinutes(from: s, direction: .reverse) == ReferenceDijkstra.reverse(g, from: s), "reverse from \(s)")
        }
    }

    @Test func syntheticGridEqualsFullGraph() throws {
        let g = try RoadGraph.synthetic(side: 70, seed: 3)
        for s in Self.sample(g.nodeCount, count: 12, seed: 21) {
            #expect(g.shortestPathMinutes(from: s) == ReferenceDijkstra.forward(g, from: s))
            #expect(g.shortestPathMinutes(from: s, direction: .reverse) == ReferenceDijkstra.reverse(g, from: s))
        }
    }

    @Test(arguments: [TraversalDirection.forward, .reverse])
    func multiSourceLabelsEqualPerSourceMinimum(_ direction: TraversalDirection) throws {
        let g = try Self.chainGraph(side: 20, seed: 13)
        let interior = Self.interiorNodes(g)
        var rng = SplitMix64(seed: 2)
        let nodes = Self.sample(interior.count, count: 8, seed: 5).map { interior[$0] } + Self.sample(g.nodeCount, count: 6, seed: 6)
        let sources = nodes.enumerated().map {
            DijkstraSource(node: Int32($0.element), minutes: Double(rng.next() % 3) * 0.5, label: Int32(13 - $0.offset))
        }
        let multi = g.multiSourceDijkstra(sources: sources, direction: direction)
        var best = [(Double, Int32)](repeating: (.infinity, -1), count: g.nodeCount)
        for s in sources {
            let d = direction == .forward ? ReferenceDijkstra.forward(g, from: Int(s.node), start: s.minutes)
                                          : ReferenceDijkstra.reverse(g, from: Int(s.node), start: s.minutes)
            for v in 0..<g.nodeCount where d[v] < best[v].0 || (d[v] == best[v].0 && s.label < best[v].1) { best[v] = (d[v], s.label) }
        }
        #expect(multi.minutes == best.map(\.0))
        #expect(multi.labels == best.map(\.1))
    }

    @Test func boundedWithChainSourcesAndTargets() throws {
        let g = try Self.chainGraph(side: 24, seed: 17)
        let interior = Self.interiorNodes(g)
        let targetNodes = (Self.sample(interior.count, count: 200, seed: 3).map { interior[$0] } + Self.sample(g.nodeCount, count: 100, seed: 4)).map { Int32($0) }
        let extra = targetNodes.indices.map { Double($0 % 4) * 0.1 }
        let targets = NodeTargets(nodeCount: g.nodeCount, nodes: targetNodes, minutes: extra)
        let sources = (Self.sample(interior.count, count: 8, seed: 7).map { interior[$0] } + Self.sample(g.nodeCount, count: 4, seed: 8))
            .map { DijkstraSource(node: Int32($0), minutes: 0.2) }
        let limit = 1.5
        for direction in [TraversalDirection.forward, .reverse] {
            let table = g.boundedOneToMany(sources: sources, targets: targets, limit: limit, direction: direction, threads: 2)
            for (k, s) in sources.enumerated() {
                let d = direction == .forward ? ReferenceDijkstra.forward(g, from: Int(s.node), start: s.minutes)
                                              : ReferenceDijkstra.reverse(g, from: Int(s.node), start: s.minutes)
                var expected: [(Int32, Double)] = []
                for (i, v) in targetNodes.enumerated() where d[Int(v)] + extra[i] <= limit { expected.append((Int32(i), d[Int(v)] + extra[i])) }
                let r = table.range(of: k)
                #expect(Array(table.targets[r]) == expected.map(\.0))
                #expect(Array(table.minutes[r]) == expected.map(\.1))
            }
        }
    }

    @Test(.enabled(if: SharedRoads.available), arguments: realGraphFiles)
    func realExtractsFromChainNodes(_ file: String) throws {
        let g = try RoadGraph.load(path: SharedRoads.path(file))
        let interior = Self.interiorNodes(g)
        #expect(g.contracted.coreCount < g.nodeCount && !interior.isEmpty)
        for s in Self.sample(interior.count, count: 6, seed: 31).map({ interior[$0] }) {
            #expect(g.shortestPathMinutes(from: s) == ReferenceDijkstra.forward(g, from: s))
            #expect(g.shortestPathMinutes(from: s, direction: .reverse) == ReferenceDijkstra.reverse(g, from: s))
        }
    }
}
