import CareIO
import CareStudy
import CareGeo
import CareModel

/// Writes a per-commune result as an RFC 7946 GeoJSON FeatureCollection for QGIS and GDAL: one feature per
/// row of the layer, `id` = INSEE code, coordinates in WGS84 longitude/latitude with six decimals, no `crs`
/// member.
///
/// Geometry: the commune boundary, inverse-projected from its own CRS (Lambert-93, or the overseas UTM
/// zones) and always written as a `MultiPolygon`, even with one part; a commune without a boundary (or
/// every commune, when the territory carries none) gets a `Point` at its representative location. A file
/// may therefore mix two geometry types. GDAL reads such a layer as geometry type "Unknown (any)" and
/// converts it to GeoPackage as is; QGIS offers the polygons and the points as two sub-layers. The
/// `has_boundary` property tells them apart (filter on it, or `ogr2ogr -where "has_boundary = 1"`, for a
/// polygon-only layer, e.g. to write a Shapefile).
///
/// Properties: ``sharedFields`` first, then the layer's own fields; every field keeps one JSON type across
/// all features, `null` where a value is missing or not finite.
///
/// ```swift
/// let layer = GeoJSONLayer.coverage(result, study: study)
/// try GeoJSONWriter.write(layer, territory: study.territory, to: "coverage.geojson")
/// ```
/// Complexity: O(rows + vertices); the document is streamed (memory O(chunk vertices), not O(file)),
/// inverse projections run one PROJ batch per CRS per chunk of `chunkSize` communes.
public enum GeoJSONWriter {
    /// The commune properties written before the layer's own: INSEE code, name, département, population
    /// and whether the geometry is the commune boundary (else a point).
    public static let sharedFields: [GeoJSONField] = [
        GeoJSONField("code", .string), GeoJSONField("name", .string), GeoJSONField("departement", .string),
        GeoJSONField("population", .integer), GeoJSONField("has_boundary", .boolean),
    ]

    /// Writes `layer` to `path` atomically (temporary file, then rename): on any error the destination is
    /// left as it was and the error names the file and, for a projection failure, the commune.
    public static func write(
        _ layer: GeoJSONLayer, territory: Territory, to path: String, chunkSize: Int = 512
    ) throws(OutputError) {
        var transaction = OutputTransaction()
        try stage(layer, territory: territory, to: path, in: &transaction, chunkSize: chunkSize)
        try transaction.commit()
    }

    /// Streams `layer` into a temporary of `transaction`, published with the run's other outputs by its commit.
    public static func stage(
        _ layer: GeoJSONLayer, territory: Territory, to path: String, in transaction: inout OutputTransaction,
        chunkSize: Int = 512
    ) throws(OutputError) {
        let sharedNames = Set(sharedFields.map(\.name))
        if let clash = layer.fields.first(where: { sharedNames.contains($0.name) }) {
            throw OutputError(file: path, message: "field '\(clash.name)' is already a shared commune property")
        }
        if let bad = layer.rows.firstIndex(where: { !territory.communes.indices.contains($0.commune) }) {
            throw OutputError(file: path, message: "row \(bad): commune index \(layer.rows[bad].commune) is not in the territory")
        }
        if let bad = layer.rows.firstIndex(where: { $0.values.count != layer.fields.count }) {
            throw OutputError(file: path, message: "row \(bad): \(layer.rows[bad].values.count) values for \(layer.fields.count) fields")
        }
        let keys = layer.fields.map { ",\"\(jsonEscaped($0.name))\":" }
        let step = max(1, chunkSize)
        try GeoJSONOutputStream.stage(to: path, in: &transaction) { (out: inout GeoJSONOutputStream) throws(OutputError) in
            try out.write("{\"type\":\"FeatureCollection\",\"name\":")
            try out.writeJSONString(layer.name)
            try out.write(",\"features\":[\n")
            var projections: [CRS: Projection] = [:]
            var separator = "{\"type\":\"Feature\",\"id\":"
            for start in stride(from: 0, to: layer.rows.count, by: step) {
                let chunk = layer.rows[start..<min(start + step, layer.rows.count)]
                let geometries = try lonLatGeometries(
                    chunk.map(\.commune), territory: territory, projections: &projections, path: path)
                for (row, geometry) in zip(chunk, geometries) {
                    let c = territory.communes[row.commune]
                    try out.write(separator)
                    separator = ",\n{\"type\":\"Feature\",\"id\":"
                    try out.writeJSONString(c.code)
                    try out.write(",\"geometry\":")
                    try geometry.write(to: &out)
                    try out.write(",\"properties\":{\"code\":")
                    try out.writeJSONString(c.code)
                    try out.write(",\"name\":")
                    try out.writeJSONString(c.name)
                    try out.write(",\"departement\":")
                    try out.writeJSONString(c.departement)
                    try out.write(",\"population\":\(c.population),\"has_boundary\":")
                    if case .multiPolygon = geometry { try out.write("true") } else { try out.write("false") }
                    for (key, value) in zip(keys, row.values) {
                        try out.write(key)
                        try value.write(to: &out)
                    }
                    try out.write("}}")
                }
            }
            try out.write("\n]}\n")
        }
    }

    /// Geometries of `communes` (territory indices), aligned with them: cleaned WGS84 boundaries, or points
    /// at the commune location. One inverse projection per CRS present.
    ///
    /// Complexity: O(communes + vertices).
    static func lonLatGeometries(
        _ communes: [Int], territory: Territory, projections: inout [CRS: Projection], path: String
    ) throws(OutputError) -> [GeoJSONGeometry] {
        var result = communes.map { GeoJSONGeometry(point: territory.communes[$0].location) }
        var byCRS: [CRS: [(position: Int, shape: MultiPolygon)]] = [:]
        for (position, commune) in communes.enumerated() {
            if let shape = territory.boundary(at: commune), !shape.polygons.isEmpty {
                byCRS[territory.communes[commune].crs, default: []].append((position, shape))
            }
        }
        for (crs, items) in byCRS.sorted(by: { $0.key.epsg < $1.key.epsg }) {
            let projection: Projection
            if let cached = projections[crs] {
                projection = cached
            } else {
                do {
                    projection = try Projection(to: crs)
                } catch {
                    throw OutputError(file: path, message: "cannot convert \(crs) boundaries to WGS84: \(error.message)")
                }
                projections[crs] = projection
            }
            let merged = MultiPolygon(polygons: items.flatMap(\.shape.polygons))
            let lonLat: MultiPolygon
            do {
                lonLat = try projection.inverse(merged)
            } catch {
                throw failure(items.map { ($0.shape, territory.communes[communes[$0.position]].code) },
                              projection: projection, path: path, fallback: error)
            }
            var offset = 0
            for item in items {
                let parts = Array(lonLat.polygons[offset..<offset + item.shape.polygons.count])
                offset += item.shape.polygons.count
                if let geometry = GeoJSONGeometry(lonLat: MultiPolygon(polygons: parts)) {
                    result[item.position] = geometry
                }
            }
        }
        return result
    }

    /// The error naming the first commune whose boundary PROJ cannot convert (found by retrying one by one).
    private static func failure(
        _ shapes: [(MultiPolygon, String)], projection: Projection, path: String, fallback: ProjectionError
    ) -> OutputError {
        for (shape, code) in shapes {
            do {
                _ = try projection.inverse(shape)
            } catch {
                return OutputError(file: path, message: "commune \(code): cannot convert its boundary from \(projection.target) to WGS84: \(error.message)")
            }
        }
        return OutputError(file: path, message: "cannot convert boundaries from \(projection.target) to WGS84: \(fallback.message)")
    }

    private static func jsonEscaped(_ name: String) -> String {
        name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
