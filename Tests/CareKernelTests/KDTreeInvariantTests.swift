import Testing

@testable import CareKernel

/// ``KDTree/_checkInvariants()`` holds on every tree the initialiser builds (it runs there in debug builds; here
/// the same checks are asked for their verdict, so that a broken invariant fails the test with its description).
@Suite("KD-tree invariants")
struct KDTreeInvariantTests {
    static func expectValid(_ tree: KDTree, _ label: String) {
        #expect(tree.invariantViolation() == nil, "\(label)")
        tree._checkInvariants()
    }

    @Test(arguments: [0, 1, 2, 17, 100, 1_000, 5_003])
    func randomTreesKeepTheirInvariants(size: Int) {
        for seed: UInt64 in 1...6 {
            for leafSize in [1, 2, 5, 16] {
                Self.expectValid(KDTree(points: TestPoints.uniform(size, seed: seed), leafSize: leafSize), "uniform \(size) \(seed) \(leafSize)")
                Self.expectValid(KDTree(points: TestPoints.clustered(size, seed: seed), leafSize: leafSize), "clustered \(size) \(seed) \(leafSize)")
            }
        }
    }

    @Test func degenerateInputKeepsTheInvariants() {
        var rng = SplitMix64(seed: 77)
        let withNonFinite = (0..<500).map { i -> Point2D in
            switch i % 7 {
            case 0: return Point2D(x: .nan, y: 1)
            case 1: return Point2D(x: 2, y: .infinity)
            default: return Point2D(x: rng.unit() * 100, y: rng.unit() * 100)
            }
        }
        let cases: [(String, [Point2D])] = [
            ("duplicates", Array(repeating: Point2D(x: 5, y: 5), count: 300)),
            ("grid with ties", TestPoints.grid(side: 12, repeats: 3)),
            ("collinear", (0..<400).map { Point2D(x: Double($0 % 37), y: 0) }),
            ("non-finite mixed in", withNonFinite),
            ("only non-finite", [Point2D(x: .nan, y: .nan), Point2D(x: .infinity, y: 0)]),
            ("huge coordinates", [Point2D(x: -1e308, y: 1e308), Point2D(x: 1e308, y: -1e308), Point2D(x: 0, y: 0)]),
        ]
        for (label, points) in cases {
            for leafSize in [1, 3, 16] { Self.expectValid(KDTree(points: points, leafSize: leafSize), "\(label), leaf \(leafSize)") }
        }
    }
}
