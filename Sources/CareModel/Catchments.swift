/// For every site, the demand points it serves within a travel-time threshold, stored compactly (CSR):
/// site `j` reaches `demand[offsets[j]..<offsets[j+1]]` at `minutes[offsets[j]..<offsets[j+1]]`.
///
/// ```swift
/// let c = try model.catchments(from: sites.map(\.place), to: communes.map(\.place), within: 20)
/// for k in c.range(of: 0) { print(c.demand[k], c.minutes[k]) }
/// ```
/// Every pair has `minutes <= threshold` (inclusive). Memory: 12 bytes per pair.
public struct Catchments: Sendable, Hashable {
    /// The travel-time threshold in minutes the pairs were searched within (inclusive).
    public var threshold: Double
    /// CSR row starts: site `j`'s pairs are at positions `offsets[j]..<offsets[j+1]`; `siteCount + 1` entries,
    /// starting at 0, non-decreasing, the last equal to ``pairCount``.
    public var offsets: [Int]
    /// Demand-point index of each pair (an index into the destinations given to the model).
    public var demand: [Int32]
    /// Travel time of each pair, in minutes, ≤ ``threshold``.
    public var minutes: [Double]

    /// Creates catchments from their CSR parts, unchecked (see ``checkInvariants(demandCount:)``).
    public init(threshold: Double, offsets: [Int], demand: [Int32], minutes: [Double]) {
        self.threshold = threshold
        self.offsets = offsets
        self.demand = demand
        self.minutes = minutes
    }

    /// Number of sites (rows): `offsets.count - 1`.
    public var siteCount: Int { offsets.count - 1 }
    /// Number of site–demand pairs within the threshold.
    public var pairCount: Int { demand.count }

    /// Positions of site `j`'s pairs in ``demand`` and ``minutes``.
    public func range(of site: Int) -> Range<Int> { offsets[site]..<offsets[site + 1] }

    /// The pairs within `minutes` (≤ ``threshold``), in the same order: the table a model would build for
    /// that threshold. O(pairs).
    public func within(_ minutes: Double) -> Catchments {
        guard minutes < threshold else { return self }
        var offsets = [0], demand: [Int32] = [], kept: [Double] = []
        offsets.reserveCapacity(self.offsets.count)
        for j in 0..<siteCount {
            for p in range(of: j) where self.minutes[p] <= minutes {
                demand.append(self.demand[p])
                kept.append(self.minutes[p])
            }
            offsets.append(demand.count)
        }
        return Catchments(threshold: minutes, offsets: offsets, demand: demand, minutes: kept)
    }

    /// Checks the CSR invariants (monotone offsets, indices in range, minutes within the threshold).
    public func checkInvariants(demandCount: Int) -> Bool {
        guard let first = offsets.first, first == 0, offsets.last == demand.count, demand.count == minutes.count else {
            return false
        }
        for j in 0..<siteCount where offsets[j] > offsets[j + 1] { return false }
        return demand.allSatisfy { $0 >= 0 && Int($0) < demandCount }
            && minutes.allSatisfy { $0 >= 0 && $0 <= threshold }
    }
}
