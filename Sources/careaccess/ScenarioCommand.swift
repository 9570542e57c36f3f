import ArgumentParser
import CareIO
import CareReport
import CareStudy
import CareModel

struct ScenarioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "Apply a what-if file (open/close sites, add/remove GPs, retirements) and compare with its baseline.",
        discussion: "Examples with comments: Fixtures/scenarios/*.yaml."
    )

    @Argument(help: ArgumentHelp("Scenario file (YAML or JSON).", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Write communes.csv, sites.csv and summary.txt into this folder (with draws: communes.csv, bands.csv, draws.csv, summary.txt).", valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("Monte-Carlo draws of the retirements with an assumed share: bands and probabilities (default \(ScenarioDraws.defaultDraws) when the file has such a retirement; 1 runs the file's own seed once).", valueName: "n"))
    var draws: Int?

    @Option(help: ArgumentHelp("Seed the draws derive from (each draw from the seed and its number alone; default \(StudyDefaults.drawSeed)).", valueName: "s"))
    var seed: UInt64?

    @Option(help: ArgumentHelp("Worker threads (default: all cores); the results do not depend on it.", valueName: "n"))
    var threads: Int?

    @OptionGroup var report: ReportOptions

    /// `--quiet`: no progress bar (road-network catchments of the baseline, before and after).
    @OptionGroup var quiet: QuietOptions

    @OptionGroup var geojson: GeoJSONOptions

    func run() throws {
        try CLIErrors.exitOnFailure {
            var spec = ScenarioSpec(path: file)
            spec.draws = draws
            if let seed { spec.seed = seed }
            spec.threads = threads
            let loaded = try spec.load()
            if let note = loaded.note { eprint("Note: " + note) }
            let written = loaded.draws > 1 ? ScenarioDraws.outputs : ["communes.csv", "sites.csv", "summary.txt"]
            // Before anything runs or is written: no output may replace the scenario file or a file it reads.
            try refuseOverwrite(written, baseline: loaded.file.baseline)
            switch try spec.run(loaded, progress: quiet.progress) {
            case .single(let run): try render(run, written)
            case .draws(let drawn): try render(drawn)
            }
        }
    }

    /// One evaluation: the outcome against the baseline.
    func render(_ run: ScenarioRun, _ written: [String]) throws {
        Diagnostics.printImportNotes(run.study)
        // Every output staged, then all renamed into place together (or none when one fails).
        let reportLine = try OutputTransaction.run { (transaction: inout OutputTransaction) throws -> String? in
            if let out { try run.stage(into: out, in: &transaction) }
            try geojson.stage(GeoJSONLayer.scenario(run), territory: run.study.territory, in: &transaction)
            return try report.stage(in: &transaction) { HTMLReport.scenario(run, language: $0) }
        }
        print(run.summaryText())
        finish(reportLine, written)
    }

    /// `--draws N` (N ≥ 2): bands across the draws instead of one outcome.
    func render(_ drawn: ScenarioDraws) throws {
        Diagnostics.printImportNotes(drawn.first.study)
        let reportLine = try OutputTransaction.run { (transaction: inout OutputTransaction) throws -> String? in
            if let out { try drawn.stage(into: out, in: &transaction) }
            try geojson.stage(GeoJSONLayer.scenarioDraws(drawn), territory: drawn.first.study.territory, in: &transaction)
            return try report.stage(in: &transaction) { HTMLReport.scenarioDraws(drawn, language: $0) }
        }
        print(drawn.summaryText())
        finish(reportLine, ScenarioDraws.outputs)
    }

    /// Refuses outputs that would replace the scenario file or a file its baseline reads.
    func refuseOverwrite(_ names: [String], baseline: ScenarioFile.Baseline) throws {
        let written = out.map { d in names.map { (option: "--out", path: Optional(d + "/" + $0)) } } ?? []
        try OutputPathCheck.refuseOverwrite(outputs: written + report.outputs + geojson.outputs,
                                            inputs: [("the scenario file", file)] + baseline.inputs)
    }

    func finish(_ reportLine: String?, _ names: [String]) {
        if let reportLine { print(reportLine) }
        if let out { print("Written: " + names.map { "\(out)/\($0)" }.joined(separator: ", ")) }
        geojson.printLocation()
    }
}
