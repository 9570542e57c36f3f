import CareIO
import CareReport
import CareStudy
import CareModel
import Foundation

/// The progress reporter of a command: a ``ProgressBar`` on standard error when it is a terminal (`isatty`)
/// and `--quiet` is off, silence otherwise (pipes, CI logs, redirected runs).
///
/// ```swift
/// let result = try place(problem, objective: .mclp, k: 5, method: .greedy, progress: TerminalProgress.reporter(quiet: false))
/// ```
/// Complexity: O(1).
enum TerminalProgress {
    static func reporter(quiet: Bool) -> any ProgressReporter {
        ProgressBar.standardError(quiet: quiet, isTerminal: isatty(STDERR_FILENO) != 0)
    }
}
