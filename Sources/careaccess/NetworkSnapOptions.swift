import ArgumentParser
import CareNetwork

/// `--access-speed` and `--snap-limit` of the `network` subcommands that attach places to a graph (as the
/// `--travel network` options of coverage and access).
struct NetworkSnapOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Connector speed to the nearest node, km/h (as --access-speed).", valueName: "km/h"))
    var accessSpeed: Double = RoadSnapper.defaultAccessSpeedKmh
    @Option(help: ArgumentHelp("Places farther than this from every node are not attached, metres (as --snap-limit).", valueName: "m"))
    var snapLimit: Double = RoadSnapper.defaultLimitMetres

    func validate() throws {
        guard accessSpeed.isFinite, accessSpeed > 0 else { throw ValidationError("--access-speed must be a positive number of km/h") }
        guard snapLimit.isFinite, snapLimit >= 0 else { throw ValidationError("--snap-limit must be a finite number of metres ≥ 0") }
    }
}
