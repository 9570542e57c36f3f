import CareGeo
import CareKernel
import Testing

@testable import CareModel

/// Age-standardised APL demand through the département structure (hand-made structures: figures chosen so the
/// expected values are computable by hand).
struct APLDemandTests {
    /// Two metropolitan départements of 1,000 inhabitants, "01" young and "23" old, and an overseas one.
    static func structure() throws -> DepartementAgeStructure {
        try DepartementAgeStructure(year: 2021, source: "hand-made", populations: [
            "01": ["young": 800, "old": 200],
            "23": ["young": 400, "old": 600],
            "971": ["young": 900, "old": 100],
        ])
    }

    static let weights = try? ConsumptionWeights(source: "hand-made", weights: ["young": 0.5, "old": 2])

    @Test func indexIsRelativeToMetropolitanMean() throws {
        let w = try #require(Self.weights)
        let idx = try DepartementIndex(structure: try Self.structure(), weights: w)
        // m_01 = (800·0.5 + 200·2)/1000 = 0.8; m_23 = (200 + 1200)/1000 = 1.4; metro mean (800 + 1400)/2000 = 1.1.
        #expect(abs(idx.meanWeight - 1.1) < 1e-15)
        #expect(abs((idx.index["01"] ?? 0) - 0.8 / 1.1) < 1e-15)
        #expect(abs((idx.index["23"] ?? 0) - 1.4 / 1.1) < 1e-15)
        #expect(idx.reference == ["01", "23"])
        // Overseas départements get an index too, relative to the metropolitan mean: (450 + 200)/1000 / 1.1.
        #expect(abs((idx.index["971"] ?? 0) - 0.65 / 1.1) < 1e-15)
    }

    @Test func standardisationConservesMetropolitanPopulation() throws {
        let w = try #require(Self.weights)
        let s = try Self.structure()
        let idx = try DepartementIndex(structure: s, weights: w)
        // On the structure's own populations, the standardised total equals the population exactly.
        let total = idx.reference.reduce(0.0) { $0 + (s.total(of: $1) ?? 0) * (idx.index[$1] ?? 0) }
        #expect(abs(total - 2_000) < 1e-9)
        // Per commune: communes sharing their département's structure and population conserve it too.
        let demand = APLDemand.departementAgeStructure(s, w)
        let v = try demand.weights(codes: ["01001", "01002", "23001"], populations: [300, 700, 1_000]).values
        #expect(abs(v.reduce(0, +) - 2_000) < 1e-9)
    }

    @Test func olderDepartementGetsMoreDemand() throws {
        let w = try #require(Self.weights)
        let demand = APLDemand.departementAgeStructure(try Self.structure(), w)
        let r = try demand.weights(codes: ["01001", "23001"], populations: [1_000, 1_000])
        #expect(r.values[1] > 1_000 && 1_000 > r.values[0])
        #expect(abs(r.values[1] / r.values[0] - 1.4 / 0.8) < 1e-12)
        #expect(r.isStandardised)
        guard case .ageStandardisedDemand(let bands, _, _, let indices)? = r.notes.first else {
            Issue.record("no age-standardisation note: \(r.notes)"); return
        }
        #expect(bands == (try Self.structure()).bands.count)
        guard case .between(let lo, let loDep, let hi, let hiDep)? = indices else { Issue.record("no index range"); return }
        #expect(loDep == "01" && hiDep == "23" && abs(hi / lo - 1.4 / 0.8) < 1e-12)
    }

    @Test func missingDepartementKeepsRawPopulationAndIsNamed() throws {
        let w = try #require(Self.weights)
        let demand = APLDemand.departementAgeStructure(try Self.structure(), w)
        let r = try demand.weights(codes: ["01001", "97501", "97502", "97701"], populations: [1_000, 5_000, 1_000, 10_000])
        #expect(r.values[1] == 5_000 && r.values[2] == 1_000 && r.values[3] == 10_000)
        #expect(r.notes.contains(.noAgeStructure(departements: ["975", "977"], communes: 3, population: 16_000)))
    }

    @Test func rejectsIncompleteInputs() throws {
        let w = try #require(Self.weights)
        // A département without one of the others' bands.
        #expect(throws: ModelError.self) {
            try DepartementAgeStructure(year: 2021, source: "", populations: ["01": ["young": 1, "old": 1], "02": ["young": 1]])
        }
        #expect(throws: ModelError.self) { try DepartementAgeStructure(year: 2021, source: "", populations: ["01": ["young": -1]]) }
        #expect(throws: ModelError.self) { try DepartementAgeStructure(year: 2021, source: "", populations: ["01": ["young": 0]]) }
        #expect(throws: ModelError.self) { try ConsumptionWeights(source: "", weights: ["young": .nan]) }
        #expect(throws: ModelError.self) { try ConsumptionWeights(source: "", weights: ["young": 0]) }
        // A band with no weight.
        let s = try DepartementAgeStructure(year: 2021, source: "", populations: ["01": ["young": 1, "middle": 1]])
        #expect(throws: ModelError.self) { try DepartementIndex(structure: s, weights: w) }
        // Commune-level demand must cover every commune.
        #expect(throws: ModelError.self) {
            try APLDemand.communes(["01001": 5], source: "x").weights(codes: ["01001", "01002"], populations: [1, 1])
        }
    }

    @Test func analysisUsesTheStandardisedDemandAndSaysSo() throws {
        let w = try #require(Self.weights)
        let communes = [CoverageTests.commune("01001", 0, 0, 1_000, dep: "01"), CoverageTests.commune("23001", 30_000, 0, 1_000, dep: "23")]
        let t = try Territory(communes: communes)
        let sites = [CoverageTests.site("A", 0, 0, 2), CoverageTests.site("B", 30_000, 0, 2)]
        var o = APLOptions(referenceYear: 2026)
        o.activityPerGP = 4_000
        o.demand = .departementAgeStructure(try Self.structure(), w)
        let r = try AccessibilityAnalysis(threshold: 20, method: .apl(o), underServed: 2.5)
            .run(territory: t, communes: [0, 1], sites: sites, model: try CrowFlyModel())
        // 30 km apart: 39 min crow-fly, separate catchments; each site's 8,000 consultations over its own demand.
        #expect(abs(r.rows[0].demand - 1_000 * 0.8 / 1.1) < 1e-9)
        #expect(abs(r.rows[0].score - 8_000 / (1_000 * 0.8 / 1.1)) < 1e-9)
        #expect(abs(r.rows[1].score - 8_000 / (1_000 * 1.4 / 1.1)) < 1e-9)
        #expect(r.inputs.map(\.label) == ["Demand", "Activity", "Caps"])
        #expect(r.inputs[0].text.contains("age-standardised via the département age structure"))
        #expect(r.inputs[1].text.contains("4,000 consultations + visits + teleconsultations per GP"))
        #expect(r.method.unit == "consultations per standardised inhabitant per year")
    }
}
