import ArgumentParser
import CareIO
import CareReport
import CareStudy

/// `--report FILE.html` and `--lang fr|en`: the self-contained HTML report with maps, shared by `coverage`,
/// `access`, `scenario` and `compare`.
struct ReportOptions: ParsableArguments {
    enum Language: String, ExpressibleByArgument, CaseIterable {
        case fr, en
    }

    @Option(name: .customLong("report"), help: ArgumentHelp(
        "Write a self-contained HTML report with maps (inline SVG, no network needed) to this file (written atomically).",
        valueName: "file.html"))
    var reportPath: String?

    @Option(help: "Language of the report: fr (default, for French readers) or en.")
    var lang: Language = .fr

    /// The output file given, for ``OutputPathCheck``.
    var outputs: [OutputPathCheck.Named] { [("--report", reportPath)] }

    var language: ReportLanguage { lang == .en ? .en : .fr }

    /// Builds and stages the report in `transaction` when `--report` was given; returns a line for the summary, or `nil`.
    func stage(in transaction: inout OutputTransaction, _ build: (ReportLanguage) -> String) throws -> String? {
        guard let reportPath else { return nil }
        try transaction.stage(build(language), to: reportPath)
        return "HTML report: \(reportPath)"
    }
}
