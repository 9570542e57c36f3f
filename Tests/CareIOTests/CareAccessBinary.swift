import Foundation

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
}
