import CareKernel
import Testing
@testable import CareNetwork

/// The small algorithms of the import, against brute force.
@Suite("Import helpers: galloping id search, rank selection")
struct ImportHelperTests {
    @Test func gallopingSearchEqualsLinearScan() {
        var rng = SplitMix64(seed: 8)
        var ids: [Int64] = []
        var v: Int64 = -50
        for _ in 0..<500 { v += Int64(rng.next() % 7) + 1; ids.append(v) }
        for _ in 0..<3_000 {
            let id = Int64(rng.next() % 3_000) - 60
            let hint = Int(rng.next() % 520)
            let expected = ids.firstIndex { $0 >= id } ?? ids.count
            #expect(SortedIDs.index(of: id, in: ids, hint: hint) == expected, "id \(id) hint \(hint)")
        }
        #expect(SortedIDs.index(of: 5, in: [], hint: 3) == 0)
    }

    @Test func selectEqualsSortedRank() {
        var rng = SplitMix64(seed: 4)
        for n in [1, 2, 3, 10, 101, 1_000] {
            // Many ties (values on a 0.5 grid) and distinct values.
            for grid in [0.5, 0] {
                let values = (0..<n).map { _ in grid > 0 ? (Double(rng.next() % 20) * grid) : rng.unit() }
                for k in [0, n / 2, n - 1] {
                    var copy = values
                    #expect(RoadGraphBuilder.select(&copy, rank: k) == values.sorted()[k], "n \(n) k \(k)")
                }
            }
        }
    }
}
