import CareKernel

/// A problem in an input file, located precisely enough to fix it: file, line (1-based, the line where the
/// record starts) and field (column name) when known.
///
/// Its description reads `communes.csv:12: field 'population': -5 is negative`, always on one line: control
/// characters anywhere in it are escaped (``CareKernel/MessageText/oneLine(_:)``).
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it (a path, or the display name an importer was given).
    public var file: String
    /// The 1-based line where the faulty record starts, or `nil` for a problem of the whole file.
    public var line: Int?
    /// The column (or YAML key) at fault, or `nil` when the problem is not in one field.
    public var field: String?
    /// What is wrong, in words a user can act on (`-5 is negative`), without the location.
    public var message: String

    /// Creates an error from its parts.
    public init(file: String, line: Int? = nil, field: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// `file:line: field 'name': message`, the line and field parts only when known, on one line.
    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        s += ": "
        if let field { s += "field '\(field)': " }
        return MessageText.oneLine(s + message)
    }
}

/// A problem writing an output file.
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The output path that could not be written.
    public var file: String
    /// What went wrong (`folder out does not exist`, `cannot write: …`), without the path.
    public var message: String

    /// Creates an error from its parts.
    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    /// `file: message`, on one line (control characters escaped).
    public var description: String { MessageText.oneLine("\(file): \(message)") }
}
