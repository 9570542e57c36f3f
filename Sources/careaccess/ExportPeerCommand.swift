import ArgumentParser
import CareIO
import CareReport
import CareStudy
import CareModel
import Foundation

struct ExportPeerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-peer",
        abstract: "Write demand.csv and supply.csv for the reference harness (scipy cKDTree, PySAL access, spopt)."
    )

    @OptionGroup var study: StudyOptions

    @Option(name: .customLong("out-dir"), help: ArgumentHelp("Folder to write demand.csv and supply.csv into.", valueName: "dir"))
    var outDir: String

    func run() throws {
        try CLIErrors.exitOnFailure {
            try OutputPathCheck.refuseOverwrite(outputs: [("--out-dir", outDir + "/demand.csv"), ("--out-dir", outDir + "/supply.csv")],
                                                inputs: study.inputs)
            let loaded = try study.load()
            try OutputTransaction.run { (transaction: inout OutputTransaction) throws in
                try transaction.stage(PeerExport.demandCSV(loaded), to: outDir + "/demand.csv")
                try transaction.stage(PeerExport.supplyCSV(loaded), to: outDir + "/supply.csv")
            }
            print("\(loaded.demand.count) demand points, \(loaded.supply.sites.count) sites written to \(outDir)")
        }
    }
}
