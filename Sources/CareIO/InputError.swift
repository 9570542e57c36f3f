import CareKernel

/// A problem in an input file, located precisely enough to fix it: file, line (1-based, the line where the
/// record starts) and field (column name) when known.
///
/// Its description reads `communes.csv:12: field 'population': -5 is negative`, always on one line: control
/// characters anywhere in it are escaped (``CareKernel/MessageText/oneLine(_:)``).
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var field: String?
    public var message: String

    public init(file: String, line: Int? = nil, field: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

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
    public var file: String
    public var message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    /// `file: message`, on one line (control characters escaped).
    public var description: String { MessageText.oneLine("\(file): \(message)") }
}
