import CareIO
import CareStudy
/// A named feature property with one JSON type for every feature (values may be `null`), so that GDAL and
/// QGIS give the column a stable type.
///
/// ```swift
/// let minutes = GeoJSONField("minutes", .real)
/// ```
public struct GeoJSONField: Sendable, Hashable {
    /// JSON type of the property's values; GDAL reads them as String, Integer, Real and Integer(Boolean).
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case string, integer, real, boolean
    }

    public var name: String
    public var kind: Kind

    public init(_ name: String, _ kind: Kind) {
        self.name = name
        self.kind = kind
    }
}
