import ArgumentParser
import CareIO
import CareModel
import Foundation

struct AccessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access",
        abstract: "Floating-catchment accessibility per commune: 2SFCA, E2SFCA, G2SFCA, 3SFCA or the DREES APL.",
        discussion: """
            Catchments are built over every commune of the territory (GPs across a border are shared with \
            the neighbours); scores are reported for the studied communes. FCA scores are GPs per 10,000 \
            inhabitants; APL scores are consultations per standardised inhabitant per year: demand \
            age-standardised through each commune's département age structure (INSEE 2021, DREES 2023 weights; \
            --raw-population to opt out), activity per GP for GP counts derived to reproduce DREES's 2023 \
            national mean (--derive-activity-level re-derives it).
            """
    )

    enum Method: String, ExpressibleByArgument, CaseIterable {
        case twoStep = "2sfca", enhanced = "e2sfca", gravity = "g2sfca", threeStep = "3sfca", apl
    }

    enum Decay: String, ExpressibleByArgument, CaseIterable {
        case step, gaussian, power, exponential
    }

    @OptionGroup var study: StudyOptions
    @OptionGroup var travel: TravelOptions

    @Option(help: "Indicator.")
    var method: Method = .enhanced

    @Option(name: [.customLong("catchment"), .customLong("threshold")],
            help: ArgumentHelp("Catchment in minutes (inclusive; --threshold is the same option, kept for older scripts). Step weight bands must end within it.",
                               valueName: "minutes"))
    var threshold: Double = AccessibilityAnalysis.defaultCatchment

    @Option(help: ArgumentHelp(
        "Distance decay for e2sfca/3sfca (step, gaussian) or g2sfca (power, exponential). Default: step for e2sfca/3sfca, power for g2sfca.",
        valueName: "kind"))
    var decay: Decay?

    @Option(help: ArgumentHelp(
        "Step weights as upper:weight bands in minutes, e.g. '10:1,15:0.667,20:0.333'; 'drees' (default) or 'luo-qi' (1, 0.68, 0.22 on thirds of the threshold, inclusive).",
        valueName: "bands"))
    var weights: String = "drees"

    @Flag(help: "Step bands include their upper bound (t ≤ upper) instead of excluding it (the DREES convention).")
    var inclusiveBands = false

    @Option(help: ArgumentHelp("Gaussian σ in minutes (default: half the threshold).", valueName: "minutes"))
    var sigma: Double?

    @Option(help: ArgumentHelp("Gravity decay exponent β (power: t^-β; exponential: e^(-βt), per minute).", valueName: "beta"))
    var beta: Double = 1

    @Option(help: ArgumentHelp("Power decay: travel times below this count as this (avoids t = 0).", valueName: "minutes"))
    var minMinutes: Double = 1

    @Option(help: ArgumentHelp("Report communes below this score (default 2.5 for apl).", valueName: "score"))
    var below: Double?

    @Option(help: ArgumentHelp(
        "APL: yearly consultations + visits + teleconsultations per GP for GP counts (default: the level derived to reproduce DREES's 2023 national mean, \(Int(APLActivityLevel.consultationsPerGP.rounded()))).",
        valueName: "acts"))
    var activityPerGP: Double?

    @Option(help: ArgumentHelp("APL: exclude practitioners of this age or older (needs birth years), e.g. 65.", valueName: "age"))
    var excludeAge: Int?

    @Option(help: ArgumentHelp("APL: reference year for ages.", valueName: "year"))
    var year: Int = 2026

    @Flag(help: "APL: demand is the raw population (default: age-standardised through each commune's département age structure, INSEE 2021 × DREES 2023 weights).")
    var rawPopulation = false

    @Option(help: ArgumentHelp("APL: population by commune and age band (code,band,population), instead of the département structure.", valueName: "file.csv"))
    var ageStructure: String?

    @Option(help: ArgumentHelp("APL: GP consumption weight per age band (band,weight), instead of DREES's 2023 weights.", valueName: "file.csv"))
    var ageWeights: String?

    @Option(help: ArgumentHelp(
        "APL: print the activity per GP for GP counts that reproduces this mean APL (e.g. 3.74, DREES 2023) on the studied communes outside --derive-exclude and their reach, and exit.",
        valueName: "mean"))
    var deriveActivityLevel: Double?

    @Option(help: ArgumentHelp("With --derive-activity-level: a département whose GPs the supply lacks (repeatable; default 75, absent from the BPE).", valueName: "code"))
    var deriveExclude: [String] = []

    @Flag(help: "Score the communes a supply gap distorts anyway (default: a département with no GP while the file is dense elsewhere, e.g. Paris in the BPE extract, and every commune whose catchment reaches it are left out as no data).")
    var acceptSupplyGaps = false

    @Option(help: ArgumentHelp("Write the per-commune table to this CSV file (written atomically).", valueName: "file.csv"))
    var out: String?

    @Option(help: ArgumentHelp(
        "Classify the studied communes into under-served zones (score below --below, default 2.5 for apl) and complementary ones (up to --complementary-below) and write them to this CSV (code,name,departement,population,score,zone); --geojson gains a zone field, --report a zones table.",
        valueName: "file.csv"))
    var zones: String?

    @Option(help: ArgumentHelp(
        "With --zones: the complementary band's upper mark, strictly above --below (default 4 for apl; none for other indicators unless given).",
        valueName: "score"))
    var complementaryBelow: Double?

    @OptionGroup var report: ReportOptions

    @OptionGroup var geojson: GeoJSONOptions

    func run() throws {
        try CLIErrors.exitOnFailure {
            try OutputPathCheck.refuseOverwrite(
                outputs: OutputPathCheck.csv("--out", out) + OutputPathCheck.csv("--zones", zones) + report.outputs + geojson.outputs,
                inputs: study.inputs + travel.inputs + [("--age-structure", ageStructure), ("--age-weights", ageWeights)])
            _ = try PlausibleRange.check(year, in: PlausibleRange.year, option: "--year", what: "a year")
            if let excludeAge { _ = try PlausibleRange.check(excludeAge, in: PlausibleRange.age, option: "--exclude-age", what: "an age") }
            var loaded = try study.load()
            let (model, travelNotes) = try travel.travelTimeModel(for: loaded)
            loaded.notes += travelNotes
            Diagnostics.printImportNotes(loaded)
            let chosen = try accessibilityMethod(territory: loaded.territory)
            if let target = deriveActivityLevel {
                guard case .apl(let o) = chosen else { throw ValidationError("--derive-activity-level goes with --method apl") }
                guard activityPerGP == nil else { throw ValidationError("--derive-activity-level derives the activity per GP: drop --activity-per-gp") }
                let holes = deriveExclude.isEmpty ? ["75"] : deriveExclude
                let derivation = try APLLevelDerivation(target: target, holes: Set(holes), threshold: threshold,
                                                        underServed: below ?? 2.5)
                let r = try derivation.run(territory: loaded.territory, communes: loaded.demand, sites: loaded.supply.sites,
                                           model: model, options: o)
                print(APLLevelOutput.summary(r, derivation: derivation, study: loaded, modelSummary: model.summary))
                return
            }
            if !deriveExclude.isEmpty { throw ValidationError("--derive-exclude goes with --derive-activity-level") }
            let marks = try zoneMarks()
            let analysis = try AccessibilityAnalysis(threshold: threshold, method: chosen,
                                                     underServed: below ?? (method == .apl ? 2.5 : nil))
            // Supply gaps: their communes and those whose catchment reaches them get no score unless asked.
            let (studied, gapLine) = try loaded.handlingSupplyGaps(model: model, catchment: threshold, method: chosen,
                                                                    accepted: acceptSupplyGaps)
            loaded = studied
            let result = try analysis.run(territory: loaded.territory, communes: loaded.demand,
                                          sites: loaded.supply.sites, model: model)
            let classified = marks.map { UnderServedZones(result, territory: loaded.territory, marks: $0) }
            // Every output staged, then all renamed into place together (or none when one fails).
            let reportLine = try OutputTransaction.run { (transaction: inout OutputTransaction) throws -> String? in
                if let out {
                    try transaction.stage(AccessibilityOutput.csv(result, study: loaded), to: out)
                    try CSVMetadata(title: "CareAccess accessibility per commune", model: model.summary, caveats: model.caveats,
                                    sources: [loaded.territorySource, loaded.supplyProvenance], notes: loaded.notes.map(\.description))
                        .stage(besides: out, in: &transaction)
                }
                if let zones, let classified {
                    try transaction.stage(ZonesFile.csv(classified, study: loaded), to: zones)
                    try CSVMetadata(title: "CareAccess under-served zones per commune", model: model.summary, caveats: model.caveats,
                                    sources: [loaded.territorySource, loaded.supplyProvenance], notes: loaded.notes.map(\.description))
                        .stage(besides: zones, in: &transaction)
                }
                try geojson.stage(GeoJSONLayer.accessibility(result, study: loaded, zones: classified),
                                  territory: loaded.territory, in: &transaction)
                return try report.stage(in: &transaction) {
                    HTMLReport.accessibility(result, study: loaded, language: $0, zones: classified)
                }
            }
            print(AccessibilityOutput.summary(result, study: loaded, headline: gapLine.map { [$0.description] } ?? [],
                                              zones: classified.map { ZonesFile.summary($0, path: zones ?? "") } ?? []))
            if let reportLine { print(reportLine) }
            if let out { print("Per-commune table: \(out)") }
            geojson.printLocation()
        }
    }

    /// The zone marks when --zones asks for the classification: --below (default 2.5 for apl) and
    /// --complementary-below (default 4 for apl), range-checked before the run.
    func zoneMarks() throws -> ZoneMarks? {
        guard zones != nil else {
            if complementaryBelow != nil { throw ValidationError("--complementary-below goes with --zones") }
            return nil
        }
        let isAPL = method == .apl
        guard let u = below ?? (isAPL ? ZoneMarks.apl.underServed : nil) else {
            throw ValidationError("--zones with --method \(method.rawValue) needs --below (the under-served mark)")
        }
        return try ZoneMarks(underServed: u, complementary: complementaryBelow ?? (isAPL ? ZoneMarks.apl.complementary : nil))
    }

    func stepWeights() throws -> StepWeights {
        switch weights {
        case "drees": return inclusiveBands ? try StepWeights(bands: StepWeights.drees.bands, upperInclusive: true) : .drees
        case "luo-qi": return .luoQi(threshold: threshold)
        default:
            let bands = try weights.split(separator: ",").map { part -> StepWeights.Band in
                let kv = part.split(separator: ":")
                guard kv.count == 2, let upper = Double(kv[0].trimmingCharacters(in: .whitespaces)),
                      let w = Double(kv[1].trimmingCharacters(in: .whitespaces)) else {
                    throw ValidationError("--weights: '\(part)' is not upper:weight (e.g. 10:1)")
                }
                return StepWeights.Band(upper: upper, weight: w)
            }
            return try StepWeights(bands: bands, upperInclusive: inclusiveBands)
        }
    }

    func accessibilityMethod(territory: Territory) throws -> AccessibilityMethod {
        let sigma = self.sigma ?? threshold / 2
        switch method {
        case .twoStep:
            return .twoStep
        case .enhanced, .threeStep:
            let d: DistanceDecay
            switch decay ?? .step {
            case .step: d = .step(try stepWeights())
            case .gaussian: d = .gaussian(sigma: sigma)
            case .power, .exponential: throw ValidationError("--decay \(decay?.rawValue ?? ""): use it with --method g2sfca")
            }
            return method == .enhanced ? .enhanced(d) : .threeStep(d)
        case .gravity:
            switch decay ?? .power {
            case .power: return .gravity(.power(beta: beta, minimumMinutes: minMinutes))
            case .exponential: return .gravity(.exponential(beta: beta))
            case .step, .gaussian: throw ValidationError("--decay \(decay?.rawValue ?? ""): use it with --method e2sfca or 3sfca")
            }
        case .apl:
            var o = APLOptions(referenceYear: year)
            if let a = activityPerGP {
                o.activityPerGP = try PlausibleRange.checkActivityPerGP(a, option: "--activity-per-gp")
                o.activitySource = "set by --activity-per-gp"
            }
            o.excludeAgeAtLeast = excludeAge
            o.weights = try stepWeights()
            if rawPopulation {
                guard ageStructure == nil, ageWeights == nil else {
                    throw ValidationError("--raw-population excludes --age-structure and --age-weights")
                }
                return .apl(o)
            }
            let weights = try ageWeights.map { try AgeStructureFile.weights(path: $0, source: "consumption weights \($0)") }
                ?? APLDefaults.weights()
            if let s = ageStructure {
                o.demand = try AgeStructureFile.communeDemand(structurePath: s, weights: weights, territory: territory)
            } else {
                o.demand = .departementAgeStructure(try APLDefaults.structure(), weights)
            }
            return .apl(o)
        }
    }
}
