/// A malformed or unsupported (E)WKB or WKT input, with the offset where the problem was found.
///
/// `offset` is a position in hex characters for hex-level errors (invalid digit, odd length),
/// a byte offset in the decoded binary for other WKB errors, and a character offset in WKT text (``WKT``).
///
/// ```swift
/// do { _ = try EWKB.decode(hex: "0101") }
/// catch { print(error) }   // "truncated: needed 4 bytes at offset 1, have 1 (at offset 1)"
/// ```
public struct WKBError: Error, Sendable, CustomStringConvertible, Equatable {
    /// What went wrong, e.g. "unsupported geometry type 2 (LineString)".
    public var message: String
    /// Hex-character position (hex errors) or byte offset (binary errors) of the problem.
    public var offset: Int

    /// Creates an error.
    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    /// The message followed by the offset.
    public var description: String { "\(message) (at offset \(offset))" }
}
