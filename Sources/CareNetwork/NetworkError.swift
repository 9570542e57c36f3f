import CareKernel
/// A problem reading or building a road network, located precisely enough to fix it: the file and, when
/// known, where in it (a byte offset and blob index for `.osm.pbf`, a line for `.osm` XML).
///
/// ```swift
/// do { _ = try RoadGraph.load(path: "bad.osm.pbf") }
/// catch let e as NetworkError { print(e) }   // "bad.osm.pbf: blob 3 at byte 81920: truncated blob (…)"
/// ```
public struct NetworkError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file (or a label such as `"synthetic grid"`).
    public var file: String
    /// Where in the file: `"blob 3 at byte 81920"`, `"line 12"`, …; `nil` when the whole file is at fault.
    public var location: String?
    /// What is wrong, in plain language.
    public var message: String

    /// Creates an error.
    public init(file: String, location: String? = nil, message: String) {
        self.file = file
        self.location = location
        self.message = message
    }

    /// `file: location: message`, on one line (control characters escaped, ``CareKernel/MessageText``).
    public var description: String {
        if let location { return MessageText.oneLine("\(file): \(location): \(message)") }
        return MessageText.oneLine("\(file): \(message)")
    }
}
