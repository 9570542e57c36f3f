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
        /// JSON string, integer number, real number, or `true`/`false`.
        case string, integer, real, boolean
    }

    /// Property name in every feature's `properties` (and the column name in GDAL).
    public var name: String
    /// JSON type of the property's values.
    public var kind: Kind

    /// Creates a field named `name` of type `kind`.
    public init(_ name: String, _ kind: Kind) {
        self.name = name
        self.kind = kind
    }
}
