import CareModel
import CarePlacement
import Testing
@testable import CareStudy

/// The one builder of the accessibility method: every method and decay, the defaults of ``StudyDefaults``, and
/// the values that do not go with a method refused with the option named.
@Suite("Indicator specification")
struct IndicatorSpecTests {
    @Test("each method builds the model's method, with the DREES steps and the defaults")
    func methods() throws {
        #expect(try IndicatorSpec(method: .twoStep).accessibilityMethod() == .twoStep)
        #expect(try IndicatorSpec(method: .enhanced).accessibilityMethod() == .enhanced(.step(.drees)))
        #expect(try IndicatorSpec(method: .threeStep).accessibilityMethod() == .threeStep(.step(.drees)))
        #expect(try IndicatorSpec(method: .gravity).accessibilityMethod() == .gravity(.power(beta: 1, minimumMinutes: 1)))
        var gaussian = IndicatorSpec(method: .enhanced)
        gaussian.decay = .gaussian
        gaussian.catchment = 30
        #expect(try gaussian.accessibilityMethod() == .enhanced(.gaussian(sigma: 15)))
        var raw = IndicatorSpec(method: .apl)
        raw.demand = .population
        guard case .apl(let o) = try raw.accessibilityMethod() else { Issue.record("not apl"); return }
        #expect(o.referenceYear == StudyDefaults.referenceYear && o.activityPerGP == StudyDefaults.activityPerGP
                && o.imputedActivity == StudyDefaults.imputedActivity && o.demand == .population && o.weights == .drees)
        #expect(IndicatorSpec(method: .apl).catchment == StudyDefaults.catchment)
        #expect(IndicatorSpec(method: .apl).defaultUnderServed == StudyDefaults.underServedAPL)
        #expect(IndicatorSpec(method: .enhanced).defaultUnderServed == nil)
    }

    @Test("a decay or an APL value that does not go with the method is refused, naming the option")
    func refusals() {
        var power = IndicatorSpec(method: .enhanced)
        power.decay = .power
        #expect(throws: ModelError.invalidParameter(name: "--decay", value: "power", reason: "use it with --method g2sfca")) {
            try power.accessibilityMethod()
        }
        var step = IndicatorSpec(method: .gravity)
        step.decay = .step
        #expect(throws: ModelError.invalidParameter(name: "--decay", value: "step", reason: "use it with --method e2sfca or 3sfca")) {
            try step.accessibilityMethod()
        }
        var age = IndicatorSpec(method: .enhanced)
        age.excludeAgeAtLeast = 65
        #expect(throws: ModelError.invalidParameter(name: "--exclude-age", value: "65", reason: "applies to --method apl only, not e2sfca")) {
            try age.accessibilityMethod()
        }
        var year = IndicatorSpec(method: .apl)
        year.referenceYear = 1492
        #expect(throws: ModelError.self) { try year.accessibilityMethod() }
        var bands = IndicatorSpec(method: .enhanced)
        bands.weights = "10:1,15"
        #expect(throws: ModelError.invalidParameter(name: "--weights", value: "15", reason: "not upper:weight (e.g. 10:1)")) {
            try bands.accessibilityMethod()
        }
    }

    @Test("the scenario baseline decodes into the same spec: indicator, catchment, demand, activity")
    func scenarioBaseline() throws {
        let yaml = """
        name: spec
        baseline: {indicator: apl, catchment: 30, demand: population, activity_per_gp: 4000}
        events: []
        """
        let f = try ScenarioFile.parse(yaml, file: "s.yaml", directory: "/tmp")
        var expected = IndicatorSpec(method: .apl)
        expected.catchment = 30
        expected.demand = .population
        expected.activityPerGP = 4_000
        expected.activitySource = "activity_per_gp in the scenario file"
        #expect(f.baseline.indicator == expected)
        #expect(throws: (any Error).self) {
            _ = try ScenarioFile.parse("name: x\nbaseline: {indicator: g2sfca}\nevents: []\n", file: "s.yaml", directory: "/tmp")
        }
    }

    @Test("objectives: every name decodes; access without its goal is refused")
    func objectives() throws {
        #expect(ObjectiveSpec.allCases.map(\.rawValue) == ["mclp", "lscp", "pmedian", "pcenter", "access"])
        #expect(try ObjectiveSpec.pmedian.objective(accessibility: nil) == .pMedian)
        #expect(throws: ModelError.self) { try ObjectiveSpec.access.objective(accessibility: nil) }
    }
}

extension IndicatorSpecTests {
    @Test("validate refuses what accessibilityMethod refuses, without reading any file")
    func validation() throws {
        var apl = IndicatorSpec(method: .apl)
        apl.ageStructurePath = "/nonexistent/structure.csv"
        try apl.validate()                      // the file is not read
        apl.referenceYear = 1492
        #expect(throws: ModelError.self) { try apl.validate() }
        var age = IndicatorSpec(method: .twoStep)
        age.ageWeightsPath = "w.csv"
        #expect(throws: ModelError.invalidParameter(name: "--age-weights", value: "w.csv", reason: "applies to --method apl only, not 2sfca")) {
            try age.validate()
        }
    }
}
