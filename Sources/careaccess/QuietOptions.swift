import ArgumentParser
import CareModel

/// `--quiet` for the commands that run long (import; coverage, access, scenario and compare on a road network;
/// place and the placement options of compare): no progress bar on standard error. The bar is also off
/// whenever standard error is not a terminal.
struct QuietOptions: ParsableArguments {
    @Flag(help: "No progress bar on standard error (it is shown only on a terminal anyway).")
    var quiet = false

    /// The reporter to hand to long library operations.
    var progress: any ProgressReporter { TerminalProgress.reporter(quiet: quiet) }
}
