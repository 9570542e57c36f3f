import CareGeo
import Foundation
import Testing

@testable import CareModel

/// Land masses of a SYNTHETIC territory of square communes (invented codes): touching squares are one mass,
/// a square 10 m off its neighbour joins it (a border the source did not make common), a square 2 km out at sea
/// is an island, unless a trip or a bridge links it.
struct LandMassesTests {
    static func territory() throws -> Territory {
        let specs: [(String, Double, Double, Double)] = [
            ("07001", 0, 0, 1_000), ("07002", 2_000, 0, 1_000), ("07003", 4_000, 0, 1_000),   // a row, touching
            ("07004", 6_010, 0, 1_000),                                                          // 10 m off 07003
            ("07005", 10_000, 0, 1_000),                                                         // 2 km off: an island
            ("07006", 0, 10_000, 500), ("07007", 1_000, 10_000, 500),                            // a two-commune island
        ]
        var communes: [Commune] = [], boundaries: [MultiPolygon?] = []
        for (code, x, y, half) in specs {
            communes.append(Commune(code: code, name: "Synthetic \(code)", population: 100, departement: "07",
                                    location: LonLat(lon: 4, lat: 45), point: ProjectedPoint(x: 800_000 + x, y: 6_400_000 + y),
                                    crs: .lambert93, pointSource: .townHall))
            boundaries.append(CalibratedModelTests.square(800_000 + x, 6_400_000 + y, half: half))
        }
        var t = try Territory(communes: communes)
        try t.setBoundaries(boundaries)
        return t
    }

    @Test func touchingAndNearlyTouchingCommunesAreOneMassIslandsAreApart() throws {
        let t = try Self.territory()
        #expect(LandMasses.isolated(in: t) == [[4], [5, 6]])
        #expect(LandMasses.isolated(in: t, gapMetres: 5) == [[3], [4], [5, 6]])
    }

    @Test func tripsAndBridgesJoinMasses() throws {
        let t = try Self.territory()
        #expect(LandMasses.isolated(in: t, linkedBy: [(4, 0)]) == [[5, 6]])
        #expect(LandMasses.isolated(in: t, linkedBy: [(6, 2), (4, 5)]).isEmpty)
    }

    @Test func noBoundariesNoIslands() throws {
        var t = try Self.territory()
        try t.setBoundaries(nil)
        #expect(LandMasses.isolated(in: t).isEmpty)
    }
}

/// The bilinear field and its segment mean, checked by hand on SYNTHETIC values.
struct TravelFieldTests {
    /// Nodes 10 km apart, value = 0.01 × column + 0.1 × row (linear, so bilinear interpolation is exact).
    static let field: TravelField = {
        var values: [Double] = []
        for k in 0..<12 {
            let column = Double(k % 4), row = Double(k / 4)
            values.append(column * 0.01 + row * 0.1)
        }
        return TravelField(epsg: 2154, originX: 0, originY: 0, cellMetres: 10_000, columns: 4, rows: 3, values: values)
    }()

    @Test func bilinearValuesAndEdgeClamping() {
        let f = Self.field
        #expect(abs(f.value(x: 0, y: 0)) < 1e-15)
        #expect(abs(f.value(x: 15_000, y: 5_000) - (0.015 + 0.05)) < 1e-15)
        #expect(abs(f.value(x: 30_000, y: 20_000) - (0.03 + 0.2)) < 1e-15)
        // Outside the grid: the nearest edge's value.
        #expect(abs(f.value(x: -5_000, y: 50_000) - 0.2) < 1e-15)
        #expect(abs(f.value(x: 99_000, y: -1) - 0.03) < 1e-15)
    }

    @Test func segmentMeanOfALinearFieldIsItsValueAtTheMiddle() {
        let f = Self.field
        let mean = f.segmentMean(fromX: 2_000, y: 3_000, toX: 27_000, y: 14_000)
        #expect(abs(mean - f.value(x: 14_500, y: 8_500)) < 1e-14)
        #expect(f.sampleCount(metres: 0) == 2)
        #expect(f.sampleCount(metres: 26_000) == 6)
        #expect(f.sampleCount(metres: 1e12) == TravelField.maximumSamples)
    }

    @Test func segmentWeightsReproduceTheMean() {
        let f = Self.field
        var entries: [(column: Int, value: Double)] = []
        f.segmentWeights(fromX: 2_000, y: 3_000, toX: 27_000, y: 14_000, offset: 0, into: &entries)
        let linear = entries.reduce(0) { $0 + $1.value * f.values[$1.column] }
        #expect(abs(linear - f.segmentMean(fromX: 2_000, y: 3_000, toX: 27_000, y: 14_000)) < 1e-14)
        #expect(abs(entries.reduce(0) { $0 + $1.value } - 1) < 1e-14)
    }

    @Test func implausibleFieldsAreRefused() {
        var f = Self.field
        f.values[3] = Double.infinity
        #expect(f.problem() != nil)
        f = Self.field
        f.columns = 1
        #expect(f.problem() != nil)
        f = Self.field
        f.cellMetres = -1
        #expect(f.problem() != nil)
        #expect(Self.field.problem() == nil)
    }
}
