/// Why an ``AtomicWriter`` could not publish its file. The destination is untouched and no temporary is left.
///
/// ```swift
/// do { try AtomicWriter.write(bytes, to: path) } catch { print(error.path, error.message) }
/// ```
public struct AtomicWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The destination that was to be written.
    public var path: String
    /// What failed, e.g. `cannot create a file in out: Permission denied`.
    public var message: String

    /// An error about writing `path`.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`, on one line.
    public var description: String { MessageText.oneLine("\(path): \(message)") }
}
