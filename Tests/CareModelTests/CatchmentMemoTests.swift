import CareGeo
import Testing

@testable import CareModel

/// ``CatchmentMemo`` returns exactly what its model returns, on the SYNTHETIC calibrated instance of
/// ``CalibratedModelTests`` and on crow-fly over SYNTHETIC places, whatever the order, repeats and new sites.
struct CatchmentMemoTests {
    static func places(_ count: Int, seed: UInt64) -> [Place] {
        var state = seed
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        let o = CalibratedModelTests.origin
        return (0..<count).map { _ in
            Place(point: ProjectedPoint(x: o.x - 5_000 + 30_000 * next(), y: o.y - 5_000 + 25_000 * next()), crs: .lambert93)
        }
    }

    /// A report built on the memo words the model as it would the model itself: the summary's figures too, not
    /// only its English line (they were the English `.text` fallback before).
    @Test("the memo describes its model exactly as the model does", arguments: [false, true])
    func describesItsModel(calibrated: Bool) throws {
        let t = try CalibratedModelTests.territory()
        let model: any TravelTimeModel = calibrated
            ? try CalibratedModel(parameters: CalibratedModelTests.parameters(), territory: t, threads: 2)
            : try CrowFlyModel(speedKmh: 55, circuity: 1.25)
        let memo = CatchmentMemo(model: model)
        #expect(memo.summaryParts == model.summaryParts)
        if case .text = memo.summaryParts { Issue.record("a calibrated or crow-fly model has figures of its own") }
        #expect(memo.summary == model.summary)
        #expect(memo.caveats == model.caveats)
        #expect(memo.typicalErrorMinutes == model.typicalErrorMinutes)
    }

    @Test(arguments: [false, true])
    func repeatedSubsetAndNewSitesEqualTheModel(calibrated: Bool) throws {
        let t = try CalibratedModelTests.territory()
        let model: any TravelTimeModel = calibrated
            ? try CalibratedModel(parameters: CalibratedModelTests.parameters(), territory: t, threads: 2)
            : try CrowFlyModel(speedKmh: 60, circuity: 1.3)
        let memo = CatchmentMemo(model: model)
        let origins = t.communes.map(\.place)
        let sites = Self.places(40, seed: 7)
        // First call fills the memo; then the same, a shuffled subset with repeats, and new places mixed in.
        let calls: [[Place]] = [
            sites,
            sites,
            [sites[5], sites[3], sites[5], sites[39]] + sites[10..<20],
            Self.places(6, seed: 99) + sites.reversed() + Self.places(3, seed: 100),
            [],
        ]
        for (k, call) in calls.enumerated() {
            let expected = try model.catchments(from: call, to: origins, within: 12)
            #expect(try memo.catchments(from: call, to: origins, within: 12) == expected, "call \(k)")
        }
        #expect(memo.rememberedSites == 49)
        // Another threshold or other origins: the model's answer, not remembered.
        #expect(try memo.catchments(from: sites, to: origins, within: 8) == model.catchments(from: sites, to: origins, within: 8))
        let fewer = Array(origins.prefix(10))
        #expect(try memo.catchments(from: sites, to: fewer, within: 12) == model.catchments(from: sites, to: fewer, within: 12))
        #expect(memo.rememberedSites == 49)
        // The rest is the model's.
        #expect(try memo.nearest(from: origins, to: sites) == model.nearest(from: origins, to: sites))
        #expect(memo.summary == model.summary)
    }
}
