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
            if zones == nil, zoneLevel != .underServed { throw ValidationError("--zone-level goes with --zones") }
            if (territory == nil) != (supply == nil) { throw ValidationError("--territory and --supply go together (the effect on access)") }
            let interns = try InternsFile.load(path: file)
            let zoneFile = try zones.map { try ZonesFile.load(path: $0) }
            let grants = try InternGrants(placements: interns.placements, faculties: interns.faculties, schedule: interns.schedule,
                                          zones: zoneFile?.zones, level: zoneLevel.zone, gpFraction: interns.gpFraction)
            let text = InternsOutput.text(grants, file: interns, zonesSource: zones, level: zoneLevel.zone)
            if let out {
                try OutputTransaction.run { (transaction: inout OutputTransaction) throws in
                    try transaction.stage(InternsOutput.csv(grants, file: interns), to: out)
                    try CSVMetadata(title: "CareAccess intern grants", model: "straight line (great circle) from the faculty",
                                    sources: [file] + (zones.map { [$0] } ?? []),
                                    notes: interns.synthetic ? ["The placements are synthetic (marked so in the file)."] : [])
                        .stage(besides: out, in: &transaction)
                }
            }
            print(text)
            if let territory, let supply {
                let run = try InternsAccess.run(grants, name: interns.name, territoryPath: territory, supplyPath: supply, path: file)
                print("\nEffect on access of the intern posts (temporary supply, as a scenario):")
                print(run.summaryText())
            }
            if let out { print("Grants: \(out)") }
        }
    }
}
