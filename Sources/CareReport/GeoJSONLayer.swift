import CareIO
import CareStudy
/// The run-specific properties of a GeoJSON export: one row of values per reported commune, all rows with
/// the same fields in the same order. The commune properties every layer shares (code, name, …) are added by
/// ``GeoJSONWriter``.
///
/// ```swift
/// var layer = GeoJSONLayer(name: "coverage", fields: [GeoJSONField("minutes", .real)])
/// layer.append(commune: 0, values: [.real(12.5)])
/// try GeoJSONWriter.write(layer, territory: territory, to: "coverage.geojson")
/// ```
/// Complexity: `append` is amortised O(fields).
public struct GeoJSONLayer: Sendable {
    /// One feature's values, aligned with ``GeoJSONLayer/fields``.
    public struct Row: Sendable, Hashable {
        /// Index of the commune in the territory.
        public var commune: Int
        /// The values, one per field of the layer, in field order.
        public var values: [GeoJSONValue]
    }

    /// Layer name, written as the collection's `name` member (GDAL uses it as the layer name).
    public var name: String
    /// The run-specific properties, in the order they are written.
    public private(set) var fields: [GeoJSONField]
    /// The appended rows, in the order they are written.
    public private(set) var rows: [Row] = []

    /// An empty layer named `name` with `fields`.
    public init(name: String, fields: [GeoJSONField]) {
        self.name = name
        self.fields = fields
    }

    /// Appends one commune's values; they must match ``fields`` in number and kind (checked in debug builds).
    public mutating func append(commune: Int, values: [GeoJSONValue]) {
        assert(values.count == fields.count && zip(values, fields).allSatisfy { $0.kind == $1.kind },
               "GeoJSON row does not match the layer's fields")
        rows.append(Row(commune: commune, values: values))
    }
}
