import CareGeo
import CareIO
import CareModel
import CareTestSupport
import Foundation
import Testing

@testable import CareReport

/// A hand-made territory (synthetic communes, labelled as such) with hand-drawn square boundaries whose
/// corners are round Lambert-93 / UTM 40S coordinates, and the WGS84 positions `cs2cs` gives for them:
/// `printf '826000 6405000\n' | cs2cs -f %.9f EPSG:2154 EPSG:4326` → `44.732700395 4.591511924`.
enum GeoJSONFixture {
    static func xy(_ x: Double, _ y: Double) -> XY { XY(x: x, y: y) }

    /// Square A (07001), given clockwise and closed: the writer must turn it counter-clockwise.
    static let squareA = [xy(826_000, 6_405_000), xy(826_000, 6_406_000), xy(827_000, 6_406_000),
                          xy(827_000, 6_405_000), xy(826_000, 6_405_000)]
    /// cs2cs (EPSG:2154 → 4326) for the corners of A, as (lon, lat), keyed by the projected corner.
    static let wgs84: [XY: LonLat] = [
        xy(826_000, 6_405_000): LonLat(lon: 4.591511924, lat: 44.732700395),
        xy(827_000, 6_405_000): LonLat(lon: 4.604139510, lat: 44.732518230),
        xy(827_000, 6_406_000): LonLat(lon: 4.604396117, lat: 44.741519365),
        xy(826_000, 6_406_000): LonLat(lon: 4.591766513, lat: 44.741701560),
        xy(830_000, 6_410_000): LonLat(lon: 4.643335933, lat: 44.776968599),
        xy(834_000, 6_410_000): LonLat(lon: 4.693884836, lat: 44.776207651),
        xy(834_000, 6_414_000): LonLat(lon: 4.694970045, lat: 44.812212048),
        xy(830_000, 6_414_000): LonLat(lon: 4.644388777, lat: 44.812973493),
        xy(831_000, 6_411_000): LonLat(lon: 4.656238393, lat: 44.785781675),
        xy(833_000, 6_411_000): LonLat(lon: 4.681516889, lat: 44.785401139),
        xy(833_000, 6_413_000): LonLat(lon: 4.682055448, lat: 44.803403401),
        xy(831_000, 6_413_000): LonLat(lon: 4.656768861, lat: 44.803784061),
    ]
    /// cs2cs (EPSG:2975 → 4326) for the corners of D, in La Réunion.
    static let wgs84Reunion: [XY: LonLat] = [
        xy(338_000, 7_690_000): LonLat(lon: 55.442593827, lat: -20.883144691),
        xy(339_000, 7_690_000): LonLat(lon: 55.452204789, lat: -20.883231961),
        xy(339_000, 7_691_000): LonLat(lon: 55.452297337, lat: -20.874199497),
        xy(338_000, 7_691_000): LonLat(lon: 55.442686949, lat: -20.874112269),
    ]

    /// 07001: square A. 07002: a 4 km square with a 2 km hole, both given counter-clockwise and open, with a
    /// repeated vertex. 07003: no boundary (a point). 97411: a 1 km square in La Réunion (EPSG:2975).
    static func territory() throws -> Territory {
        func c(_ code: String, _ name: String, _ pop: Int, _ at: LonLat, _ crs: CRS) -> Commune {
            Commune(code: code, name: name, population: pop, departement: Commune.departement(ofCode: code),
                    location: at, point: ProjectedPoint(x: 0, y: 0), crs: crs, pointSource: .townHall)
        }
        var t = try Territory(communes: [
            c("07001", "Synthétique \"A\"", 1_000, LonLat(lon: 4.598, lat: 44.737), .lambert93),
            c("07002", "Synthetic B\\with hole", 2_500, LonLat(lon: 4.65, lat: 44.78), .lambert93),
            c("07003", "Synthetic point C", 0, LonLat(lon: 4.5986, lat: 44.7356), .lambert93),
            c("97411", "Synthetic Réunion D", 300, LonLat(lon: 55.447, lat: -20.878), .rgr92UTM40S),
        ])
        let b = Polygon(exterior: [xy(830_000, 6_410_000), xy(834_000, 6_410_000), xy(834_000, 6_410_000),
                                   xy(834_000, 6_414_000), xy(830_000, 6_414_000)],
                        holes: [[xy(831_000, 6_411_000), xy(833_000, 6_411_000), xy(833_000, 6_413_000),
                                 xy(831_000, 6_413_000)]])
        let d = Polygon(exterior: [xy(338_000, 7_690_000), xy(339_000, 7_690_000), xy(339_000, 7_691_000),
                                   xy(338_000, 7_691_000), xy(338_000, 7_690_000)])
        try t.setBoundaries([MultiPolygon(polygons: [Polygon(exterior: squareA)]), MultiPolygon(polygons: [b]),
                             nil, MultiPolygon(polygons: [d])])
        return t
    }

    /// Run-like properties: minutes (one unreachable → +∞, one NaN), a site id (one missing), a flag.
    static func layer() -> GeoJSONLayer {
        var layer = GeoJSONLayer(name: "test_layer", fields: [
            GeoJSONField("minutes", .real), GeoJSONField("site", .string), GeoJSONField("within_t", .boolean),
            GeoJSONField("rank", .integer),
        ])
        layer.append(commune: 0, values: [.real(12), .string("S1"), .boolean(true), .integer(1)])
        layer.append(commune: 1, values: [.real(.infinity), .string(nil), .boolean(false), .integer(nil)])
        layer.append(commune: 2, values: [.real(.nan), .string("S2"), .boolean(nil), .integer(3)])
        layer.append(commune: 3, values: [.real(7.25), .string("S3"), .boolean(true), .integer(4)])
        return layer
    }
}

/// Parsed GeoJSON, read back with JSONSerialization.
struct ParsedGeoJSON {
    let root: [String: Any]
    let features: [[String: Any]]

    init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        features = try #require(root["features"] as? [[String: Any]])
    }

    func geometry(_ i: Int) throws -> [String: Any] { try #require(features[i]["geometry"] as? [String: Any]) }
    func properties(_ i: Int) throws -> [String: Any] { try #require(features[i]["properties"] as? [String: Any]) }

    /// Rings of a MultiPolygon feature as [[polygon][ring][position (lon, lat)]].
    func rings(_ i: Int) throws -> [[[LonLat]]] {
        let coordinates = try #require(try geometry(i)["coordinates"] as? [[[[Double]]]])
        return coordinates.map { polygon in polygon.map { ring in ring.map { LonLat(lon: $0[0], lat: $0[1]) } } }
    }

    /// JSON type of a parsed value: "null", "string", "boolean", "integer" or "real".
    static func kind(_ value: Any?) -> String {
        switch value {
        case nil, is NSNull: return "null"
        case is String: return "string"
        case let n as NSNumber:
            switch String(cString: n.objCType) {
            case "c", "B": return "boolean"
            case "d", "f": return "real"
            default: return "integer"
            }
        default: return "other"
        }
    }

    /// Twice the signed area of a ring in degrees (positive when counter-clockwise).
    static func twiceSignedArea(_ ring: [LonLat]) -> Double {
        zip(ring, ring.dropFirst()).reduce(0) { $0 + $1.0.lon * $1.1.lat - $1.1.lon * $1.0.lat }
    }
}

struct GeoJSONWriterTests {
    func written(_ layer: GeoJSONLayer = GeoJSONFixture.layer(), chunkSize: Int = 512) throws -> ParsedGeoJSON {
        let dir = try ScratchFolder()
        defer { dir.remove() }
        let path = dir.path + "/out.geojson"
        try GeoJSONWriter.write(layer, territory: try GeoJSONFixture.territory(), to: path, chunkSize: chunkSize)
        #expect(try dir.contents() == ["out.geojson"])
        return try ParsedGeoJSON(path: path)
    }

    @Test func featureCollectionWithIdsAndGeometryTypes() throws {
        let g = try written()
        #expect(g.root["type"] as? String == "FeatureCollection")
        #expect(g.root["name"] as? String == "test_layer")
        #expect(g.root["crs"] == nil)
        #expect(g.features.count == 4)
        #expect(g.features.map { $0["id"] as? String } == ["07001", "07002", "07003", "97411"])
        #expect(try (0..<4).map { try g.geometry($0)["type"] as? String } == ["MultiPolygon", "MultiPolygon", "Point", "MultiPolygon"])
        #expect(try (0..<4).map { try g.properties($0)["has_boundary"] as? Bool } == [true, true, false, true])
        // The point is the commune location, to six decimals.
        #expect(try g.geometry(2)["coordinates"] as? [Double] == [4.5986, 44.7356])
    }

    @Test func ringsAreClosedRightHandedAndDeduplicated() throws {
        let g = try written()
        for i in [0, 1, 3] {
            for polygon in try g.rings(i) {
                for (r, ring) in polygon.enumerated() {
                    #expect(ring.first == ring.last)
                    #expect(ring.count >= 4)
                    let area = ParsedGeoJSON.twiceSignedArea(ring)
                    #expect(r == 0 ? area > 0 : area < 0, "feature \(i) ring \(r): exterior CCW, holes CW")
                    #expect(zip(ring, ring.dropFirst()).allSatisfy { $0 != $1 }, "no repeated consecutive position")
                }
            }
        }
        let b = try g.rings(1)
        #expect(b.count == 1 && b[0].count == 2)      // one polygon, exterior + hole
        #expect(b[0][0].count == 5 && b[0][1].count == 5)  // repeated vertex dropped; open rings closed
    }

    @Test func coordinatesAreInverseProjectedInEachCommunesCRS() throws {
        let g = try written(chunkSize: 3)  // two chunks: the Réunion commune is projected in the second
        let t = try GeoJSONFixture.territory()
        for (i, references) in [(0, GeoJSONFixture.wgs84), (1, GeoJSONFixture.wgs84), (3, GeoJSONFixture.wgs84Reunion)] {
            let written = try g.rings(i).flatMap { $0 }.flatMap { $0 }
            let source = try #require(t.boundary(at: i)).polygons.flatMap(\.rings).flatMap { $0 }
            #expect(Set(written.map { "\($0.lon),\($0.lat)" }).count == Set(source).count)
            for corner in Set(source) {
                let expected = try #require(references[corner])
                let match = written.contains { abs($0.lon - expected.lon) <= 1e-6 && abs($0.lat - expected.lat) <= 1e-6 }
                #expect(match, "feature \(i): corner \(corner) → \(expected) (cs2cs) within 1e-6°")
            }
        }
        // Six decimals at most.
        for p in try g.rings(0)[0][0] {
            #expect(abs(p.lon * 1e6 - (p.lon * 1e6).rounded()) < 1e-6)
            #expect(abs(p.lat * 1e6 - (p.lat * 1e6).rounded()) < 1e-6)
        }
    }

    @Test func propertiesKeepOneTypePerFieldAndNullForMissing() throws {
        let g = try written()
        let expected: [String: String] = [
            "code": "string", "name": "string", "departement": "string", "population": "integer",
            "has_boundary": "boolean", "minutes": "real", "site": "string", "within_t": "boolean", "rank": "integer",
        ]
        for i in 0..<g.features.count {
            let p = try g.properties(i)
            #expect(Set(p.keys) == Set(expected.keys))
            for (key, kind) in expected {
                let actual = ParsedGeoJSON.kind(p[key])
                #expect(actual == kind || actual == "null", "feature \(i) \(key): \(actual), expected \(kind)")
            }
        }
        let p0 = try g.properties(0), p1 = try g.properties(1), p2 = try g.properties(2)
        #expect(ParsedGeoJSON.kind(p0["minutes"]) == "real")   // 12 written as 12.0, not as an integer
        #expect(p0["minutes"] as? Double == 12)
        #expect(p1["minutes"] is NSNull && p2["minutes"] is NSNull)  // +∞ and NaN
        #expect(p1["site"] is NSNull && p1["rank"] is NSNull && p2["within_t"] is NSNull)
        #expect(p0["name"] as? String == "Synthétique \"A\"")
        #expect(try g.properties(1)["name"] as? String == "Synthetic B\\with hole")
        #expect(p0["departement"] as? String == "07")
        #expect(try g.properties(3)["departement"] as? String == "974")
        #expect(p2["population"] as? Int == 0)
    }

    @Test func territoryWithoutBoundariesGivesPointsOnly() throws {
        var t = try GeoJSONFixture.territory()
        try t.setBoundaries(nil)
        let dir = try ScratchFolder()
        defer { dir.remove() }
        try GeoJSONWriter.write(GeoJSONFixture.layer(), territory: t, to: dir.path + "/p.geojson")
        let g = try ParsedGeoJSON(path: dir.path + "/p.geojson")
        #expect(try (0..<4).map { try g.geometry($0)["type"] as? String } == Array(repeating: "Point", count: 4))
        #expect(try g.geometry(3)["coordinates"] as? [Double] == [55.447, -20.878])
    }

    @Test func emptyLayerIsAValidEmptyCollection() throws {
        let g = try written(GeoJSONLayer(name: "empty", fields: []))
        #expect(g.features.isEmpty)
    }

    @Test func microdegreesAreWrittenWithAtMostSixDecimals() throws {
        let dir = try ScratchFolder()
        defer { dir.remove() }
        let path = dir.path + "/n.txt"
        let values: [Int64] = [4_598_600, -20_883_145, 0, -5, 55_000_000, 180_000_000, -1_000_001]
        try GeoJSONOutputStream.write(to: path) { (out: inout GeoJSONOutputStream) throws(OutputError) in
            for v in values { out.writeMicrodegrees(v); try out.write(" ") }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "4.5986 -20.883145 0 -0.000005 55 180 -1.000001 ")
        #expect(GeoJSONGeometry.microdegrees(4.5986) == 4_598_600)
        #expect(GeoJSONGeometry.microdegrees(-0.0000004) == 0)
        #expect(GeoJSONGeometry.microdegrees(.nan) == nil)
    }

    @Test func realsRoundTripExactlyAndStayReal() throws {
        let dir = try ScratchFolder()
        defer { dir.remove() }
        let path = dir.path + "/r.txt"
        let values = [12.0, 0.1 + 0.2, 10.016346621899098, 1e-7, 1e16, -3.5, .leastNonzeroMagnitude, .greatestFiniteMagnitude]
        try GeoJSONOutputStream.write(to: path) { (out: inout GeoJSONOutputStream) throws(OutputError) in
            for v in values { try GeoJSONValue.real(v).write(to: &out); try out.write("\n") }
            for v: GeoJSONValue in [.real(.nan), .real(-.infinity), .real(nil), .string(nil), .integer(nil), .boolean(nil)] {
                try v.write(to: &out); try out.write("\n")
            }
        }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == values.count + 6)
        for (text, v) in zip(lines, values) {
            #expect(Double(text) == v, "\(text) reads back as \(v)")
            #expect(text.contains(".") || text.contains("e"), "\(text) must not look like an integer to GDAL")
        }
        #expect(lines.suffix(6) == Array(repeating: "null", count: 6))
    }

    @Test func controlCharactersAreEscaped() throws {
        var layer = GeoJSONLayer(name: "esc", fields: [GeoJSONField("note", .string)])
        let note = "tab\there\nline \u{01} quote \" backslash \\ é"
        layer.append(commune: 0, values: [.string(note)])
        let g = try written(layer)
        #expect(try g.properties(0)["note"] as? String == note)
    }
}

/// Bad destinations and failures mid-stream: a clear error naming the file, nothing written, no temporary
/// left, an existing destination untouched.
struct GeoJSONWriterErrorTests {
    @Test func missingFolderIsAClearError() throws {
        let path = "/nonexistent-careaccess/x/out.geojson"
        #expect(throws: OutputError(file: path, message: "folder /nonexistent-careaccess/x does not exist")) {
            try GeoJSONWriter.write(GeoJSONFixture.layer(), territory: try GeoJSONFixture.territory(), to: path)
        }
    }

    @Test func destinationThatIsAFolderIsAClearErrorAndLeavesNoTemporary() throws {
        let dir = try ScratchFolder()
        defer { dir.remove() }
        let path = dir.path + "/taken.geojson"
        try FileManager.default.createDirectory(atPath: path + "/inside", withIntermediateDirectories: true)
        let t = try GeoJSONFixture.territory()
        do {
            try GeoJSONWriter.write(GeoJSONFixture.layer(), territory: t, to: path)
            Issue.record("writing over a non-empty folder succeeded")
        } catch {
            #expect(error.file == path)
            #expect(error.message == "is a directory: refused (give a file path)")  // refused before any temporary
        }
        #expect(try dir.contents() == ["taken.geojson"])
    }

    @Test func projectionFailureNamesTheCommuneAndKeepsTheOldFile() throws {
        let dir = try ScratchFolder()
        defer { dir.remove() }
        let path = dir.path + "/out.geojson"
        try AtomicFile.write("previous run\n", to: path)
        var t = try GeoJSONFixture.territory()
        let broken = MultiPolygon(polygons: [Polygon(exterior: [XY(x: 338_000, y: .nan), XY(x: 339_000, y: 7_690_000),
                                                                XY(x: 339_000, y: 7_691_000)])])
        try t.setBoundaries([t.boundary(at: 0), t.boundary(at: 1), nil, broken])
        do {
            try GeoJSONWriter.write(GeoJSONFixture.layer(), territory: t, to: path, chunkSize: 1)
            Issue.record("a non-finite vertex was accepted")
        } catch {
            #expect(error.file == path)
            #expect(error.message.contains("commune 97411"))
            #expect(error.message.contains("EPSG:2975"))
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "previous run\n")
        #expect(try dir.contents() == ["out.geojson"])
    }

    @Test func rowOutsideTheTerritoryIsAnError() throws {
        var layer = GeoJSONLayer(name: "bad", fields: [])
        layer.append(commune: 9, values: [])
        #expect(throws: OutputError.self) {
            try GeoJSONWriter.write(layer, territory: try GeoJSONFixture.territory(), to: "/tmp/never-written.geojson")
        }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never-written.geojson"))
    }

    @Test func fieldNamedLikeASharedPropertyIsAnError() throws {
        var layer = GeoJSONLayer(name: "clash", fields: [GeoJSONField("population", .real)])
        layer.append(commune: 0, values: [.real(1)])
        #expect(throws: OutputError.self) {
            try GeoJSONWriter.write(layer, territory: try GeoJSONFixture.territory(), to: "/tmp/never-written.geojson")
        }
    }
}

/// GDAL as a reader of the mixed-geometry fixture (polygons and a point), when gdal-bin is installed.
struct GeoJSONGDALTests {
    static let ogrinfo = ["/usr/bin/ogrinfo", "/usr/local/bin/ogrinfo", "/opt/homebrew/bin/ogrinfo"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: ogrinfo != nil, "needs gdal-bin (ogrinfo, ogr2ogr)"))
    func gdalReadsMixedGeometriesAndConvertsToGeoPackage() throws {
        let ogrinfo = try #require(Self.ogrinfo)
        let dir = try ScratchFolder()
        defer { dir.remove() }
        let path = dir.path + "/mixed.geojson"
        try GeoJSONWriter.write(GeoJSONFixture.layer(), territory: try GeoJSONFixture.territory(), to: path)
        let info = try Self.run(ogrinfo, ["-ro", "-al", "-so", path])
        #expect(info.status == 0)
        #expect(info.output.contains("Feature Count: 4"))
        #expect(info.output.contains("Geometry: Unknown (any)"))
        for field in ["code: String", "population: Integer", "has_boundary: Integer(Boolean)", "minutes: Real",
                      "site: String", "within_t: Integer(Boolean)", "rank: Integer"] {
            #expect(info.output.contains(field), "GDAL field \(field)")
        }
        let ogr2ogr = URL(fileURLWithPath: ogrinfo).deletingLastPathComponent().appendingPathComponent("ogr2ogr").path
        let convert = try Self.run(ogr2ogr, ["-f", "GPKG", dir.path + "/mixed.gpkg", path])
        #expect(convert.status == 0, "\(convert.output)")
        let polygons = try Self.run(ogrinfo, ["-ro", "-al", "-so", "-where", "has_boundary = 1", dir.path + "/mixed.gpkg"])
        #expect(polygons.output.contains("Feature Count: 3"))
    }
}
