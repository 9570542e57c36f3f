/// A failure reported by PROJ (or detected before calling it), with PROJ's own message text.
///
/// ```swift
/// do { _ = try Projection(to: CRS(epsg: 999_999)) }
/// catch { print(error.message) }   // "cannot create ... : proj_create: crs not found ..."
/// ```
public struct ProjectionError: Error, Sendable, CustomStringConvertible, Equatable {
    /// Human-readable message, including PROJ's message and, for batches, the failing point index.
    public var message: String
    /// PROJ error code (`PROJ_ERR_*`), or 0 when PROJ did not set one.
    public var code: Int32
    /// Index of the failing point in a batch (or 0 for a single point), `nil` for creation errors.
    public var pointIndex: Int?

    /// Creates an error.
    public init(message: String, code: Int32, pointIndex: Int? = nil) {
        self.message = message
        self.code = code
        self.pointIndex = pointIndex
    }

    /// The message followed by the PROJ error code.
    public var description: String { "ProjectionError(\(code)): \(message)" }
}
