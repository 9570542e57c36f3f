import ArgumentParser
import CareIO
import CareReport
import CareStudy
import CareModel
import Foundation

struct InternsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interns",
        abstract: "Grants to interns placed in under-served zones, by straight-line distance from their faculty of medicine.",
        discussion: """
            FILE lists the faculties, the placements (commune, lon/lat, faculty, general_practice or saspas, months), \
            an optional distance schedule and budget. --zones (from access --zones) checks eligibility. \
            Example: Fixtures/interns/grand-est-interns.yaml (synthetic placements).
            """
    )


    @Argument(help: ArgumentHelp("Interns file (YAML).", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Eligible zones: a CSV written by access --zones (default: eligibility not checked).", valueName: "zones.csv"))
    var zones: String?

    @Option(name: .customLong("zone-level"), help: "With --zones: under-served zones only, or complementary ones too.")
    var zoneLevel: ZoneLevel = .underServed

    @Option(help: ArgumentHelp("With --supply: the effect of the intern posts on access (APL before/after) on this territory (CSV or .catr).", valueName: "file"))
    var territory: String?

    @Option(help: ArgumentHelp("With --territory: the GP supply the intern posts are added to (BPE CSV or practitioners).", valueName: "file.csv"))
    var supply: String?

    @Option(help: ArgumentHelp("Write every grant to this CSV file (written atomically, with its -metadata.json).", valueName: "file.csv"))
    var out: String?

    func run() throws {
        try CLIErrors.exitOnFailure {
            try OutputPathCheck.refuseOverwrite(outputs: OutputPathCheck.csv("--out", out),
                                                inputs: [("the interns file", file), ("--zones", zones), ("--territory", territory), ("--supply", supply)])
            var spec = InternsRun.Spec(internsPath: file)
            spec.zonesPath = zones
            spec.zoneLevel = zoneLevel.zone
            spec.territoryPath = territory
            spec.supplyPath = supply
            let run = try InternsRun.run(spec)
            if let out {
                try OutputTransaction.run { (transaction: inout OutputTransaction) throws in try run.stageGrants(to: out, in: &transaction) }
            }
            print(run.summaryText)
            if let out { print("Grants: \(out)") }
        }
    }
}
