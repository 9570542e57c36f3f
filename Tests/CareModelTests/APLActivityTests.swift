import CareGeo
import CareKernel
import Testing

@testable import CareModel

/// APL supply: activity per site kind, GPs new to practice, GP counts at the level per GP.
struct APLActivityTests {
    static func listed(_ kind: SiteKind, _ practitioners: [Practitioner]) -> SupplySite {
        var s = CoverageTests.site("S", 0, 0, Double(practitioners.count))
        s.practitioners = practitioners
        s.kind = kind
        return s
    }

    @Test func healthCentresAreNotCapped() {
        let o = APLOptions(referenceYear: 2026)
        let ps = [Practitioner(activity: 9_000), Practitioner(activity: 200), Practitioner(activity: 3_000)]
        // Liberal practice: 6,000 + 0 + 3,600.
        #expect(o.supply(of: Self.listed(.practice, ps)).activity == 9_600)
        #expect(o.supply(of: Self.listed(.msp, ps)).activity == 9_600)
        #expect(!o.supply(of: Self.listed(.practice, ps)).uncapped)
        // Health centres (salaried GPs): as recorded.
        for kind in [SiteKind.healthCentre, .salariedCentre] {
            let s = o.supply(of: Self.listed(kind, ps))
            #expect(s.activity == 12_200)
            #expect(s.uncapped)
        }
        #expect(SiteKind.allCases.filter { !$0.activityIsCapped } == [.healthCentre, .salariedCentre])
    }

    @Test func newToPracticeGets5400() {
        let o = APLOptions(referenceYear: 2026)
        let s = o.supply(of: Self.listed(.practice, [Practitioner(fte: 1, activity: 1_000, newToPractice: true),
                                                     Practitioner(fte: 1, activity: 1_000)]))
        #expect(s.activity == 5_400 + 3_600)
        #expect(s.imputed == 1)
    }

    @Test func countsUseTheLevelPerGPUncapped() throws {
        var o = APLOptions(referenceYear: 2026)
        // A level below 3,600 is a mean per GP, not one GP's record: not raised to 3,600.
        o.activityPerGP = 3_000
        let s = o.supply(of: CoverageTests.site("S", 0, 0, 4))
        #expect(s.activity == 12_000 && s.counted)
        o.activityPerGP = -1
        #expect(throws: ModelError.self) { try AccessibilityAnalysis(method: .apl(o)) }
        o.activityPerGP = .infinity
        #expect(throws: ModelError.self) { try AccessibilityAnalysis(method: .apl(o)) }
    }

    @Test func scenarioSitesCarryTheirKind() throws {
        let t = try Territory(communes: [CoverageTests.commune("07001", 0, 0, 1_000)])
        let s = Scenario(name: "s", events: [ScenarioEvent(.openSite(.init(location: .commune("07001"), kind: .healthCentre, fte: 2)))])
        let out = try s.apply(to: [CoverageTests.site("A", 0, 0, 1)], territory: t)
        #expect(out.sites.map(\.kind) == [.practice, .healthCentre])
    }
}
