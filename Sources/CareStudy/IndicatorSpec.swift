import CareIO
import CareModel
import Foundation

/// The accessibility indicator of a study, as its specification states it: the method, its catchment and
/// distance decay, and for the APL the activity, the demand and the reference year. `careaccess access` and
/// `place` flags, and the `baseline` of scenario and compare files, all decode into this one type, and
/// ``accessibilityMethod(territory:)`` is the one place that turns it into the model's ``AccessibilityMethod``.
/// Every value left out takes its default from ``CareModel/StudyDefaults``.
///
/// The methods: 2SFCA (Luo & Wang 2003), E2SFCA (Luo & Qi 2009), G2SFCA (Wang 2012, gravity decay), 3SFCA
/// (Wan, Zou & Sternberg 2012) and the DREES APL (Barlet et al., DREES/IRDES 2012: E2SFCA with the DREES step
/// weights, supply in yearly activity, age-standardised demand).
///
/// ```swift
/// var spec = IndicatorSpec(method: .apl)
/// spec.excludeAgeAtLeast = 65
/// let method = try spec.accessibilityMethod(territory: study.territory)
/// ```
public struct IndicatorSpec: Sendable, Hashable, Codable {
    /// The indicator; its raw value is the name the CLI and the files use.
    public enum Method: String, Sendable, Hashable, Codable, CaseIterable {
        /// 2SFCA (Luo & Wang 2003), E2SFCA (Luo & Qi 2009), G2SFCA (Wang 2012), 3SFCA (Wan, Zou & Sternberg 2012),
        /// and the DREES APL (Barlet et al. 2012), in consultations per standardised inhabitant per year.
        case twoStep = "2sfca", enhanced = "e2sfca", gravity = "g2sfca", threeStep = "3sfca", apl
    }

    /// The distance decay of E2SFCA/3SFCA (step, gaussian) and G2SFCA (power, exponential).
    public enum Decay: String, Sendable, Hashable, Codable, CaseIterable {
        /// Step bands of weights, a Gaussian of width ``IndicatorSpec/sigma`` minutes, `minutes^-beta`, or `exp(-beta × minutes)`.
        case step, gaussian, power, exponential
    }

    /// The APL's demand: the age-standardised population (DREES) or the raw one.
    public enum Demand: String, Sendable, Hashable, Codable, CaseIterable {
        /// Inhabitants weighted by age-group consumption (DREES), or inhabitants as counted.
        case standardised, population
    }

    /// The indicator to compute.
    public var method: Method
    /// Catchment in minutes (inclusive); the last step band must end within it.
    public var catchment: Double = StudyDefaults.catchment
    /// `nil`: step for E2SFCA/3SFCA, power for G2SFCA.
    public var decay: Decay?
    /// Step weights: `drees`, `luo-qi` or bands `upper:weight,…` (e.g. `10:1,15:0.667,20:0.333`).
    public var weights: String = "drees"
    /// Step bands include their upper bound (`<=` instead of `<`).
    public var inclusiveBands = false
    /// Gaussian width in minutes; `nil`: half the catchment.
    public var sigma: Double?
    /// Gravity exponent (power or exponential decay).
    public var beta: Double = 1
    /// Power decay: minutes below which the decay is flat.
    public var minimumMinutes: Double = 1
    /// APL: yearly activity per GP of a supply that only counts GPs; `nil`: ``CareModel/StudyDefaults/activityPerGP``.
    public var activityPerGP: Double?
    /// APL: where a given ``activityPerGP`` comes from, as outputs state it.
    public var activitySource: String?
    /// APL: the demand.
    public var demand: Demand = .standardised
    /// APL: the year ages are taken in.
    public var referenceYear: Int = StudyDefaults.referenceYear
    /// APL: exclude practitioners of this age or older (needs birth years).
    public var excludeAgeAtLeast: Int?
    /// APL: a commune age structure file instead of the département one that ships with the package.
    public var ageStructurePath: String?
    /// APL: consumption weights file instead of the DREES 2023 ones that ship with the package.
    public var ageWeightsPath: String?

    /// A spec for `method` with every other value at its default.
    public init(method: Method) { self.method = method }

    /// The under-served mark of this indicator when the spec gives none: ``CareModel/StudyDefaults/underServedAPL``
    /// for the APL, none for the FCA family (their scores have no agreed mark).
    public var defaultUnderServed: Double? { method == .apl ? StudyDefaults.underServedAPL : nil }

    /// The model's method. Throws ``CareModel/ModelError`` naming the option (as the CLI spells it) for values out of
    /// range or a decay that does not go with the method, ``CareIO/InputError`` for unreadable age files.
    /// `territory` places a commune age structure (``ageStructurePath``); only then is it needed.
    public func accessibilityMethod(territory: Territory? = nil) throws -> AccessibilityMethod {
        try checkAPLOnlyValues()
        switch method {
        case .twoStep:
            return .twoStep
        case .enhanced, .threeStep:
            let d: DistanceDecay
            switch decay ?? .step {
            case .step: d = .step(try stepWeights())
            case .gaussian: d = .gaussian(sigma: sigma ?? catchment / 2)
            case .power, .exponential: throw wrongDecay(for: "g2sfca")
            }
            return method == .enhanced ? .enhanced(d) : .threeStep(d)
        case .gravity:
            switch decay ?? .power {
            case .power: return .gravity(.power(beta: beta, minimumMinutes: minimumMinutes))
            case .exponential: return .gravity(.exponential(beta: beta))
            case .step, .gaussian: throw wrongDecay(for: "e2sfca or 3sfca")
            }
        case .apl:
            return .apl(try aplOptions(territory: territory))
        }
    }

    /// Refuses the APL's own values (activity, age exclusion, demand, age files) with another method.
    private func checkAPLOnlyValues() throws(ModelError) {
        guard method != .apl else { return }
        let aplOnly: [(String, String?)] = [("--activity-per-gp", activityPerGP.map { "\($0)" }), ("--exclude-age", excludeAgeAtLeast.map { "\($0)" }),
                                            ("--raw-population", demand == .population ? "" : nil), ("--age-structure", ageStructurePath),
                                            ("--age-weights", ageWeightsPath)]
        if let (name, value) = aplOnly.first(where: { $0.1 != nil }) {
            throw .invalidParameter(name: name, value: value ?? "", reason: "applies to --method apl only, not \(method.rawValue)")
        }
    }

    /// Every check that needs no file and no territory (the values that go with the method, ranges, decay,
    /// weights), so that a run can refuse a bad indicator before loading its data.
    public func validate() throws {
        try checkAPLOnlyValues()
        var probe = self
        probe.ageStructurePath = nil
        probe.ageWeightsPath = nil
        if method == .apl { probe.demand = .population }
        _ = try probe.accessibilityMethod()
    }

    private func wrongDecay(for methods: String) -> ModelError {
        .invalidParameter(name: "--decay", value: decay?.rawValue ?? "", reason: "use it with --method \(methods)")
    }

    private func aplOptions(territory: Territory?) throws -> APLOptions {
        _ = try PlausibleRange.check(referenceYear, in: PlausibleRange.year, option: "--year", what: "a year")
        if let age = excludeAgeAtLeast { _ = try PlausibleRange.check(age, in: PlausibleRange.age, option: "--exclude-age", what: "an age") }
        var o = APLOptions(referenceYear: referenceYear)
        if let a = activityPerGP {
            o.activityPerGP = try PlausibleRange.checkActivityPerGP(a, option: "--activity-per-gp")
            o.activitySource = activitySource ?? "set by --activity-per-gp"
        }
        o.excludeAgeAtLeast = excludeAgeAtLeast
        o.weights = try stepWeights()
        if demand == .population {
            guard ageStructurePath == nil, ageWeightsPath == nil else {
                throw ModelError.invalidParameter(name: "--raw-population", value: "", reason: "excludes --age-structure and --age-weights")
            }
            return o
        }
        let weights = try ageWeightsPath.map { try AgeStructureFile.weights(path: $0, source: "consumption weights \($0)") }
            ?? APLDefaults.weights()
        if let s = ageStructurePath {
            guard let territory else {
                throw ModelError.invalidParameter(name: "--age-structure", value: s, reason: "a commune age structure needs the study's territory")
            }
            o.demand = try AgeStructureFile.communeDemand(structurePath: s, weights: weights, territory: territory)
        } else {
            o.demand = .departementAgeStructure(try APLDefaults.structure(), weights)
        }
        return o
    }

    /// The step weights named by ``weights``.
    public func stepWeights() throws -> StepWeights {
        switch weights {
        case "drees": return inclusiveBands ? try StepWeights(bands: StepWeights.drees.bands, upperInclusive: true) : .drees
        case "luo-qi": return .luoQi(threshold: catchment)
        default:
            let bands = try weights.split(separator: ",").map { part -> StepWeights.Band in
                let kv = part.split(separator: ":")
                guard kv.count == 2, let upper = Double(kv[0].trimmingCharacters(in: .whitespaces)),
                      let w = Double(kv[1].trimmingCharacters(in: .whitespaces)) else {
                    throw ModelError.invalidParameter(name: "--weights", value: String(part), reason: "not upper:weight (e.g. 10:1)")
                }
                return StepWeights.Band(upper: upper, weight: w)
            }
            return try StepWeights(bands: bands, upperInclusive: inclusiveBands)
        }
    }
}
