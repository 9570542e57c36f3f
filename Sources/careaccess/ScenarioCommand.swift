import ArgumentParser
import CareIO

struct ScenarioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "Apply a what-if file (open/close sites, add/remove GPs, retirements) and compare with its baseline.",
        discussion: "Examples with comments: Fixtures/scenarios/*.yaml."
    )

    @Argument(help: ArgumentHelp("Scenario file (YAML or JSON).", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Write communes.csv, sites.csv and summary.txt into this folder.", valueName: "dir"))
    var out: String?

    @OptionGroup var report: ReportOptions

    /// `--quiet`: no progress bar (road-network catchments of the baseline, before and after).
    @OptionGroup var quiet: QuietOptions

    @OptionGroup var geojson: GeoJSONOptions

    func run() throws {
        try CLIErrors.exitOnFailure {
            let run = try ScenarioRun.run(path: file, progress: quiet.progress)
            // Before anything is written: no output may replace the scenario file or a file it reads.
            let written = out.map { d in ["communes.csv", "sites.csv", "summary.txt"].map { (option: "--out", path: Optional(d + "/" + $0)) } } ?? []
            try OutputPathCheck.refuseOverwrite(outputs: written + report.outputs + geojson.outputs,
                                                inputs: [("the scenario file", file)] + run.file.baseline.inputs)
            Diagnostics.printImportNotes(run.study)
            // Every output staged, then all renamed into place together (or none when one fails).
            let reportLine = try OutputTransaction.run { (transaction: inout OutputTransaction) throws -> String? in
                if let out { try run.stage(into: out, in: &transaction) }
                try geojson.stage(GeoJSONLayer.scenario(run), territory: run.study.territory, in: &transaction)
                return try report.stage(in: &transaction) { HTMLReport.scenario(run, language: $0) }
            }
            print(run.summaryText())
            if let reportLine { print(reportLine) }
            if let out { print("Written: \(out)/communes.csv, \(out)/sites.csv, \(out)/summary.txt") }
            geojson.printLocation()
        }
    }
}
