import Foundation
import Testing

/// The debug `careaccess` that `swift build --build-tests` builds beside the tests, for end-to-end runs.
enum CareAccessBinary {
    /// The package root (beside `Tests/`).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// The executable, `nil` when it has not been built.
    static let path: String? = {
        let path = root.appendingPathComponent(".build/debug/careaccess").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }()

    /// What a run of the binary gave.
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the built binary with `arguments` from the package root and waits for it.
    static func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(path))
        process.arguments = arguments
        process.currentDirectoryURL = root
        let (out, err) = (Pipe(), Pipe())
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}
