import CareGeo
import CareKernel
import CareModel
import CareNetwork
import CareTestSupport
import Foundation
import Testing

@testable import CareStudy

/// NetworkModel and ODMatrixModel behind the TravelTimeModel protocol.
@Suite("Network and OD-matrix travel-time models")
struct NetworkModelTests {
    /// The real extracts beside the checkout (or $CAREACCESS_SHARED).
    static let roads: String? = SharedData.roads

    /// Reference: minutes from origin i to site j = site connector + reverse path + origin connector.
    func reference(_ model: NetworkModel, origins: [Place], sites: [Place]) -> [[Double]] {
        let g = model.graph
        let os = model.snap(origins), ss = model.snap(sites)
        return sites.indices.map { j in
            guard ss.nodes[j] >= 0 else { return origins.map { $0 == sites[j] ? 0 : .infinity } }
            let d = g.multiSourceDijkstra(sources: [DijkstraSource(node: ss.nodes[j], minutes: ss.minutes[j])], direction: .reverse).minutes
            return origins.indices.map { i in
                origins[i] == sites[j] ? 0 : (os.nodes[i] >= 0 ? d[Int(os.nodes[i])] + os.minutes[i] : .infinity)
            }
        }
    }

    func check(_ model: NetworkModel, origins: [Place], sites: [Place], threshold: Double) throws {
        let ref = reference(model, origins: origins, sites: sites)
        let nearest = try model.nearest(from: origins, to: sites)
        for i in origins.indices {
            var best = (Double.infinity, -1)
            for j in sites.indices where ref[j][i] < best.0 { best = (ref[j][i], j) }
            if best.1 < 0 {
                #expect(nearest[i] == .unreachable)
            } else {
                #expect(nearest[i].minutes == best.0)
                #expect(ref[nearest[i].site ?? 0][i] == best.0)
                #expect(nearest[i].metres == nil)
            }
        }
        let c = try model.catchments(from: sites, to: origins, within: threshold)
        #expect(c.checkInvariants(demandCount: origins.count))
        for j in sites.indices {
            let expected = origins.indices.filter { ref[j][$0] <= threshold }
            let r = c.range(of: j)
            #expect(c.demand[r].map(Int.init) == expected)
            #expect(Array(c.minutes[r]) == expected.map { ref[j][$0] })
        }
    }

    @Test func syntheticGridMatchesReference() throws {
        let g = try RoadGraph.synthetic(side: 40, seed: 2)  // synthetic, labelled
        let model = try NetworkModel(graph: g, threads: 2)
        var rng = SplitMix64(seed: 9)
        func place() -> Place {
            Place(point: ProjectedPoint(x: 700_000 + rng.unit() * 10_000, y: 6_400_000 + rng.unit() * 10_000), crs: .lambert93)
        }
        let origins = (0..<150).map { _ in place() }
        var sites = (0..<12).map { _ in place() }
        sites.append(Place(point: ProjectedPoint(x: 0, y: 0), crs: .lambert93))  // 900 km away: unattached
        sites.append(origins[7])  // a site at a commune's own point: 0 minutes
        sites.append(origins[7])
        try check(model, origins: origins, sites: sites, threshold: 8)
        #expect(model.summary == "road network synthetic grid 40×40 seed 2 (\(g.nodeCount) nodes), access 15 km/h")
    }

    @Test func otherCRSAndFarPlacesAreUnreachable() throws {
        let g = try RoadGraph.synthetic(side: 10, seed: 1)
        let model = try NetworkModel(graph: g)
        let here = Place(point: g.point(0), crs: .lambert93)
        let overseas = Place(point: g.point(0), crs: .rgaf09UTM20)
        let far = Place(point: ProjectedPoint(x: g.xs[0] - 5_000, y: g.ys[0]), crs: .lambert93)
        let r = try model.nearest(from: [here, overseas, far], to: [here])
        #expect(r[0] == NearestFacility(site: 0, minutes: 0, metres: nil))
        let offRoad = try model.nearest(from: [far], to: [far])  // same place: 0 even off the network
        #expect(offRoad[0] == NearestFacility(site: 0, minutes: 0, metres: nil))
        #expect(r[1] == .unreachable && r[2] == .unreachable)
        #expect(model.snap([far]).far == [0])
        let attached = try NetworkModel(graph: g, attachFarPoints: true)
        let viaFar = try attached.nearest(from: [far], to: [here])[0]
        #expect(viaFar.site == 0 && viaFar.minutes == reference(attached, origins: [far], sites: [here])[0][0])
        #expect(viaFar.minutes > 19 && viaFar.minutes < 25)  // ≈ 5 km at 15 km/h, plus a little road
        #expect(throws: ModelError.self) { try NetworkModel(graph: g, accessSpeedKmh: 0) }
    }

    @Test(.enabled(if: NetworkModelTests.roads != nil))
    func rivieraMatchesReference() throws {
        let g = try RoadGraph.load(path: (Self.roads ?? "") + "/most_monaco_riviera_network.osm")
        let model = try NetworkModel(graph: g)
        var rng = SplitMix64(seed: 4)
        let origins = (0..<400).map { _ in Place(point: g.point(Int(rng.next() % UInt64(g.nodeCount))), crs: g.crs) }
        let sites = (0..<6).map { _ in Place(point: g.point(Int(rng.next() % UInt64(g.nodeCount))), crs: g.crs) }
        try check(model, origins: origins, sites: sites, threshold: 10)
    }

    @Test func odMatrixModel() throws {
        let p = (0..<4).map { Place(point: ProjectedPoint(x: Double($0) * 1000, y: 0), crs: .lambert93) }
        let keys = Dictionary(uniqueKeysWithValues: p.enumerated().map { ($0.element, Int32($0.offset)) })
        let m = try ODMatrixModel(entries: [
            .init(origin: 0, destination: 1, minutes: 12), .init(origin: 0, destination: 2, minutes: 12),
            .init(origin: 1, destination: 1, minutes: 0), .init(origin: 3, destination: 2, minutes: 25),
        ], keyCount: 4, keyOfPlace: keys, name: "test")
        let unknown = Place(point: ProjectedPoint(x: 5, y: 5), crs: .lambert93)
        let n = try m.nearest(from: [p[0], p[1], p[2], p[3], unknown], to: [p[2], p[1]])
        #expect(n[0] == NearestFacility(site: 0, minutes: 12, metres: nil))  // tie 12/12 → lowest site index
        #expect(n[1] == NearestFacility(site: 1, minutes: 0, metres: nil))
        #expect(n[2] == .unreachable && n[4] == .unreachable)  // missing pair; place without key
        #expect(n[3] == NearestFacility(site: 0, minutes: 25, metres: nil))
        let c = try m.catchments(from: [p[2], p[1]], to: p, within: 12)
        #expect(c.demand == [0, 0, 1] && c.offsets == [0, 1, 3] && c.minutes == [12, 12, 0])
        #expect(m.minutes(from: 3, to: 2) == 25 && m.minutes(from: 2, to: 3) == nil)
        #expect(m.summary == "OD matrix test (4 pairs; missing pairs unreachable)")
    }
}
