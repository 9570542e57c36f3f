import Foundation

/// The debug `careaccess` that `swift build` builds beside the tests, for end-to-end runs. Suites that run it
/// are enabled only when it is there (`.enabled(if: CareAccessBinary.path != nil)`); CI builds it first.
public enum CareAccessBinary {
    /// The executable, `nil` when it has not been built.
    public static let path: String? = {
        let path = PackageRoot.url.appendingPathComponent(".build/debug/careaccess").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }()

    /// The binary has not been built (`swift build` first).
    public struct NotBuilt: Error, CustomStringConvertible {
        public var description: String { "no .build/debug/careaccess: run `swift build` first" }
    }

    /// What a run of the binary gave.
    public struct Run {
        /// The exit status (or the signal's number when killed).
        public var status: Int32
        /// Whether the binary exited or was killed by a signal.
        public var reason: Process.TerminationReason
        /// What it wrote to standard output.
        public var stdout: String
        /// What it wrote to standard error.
        public var stderr: String
    }

    /// Runs the built binary with `arguments` from the package root and waits for it. Its output goes to two
    /// scratch files, not pipes, so a run that writes much to both streams cannot block on a full pipe.
    public static func run(_ arguments: [String]) throws -> Run {
        guard let path else { throw NotBuilt() }
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let (outPath, errPath) = (scratch.path + "/stdout", scratch.path + "/stderr")
        guard FileManager.default.createFile(atPath: outPath, contents: nil),
              FileManager.default.createFile(atPath: errPath, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        defer { try? out.close(); try? err.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = PackageRoot.url
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, reason: process.terminationReason,
                   stdout: try String(contentsOfFile: outPath, encoding: .utf8),
                   stderr: try String(contentsOfFile: errPath, encoding: .utf8))
    }
}
