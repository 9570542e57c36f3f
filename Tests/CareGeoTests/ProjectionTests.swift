import Testing
@testable import CareGeo

/// A position and the easting/northing PROJ's own `cs2cs` prints for it.
struct ReferencePoint: Sendable, CustomTestStringConvertible {
    var name: String
    var crs: CRS
    var lonLat: LonLat
    var expected: ProjectedPoint
    var testDescription: String { "\(name) → \(crs)" }
}

/// Reference values from PROJ 9.1.1's cs2cs. EPSG:4326 takes "lat lon" on input (checked: `cs2cs -r`
/// with "lon lat" prints the same), so each line was produced with
///     echo "<lat> <lon>" | cs2cs -f %.4f EPSG:4326 EPSG:<code>
/// e.g. `echo "44.7356 4.5986" | cs2cs -f %.4f EPSG:4326 EPSG:2154` → `826554.5666	6405333.3411 0.0000`.
let referencePoints: [ReferencePoint] = [
    // Metropolitan France, EPSG:2154.
    ReferencePoint(name: "Privas town hall", crs: .lambert93,
                   lonLat: LonLat(lon: 4.5986, lat: 44.7356), expected: ProjectedPoint(x: 826554.5666, y: 6405333.3411)),
    ReferencePoint(name: "Ajain (Creuse)", crs: .lambert93,
                   lonLat: LonLat(lon: 1.9994, lat: 46.2064), expected: ProjectedPoint(x: 622853.1301, y: 6567883.5491)),
    ReferencePoint(name: "Juniville (Ardennes)", crs: .lambert93,
                   lonLat: LonLat(lon: 4.3903, lat: 49.3950), expected: ProjectedPoint(x: 800951.9352, y: 6922611.8800)),
    ReferencePoint(name: "Ajaccio (Corse-du-Sud)", crs: .lambert93,
                   lonLat: LonLat(lon: 8.7369, lat: 41.9192), expected: ProjectedPoint(x: 1176526.6023, y: 6108263.0226)),
    ReferencePoint(name: "near Dunkerque", crs: .lambert93,
                   lonLat: LonLat(lon: 2.3768, lat: 51.0343), expected: ProjectedPoint(x: 656187.4293, y: 7104461.7744)),
    // Overseas.
    ReferencePoint(name: "Pointe-à-Pitre", crs: .rgaf09UTM20,   // echo "16.2411 -61.5331" | cs2cs -f %.4f EPSG:4326 EPSG:5490
                   lonLat: LonLat(lon: -61.5331, lat: 16.2411), expected: ProjectedPoint(x: 656770.8974, y: 1796166.1758)),
    ReferencePoint(name: "Fort-de-France", crs: .rgaf09UTM20,   // echo "14.6161 -61.0588" | cs2cs -f %.4f EPSG:4326 EPSG:5490
                   lonLat: LonLat(lon: -61.0588, lat: 14.6161), expected: ProjectedPoint(x: 709096.3158, y: 1616759.7331)),
    ReferencePoint(name: "Cayenne", crs: .rgfg95UTM22,          // echo "4.9372 -52.3260" | cs2cs -f %.4f EPSG:4326 EPSG:2972
                   lonLat: LonLat(lon: -52.3260, lat: 4.9372), expected: ProjectedPoint(x: 352980.2046, y: 545868.9224)),
    ReferencePoint(name: "Saint-Denis (La Réunion)", crs: .rgr92UTM40S,  // echo "-20.8789 55.4481" | cs2cs -f %.4f EPSG:4326 EPSG:2975
                   lonLat: LonLat(lon: 55.4481, lat: -20.8789), expected: ProjectedPoint(x: 338568.3150, y: 7690475.4366)),
    ReferencePoint(name: "Mamoudzou (Mayotte)", crs: .rgm04UTM38S,       // echo "-12.7806 45.2279" | cs2cs -f %.4f EPSG:4326 EPSG:4471
                   lonLat: LonLat(lon: 45.2279, lat: -12.7806), expected: ProjectedPoint(x: 524735.3747, y: 8587115.8115)),
]

let metropolitanPoints = referencePoints.filter { $0.crs == .lambert93 }.map(\.lonLat)

@Suite("Projection")
struct ProjectionTests {
    @Test("forward matches cs2cs to 1 mm", arguments: referencePoints)
    func forwardMatchesCS2CS(_ reference: ReferencePoint) throws {
        let projection = try Projection(to: reference.crs)
        let p = try projection.forward(reference.lonLat)
        #expect(abs(p.x - reference.expected.x) < 0.001, "easting \(p.x)")
        #expect(abs(p.y - reference.expected.y) < 0.001, "northing \(p.y)")
        #expect(projection.isInAreaOfUse(reference.lonLat))
    }

    @Test("inverse round trip within 1e-9 degree", arguments: referencePoints)
    func inverseRoundTrip(_ reference: ReferencePoint) throws {
        let projection = try Projection(to: reference.crs)
        let back = try projection.inverse(projection.forward(reference.lonLat))
        #expect(abs(back.lon - reference.lonLat.lon) < 1e-9)
        #expect(abs(back.lat - reference.lonLat.lat) < 1e-9)
        let fromReference = try projection.inverse(reference.expected)
        #expect(abs(fromReference.lon - reference.lonLat.lon) < 1e-7)
        #expect(abs(fromReference.lat - reference.lonLat.lat) < 1e-7)
    }

    @Test func batchEqualsSingle() throws {
        let projection = try Projection(to: .lambert93)
        let batch = try projection.forward(metropolitanPoints)
        let single = try metropolitanPoints.map { (p) throws(ProjectionError) in try projection.forward(p) }
        #expect(batch == single)
        let backBatch = try projection.inverse(batch)
        let backSingle = try batch.map { (p) throws(ProjectionError) in try projection.inverse(p) }
        #expect(backBatch == backSingle)
    }

    @Test func emptyBatchReturnsEmpty() throws {
        let projection = try Projection(to: .lambert93)
        #expect(try projection.forward([LonLat]()).isEmpty)
        #expect(try projection.inverse([ProjectedPoint]()).isEmpty)
    }

    @Test func concurrentUseGivesSameResults() async throws {
        let projection = try Projection(to: .lambert93)
        let expected = try projection.forward(metropolitanPoints)
        let results = await withTaskGroup(of: Bool.self, returning: [Bool].self) { group in
            for task in 0..<32 {
                group.addTask {
                    for round in 0..<50 {
                        let ok: Bool
                        if (task + round) % 2 == 0 {
                            ok = (try? projection.forward(metropolitanPoints)) == expected
                        } else {
                            ok = (try? metropolitanPoints.map { (p) throws(ProjectionError) in try projection.forward(p) }) == expected
                        }
                        if !ok { return false }
                    }
                    return true
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 32)
        #expect(results.allSatisfy { $0 })
    }

    @Test func nonFiniteInputThrows() throws {
        let projection = try Projection(to: .lambert93)
        #expect(throws: ProjectionError.self) { try projection.forward(LonLat(lon: .nan, lat: 44.7)) }
        #expect(throws: ProjectionError.self) { try projection.forward(LonLat(lon: 4.6, lat: .infinity)) }
        #expect(throws: ProjectionError.self) { try projection.inverse(ProjectedPoint(x: .nan, y: 6_400_000)) }
        let error = #expect(throws: ProjectionError.self) {
            try projection.forward([LonLat(lon: 4.6, lat: 44.7), LonLat(lon: 4.6, lat: 44.8), LonLat(lon: .nan, lat: 44.9)])
        }
        #expect(error?.pointIndex == 2)
        #expect(error?.message.contains("point 2") == true)
    }

    @Test func projFailureCarriesProjMessageAndIndex() throws {
        let projection = try Projection(to: .lambert93)
        let error = #expect(throws: ProjectionError.self) {
            try projection.forward([LonLat(lon: 4.6, lat: 44.7), LonLat(lon: 4.5, lat: 95)])
        }
        #expect(error?.pointIndex == 1)
        #expect(error?.message.contains("point 1") == true)
        #expect(error?.message.contains("Invalid latitude") == true, "\(error?.message ?? "")")
        #expect(error?.code != 0)
        // The projection stays usable after an error.
        let p = try projection.forward(LonLat(lon: 4.5986, lat: 44.7356))
        #expect(abs(p.x - 826554.5666) < 0.001)
    }

    @Test func invalidEPSGThrowsAtInit() {
        let error = #expect(throws: ProjectionError.self) { try Projection(to: CRS(epsg: 999_999)) }
        #expect(error?.message.contains("999999") == true)
        #expect(error?.message.contains("crs not found") == true, "\(error?.message ?? "")")
    }

    @Test func areaOfUseOfLambert93() throws {
        let area = try Projection(to: .lambert93).areaOfUse
        #expect(area.west == -9.86 && area.south == 41.15 && area.east == 10.38 && area.north == 51.56)
        #expect(area.name.contains("France"))
        let projection = try Projection(to: .lambert93)
        #expect(!projection.isInAreaOfUse(LonLat(lon: 55.4481, lat: -20.8789)))
        #expect(projection.isInAreaOfUse(LonLat(lon: 10.7, lat: 45), marginDegrees: 0.5))
        #expect(!projection.isInAreaOfUse(LonLat(lon: 10.7, lat: 45), marginDegrees: 0.1))
        #expect(!projection.isInAreaOfUse(LonLat(lon: .nan, lat: 45)))
    }

    @Test func multiPolygonProjectionMatchesPointwise() throws {
        let projection = try Projection(to: .lambert93)
        let ring = [XY(x: 4.5, y: 44.7), XY(x: 4.7, y: 44.7), XY(x: 4.7, y: 44.8), XY(x: 4.5, y: 44.7)]
        let shape = MultiPolygon(polygons: [Polygon(exterior: ring), Polygon(exterior: ring.reversed())])
        let projected = try projection.forward(shape)
        let pointwise = try shape.mapCoordinates { (p) throws(ProjectionError) in XY(try projection.forward(LonLat(p))) }
        #expect(projected == pointwise)
        let back = try projection.inverse(projected)
        for (a, b) in zip(back.polygons.flatMap { $0.rings.joined() }, shape.polygons.flatMap { $0.rings.joined() }) {
            #expect(abs(a.x - b.x) < 1e-9 && abs(a.y - b.y) < 1e-9)
        }
    }

    @Test func copiesShareOneSendableTransformer() async throws {
        let projection = try Projection(to: .rgr92UTM40S)
        let copy = projection
        let p = try await Task.detached { try copy.forward(LonLat(lon: 55.4481, lat: -20.8789)) }.value
        #expect(abs(p.x - 338568.3150) < 0.001)
        #expect(copy.target == .rgr92UTM40S)
    }
}
