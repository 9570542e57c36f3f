import ArgumentParser
import CareIO
import CareReport
import CareStudy

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Evaluate named options (scenario events or k sites chosen by an objective) against one baseline and rank them.",
        discussion: "Example: Fixtures/scenarios/ardennes-options.yaml."
    )

    @Argument(help: ArgumentHelp("Comparison file (YAML or JSON).", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Write the ranked table to this CSV file (written atomically).", valueName: "file.csv"))
    var out: String?

    @OptionGroup var report: ReportOptions

    /// `--quiet`: no progress bar (road-network catchments of the baseline, placement picks).
    @OptionGroup var quiet: QuietOptions

    func run() throws {
        try CLIErrors.exitOnFailure {
            let run = try CompareRun.run(path: file, progress: quiet.progress)
            // Before anything is written: no output may replace the comparison file or a file it reads.
            try OutputPathCheck.refuseOverwrite(outputs: [("--out", out)] + report.outputs,
                                                inputs: [("the comparison file", file)] + run.file.baseline.inputs)
            Diagnostics.printImportNotes(run.study)
            // --out and --report renamed into place together (or neither when one fails).
            let reportLine = try OutputTransaction.run { (transaction: inout OutputTransaction) throws -> String? in
                if let out { try transaction.stage(run.csv(), to: out) }
                return try report.stage(in: &transaction) { HTMLReport.compare(run, language: $0) }
            }
            print(run.table())
            if let reportLine { print(reportLine) }
            if let out { print("Ranked table: \(out)") }
        }
    }
}
