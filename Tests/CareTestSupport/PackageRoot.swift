import Foundation

/// The checkout's root (the directory holding `Package.swift`, `Fixtures/`, `Scripts/`), for tests that read
/// the project's own files or run its scripts.
public enum PackageRoot {
    /// The root as a file URL (this file is `Tests/CareTestSupport/PackageRoot.swift`).
    public static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// The root's path.
    public static var path: String { url.path }
    /// A path under `Fixtures/`.
    public static func fixture(_ relative: String) -> String { url.appendingPathComponent("Fixtures/" + relative).path }
}
