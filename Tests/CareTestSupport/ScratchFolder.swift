import Foundation

/// A fresh folder under the temporary directory, for a test's outputs; the test removes it at its end.
public struct ScratchFolder: Sendable {
    /// The folder's path.
    public let path: String

    /// Creates an empty folder with a random name.
    public init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("careaccess-scratch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Removes the folder and what it holds.
    public func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// The names of the entries in the folder, sorted.
    public func contents() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: path).sorted() }
}
