import CareModel
import Testing

/// The efficient frontier against its definition, checked pair by pair.
@Suite("efficient frontier")
struct EfficientFrontierTests {
    /// Whether option `i` is beaten: another costs no more and gains no less, strictly on one of the two, or
    /// equals it on both and comes first.
    static func beaten(_ i: Int, _ costs: [Double], _ gains: [Double]) -> Bool {
        costs.indices.contains { j in
            j != i && costs[j] <= costs[i] && gains[j] >= gains[i]
                && (costs[j] < costs[i] || gains[j] > gains[i] || j < i)
        }
    }

    @Test(arguments: 1...40)
    func matchesTheDefinition(seed: Int) {
        // Small integer values so that ties in cost, in gain and in both occur.
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15
        func next(_ n: UInt64) -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double((state >> 33) % n)
        }
        let n = 1 + seed % 9
        let costs = (0..<n).map { _ in next(6) }, gains = (0..<n).map { _ in next(6) - 2 }
        let frontier = EfficientFrontier.indices(costs: costs, gains: gains)
        #expect(Set(frontier) == Set(costs.indices.filter { !Self.beaten($0, costs, gains) }), "costs \(costs) gains \(gains)")
        // By increasing cost and, along it, increasing gain: a line drawn in order climbs.
        for (a, b) in zip(frontier, frontier.dropFirst()) {
            #expect(costs[a] < costs[b] && gains[a] < gains[b])
        }
    }

    @Test func theDocumentedExample() {
        #expect(EfficientFrontier.indices(costs: [100, 50, 200, 120], gains: [10, 8, 30, 9]) == [1, 0, 2])
        #expect(EfficientFrontier.indices(costs: [], gains: []) == [])
    }

    @Test("arrays of different lengths: only the options both give are considered (no trap)")
    func mismatchedLengths() {
        #expect(EfficientFrontier.indices(costs: [100, 50, 200, 120], gains: [10, 8]) == [1, 0])
        #expect(EfficientFrontier.indices(costs: [100], gains: [10, 8, 30]) == [0])
        #expect(EfficientFrontier.indices(costs: [], gains: [1]) == [])
    }

    @Test func optionCosts() throws {
        let c = try OptionCost(investment: 100_000, yearly: 50_000, years: 4)
        #expect(c.total == 300_000)
        #expect(throws: ModelError.self) { try OptionCost(investment: -1, yearly: 0, years: 1) }
        #expect(throws: ModelError.self) { try OptionCost(investment: 0, yearly: .nan, years: 1) }
        #expect(throws: ModelError.self) { try OptionCost(investment: 0, yearly: 0, years: 0) }
        #expect(throws: ModelError.self) { try OptionCost(investment: 0, yearly: 0, years: 101) }
    }
}
