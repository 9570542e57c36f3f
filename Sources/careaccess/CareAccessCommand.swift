import ArgumentParser
import CareIO
import CareReport
import CareStudy

@main
struct CareAccessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "careaccess",
        abstract: "Access to primary care in French medical deserts: coverage, accessibility, scenarios.",
        discussion: """
            With no --territory/--supply, commands run on the embedded real fixture: the communes of \
            Ardèche (07) and the GPs of the communes within 35 km (INSEE BPE).
            """,
        version: CareAccessVersion.current,
        subcommands: [CoverageCommand.self, AccessCommand.self, ScenarioCommand.self, CompareCommand.self, SweepCommand.self, PlaceCommand.self, InternsCommand.self, TravelCommand.self, NetworkCommand.self, ImportCommand.self, ExportPeerCommand.self],
        defaultSubcommand: CoverageCommand.self
    )
}
