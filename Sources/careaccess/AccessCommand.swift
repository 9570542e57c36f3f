import ArgumentParser
import CareIO
import CareReport
import CareStudy
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

    typealias Method = IndicatorSpec.Method
    typealias Decay = IndicatorSpec.Decay

    @OptionGroup var study: StudyOptions
    @OptionGroup var travel: TravelOptions

    @Option(help: "Indicator.")
    var method: Method = .enhanced

    @Option(name: [.customLong("catchment"), .customLong("threshold")],
            help: ArgumentHelp("Catchment in minutes (inclusive; --threshold is the same option, kept for older scripts). Step weight bands must end within it.",
                               valueName: "minutes"))
    var threshold: Double = StudyDefaults.catchment

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

    @Option(help: ArgumentHelp("Report communes below this score (default \(StudyDefaults.underServedAPL.shortText) for apl).", valueName: "score"))
    var below: Double?

    @Option(help: ArgumentHelp(
        "APL: yearly consultations + visits + teleconsultations per GP for GP counts (default: the level derived to reproduce DREES's 2023 national mean, \(Int(APLActivityLevel.consultationsPerGP.rounded()))).",
        valueName: "acts"))
    var activityPerGP: Double?

    @Option(help: ArgumentHelp("APL: exclude practitioners of this age or older (needs birth years), e.g. 65.", valueName: "age"))
    var excludeAge: Int?

    @Option(help: ArgumentHelp("APL: reference year for ages.", valueName: "year"))
    var year: Int = StudyDefaults.referenceYear

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
        "Classify the studied communes into under-served zones (score below --below, default \(StudyDefaults.underServedAPL.shortText) for apl) and complementary ones (up to --complementary-below) and write them to this CSV (code,name,departement,population,score,zone); --geojson gains a zone field, --report a zones table.",
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
            var spec = try study.spec(travel: travel)
            spec.indicator = indicator
            spec.underServed = below
            spec.acceptSupplyGaps = acceptSupplyGaps
            let (prepared, model, chosen) = try AccessRun.prepare(spec, progress: travel.quiet.progress, loaded: Diagnostics.printImportNotes)
            if let target = deriveActivityLevel {
                let loaded = prepared
                guard case .apl(let o) = chosen else { throw ValidationError("--derive-activity-level goes with --method apl") }
                guard activityPerGP == nil else { throw ValidationError("--derive-activity-level derives the activity per GP: drop --activity-per-gp") }
                let holes = deriveExclude.isEmpty ? ["75"] : deriveExclude
                let derivation = try APLLevelDerivation(target: target, holes: Set(holes), threshold: threshold,
                                                        underServed: below ?? StudyDefaults.underServedAPL)
                let r = try derivation.run(territory: loaded.territory, communes: loaded.demand, sites: loaded.supply.sites,
                                           model: model, options: o)
                print(APLLevelOutput.summary(r, derivation: derivation, study: loaded, modelSummary: model.summary))
                return
            }
            if !deriveExclude.isEmpty { throw ValidationError("--derive-exclude goes with --derive-activity-level") }
            let marks = try zoneMarks()
            let run = try AccessRun.run(spec, study: prepared, model: model, method: chosen)
            let (loaded, result, gapLine) = (run.study, run.result, run.study.supplyGap)
            let classified = marks.map { UnderServedZones(result, territory: loaded.territory, marks: $0) }
            // Every output staged, then all renamed into place together (or none when one fails).
            let reportLine = try OutputTransaction.run { (transaction: inout OutputTransaction) throws -> String? in
                if let out {
                    try transaction.stage(AccessibilityOutput.csv(result, study: loaded), to: out)
                    try CSVMetadata(title: "CareAccess accessibility per commune", model: model.summary, caveats: model.caveats.map(\.description),
                                    sources: [loaded.territorySource, loaded.supplyProvenance], notes: loaded.notes.map(\.description))
                        .stage(besides: out, in: &transaction)
                }
                if let zones, let classified {
                    try transaction.stage(ZonesFile.csv(classified, territory: loaded.territory), to: zones)
                    try CSVMetadata(title: "CareAccess under-served zones per commune", model: model.summary, caveats: model.caveats.map(\.description),
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

    /// The indicator as the flags state it (defaults from ``StudyDefaults``).
    var indicator: IndicatorSpec {
        var spec = IndicatorSpec(method: method)
        spec.catchment = threshold
        spec.decay = decay
        spec.weights = weights
        spec.inclusiveBands = inclusiveBands
        spec.sigma = sigma
        spec.beta = beta
        spec.minimumMinutes = minMinutes
        spec.activityPerGP = activityPerGP
        spec.excludeAgeAtLeast = excludeAge
        spec.referenceYear = year
        spec.demand = rawPopulation ? .population : .standardised
        spec.ageStructurePath = ageStructure
        spec.ageWeightsPath = ageWeights
        return spec
    }
}
