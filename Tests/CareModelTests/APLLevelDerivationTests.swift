import CareGeo
import CareKernel
import Testing

@testable import CareModel

/// The closed-form activity level (SYNTHETIC seeded territories; the real instance is in CareIOTests).
struct APLLevelDerivationTests {
    /// The random case of ``AccessibilityInvariantTests`` with its communes split into département "07" (x <
    /// 60 km) and a hole "26" (x ≥ 60 km) whose GPs are removed.
    static func caseWithHole(seed: UInt64) throws -> (Territory, [SupplySite]) {
        let (t, sites) = try AccessibilityInvariantTests.randomCase(seed: seed)
        let communes = t.communes.enumerated().map { k, c -> Commune in
            var c = c
            let dep = c.point.x - 800_000 >= 60_000 ? "26" : "07"
            c.code = dep + String(format: "%03d", k)
            c.departement = dep
            return c
        }
        return (try Territory(communes: communes), sites.filter { $0.point.x - 800_000 < 60_000 })
    }

    @Test(arguments: [4, 5] as [UInt64])
    func reproducesTheTargetAndIsLinear(seed: UInt64) throws {
        let (t, sites) = try Self.caseWithHole(seed: seed)
        let model = try CrowFlyModel()
        let d = try APLLevelDerivation(target: 3.74, holes: ["26"])
        let r = try d.run(territory: t, communes: Array(t.communes.indices), sites: sites, model: model, options: APLOptions(referenceYear: 2026))
        #expect(abs(r.reproduced.meanScore - 3.74) <= 1e-12 * 3.74)
        // Linear: the level is the target over the mean at 1 consultation per GP, and twice the level twice the mean.
        #expect(abs(r.level - 3.74 / r.meanPerUnit) <= 1e-12 * r.level)
        var o = APLOptions(referenceYear: 2026)
        o.activityPerGP = 2 * r.level
        let twice = try AccessibilityAnalysis(threshold: 20, method: .apl(o), underServed: 2.5)
            .run(territory: t, communes: r.reference, sites: sites, model: model)
        #expect(abs(twice.summary.meanScore - 7.48) <= 1e-12 * 7.48)
        // Exclusions against brute force: a commune is excluded when some commune point of 26 is under
        // 20 minutes from it (the DREES bands give 20 minutes exactly weight 0).
        let hole = t.communes.indices.filter { t.communes[$0].departement == "26" }
        let reaches = { (i: Int) in
            hole.contains { h in
                let dx = t.communes[i].point.x - t.communes[h].point.x, dy = t.communes[i].point.y - t.communes[h].point.y
                return model.minutes(forMetres: (dx * dx + dy * dy).squareRoot()) < 20
            }
        }
        #expect(r.holeCommunes == hole)
        #expect(r.reachingCommunes == t.communes.indices.filter { t.communes[$0].departement == "07" && reaches($0) })
        #expect(r.reference == t.communes.indices.filter { t.communes[$0].departement == "07" && !reaches($0) })
        #expect(!r.reachingCommunes.isEmpty && !r.reference.isEmpty)
    }

    @Test func listedPractitionersEnterAsAFixedTerm() throws {
        let (t, listed) = try Self.caseWithHole(seed: 6)
        var sites = listed
        // One listed site with recorded activity: A(L) = L·a + b.
        sites[0].practitioners = [Practitioner(activity: 4_500), Practitioner(activity: 5_000)]
        sites[0].gps = 2
        let model = try CrowFlyModel()
        let r = try APLLevelDerivation(target: 3.74, holes: ["26"])
            .run(territory: t, communes: Array(t.communes.indices), sites: sites, model: model, options: APLOptions(referenceYear: 2026))
        #expect(r.fixedMean > 0)
        #expect(abs(r.level - (3.74 - r.fixedMean) / r.meanPerUnit) <= 1e-12 * r.level)
        #expect(abs(r.reproduced.meanScore - 3.74) <= 1e-12 * 3.74)
        // A target the listed practitioners alone exceed has no positive level.
        #expect(throws: ModelError.self) {
            try APLLevelDerivation(target: r.fixedMean / 2, holes: ["26"])
                .run(territory: t, communes: Array(t.communes.indices), sites: sites, model: model, options: APLOptions(referenceYear: 2026))
        }
        #expect(throws: ModelError.self) { try APLLevelDerivation(target: 0) }
        #expect(throws: ModelError.self) { try APLLevelDerivation(target: .nan) }
    }
}
