import CareGeo
import CareKernel
import Testing

@testable import CareModel

/// ``Territory/_checkInvariants()`` holds on random territories (with aliases and subdivisions) and on their
/// boundaries; records that would break it are refused by the initialiser with an error, not built.
@Suite("Territory invariants")
struct TerritoryInvariantTests {
    static func commune(_ code: String, population: Int = 100, x: Double = 800_000, y: Double = 6_400_000, lon: Double = 4) -> Commune {
        Commune(code: code, name: "C\(code)", population: population, departement: String(code.prefix(2)),
                location: LonLat(lon: lon, lat: 45), point: ProjectedPoint(x: x, y: y), crs: .lambert93, pointSource: .townHall)
    }

    /// `value` as five decimal digits (a commune-code-like string).
    static func code(_ value: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: Swift.max(0, 5 - digits.count)) + digits
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func randomTerritoriesKeepTheirInvariants(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let n = Int(rng.next() % 300)
        let codes = (0..<n).map { Self.code(7_000 + $0 * 3) }
        let communes = codes.map { Self.commune($0, population: Int(rng.next() % 50_000), x: 700_000 + rng.unit() * 1e5, y: 6.3e6 + rng.unit() * 1e5) }
        var aliases: [String: String] = [:], subdivisions: [String: [String]] = [:]
        if n > 0 {
            for k in 0..<(n / 4) { aliases[Self.code(50_000 + k)] = codes[Int(rng.next() % UInt64(n))] }
            for k in 0..<(n / 20) { subdivisions[Self.code(60_000 + k)] = (0...(k % 3)).map { _ in codes[Int(rng.next() % UInt64(n))] } }
        }
        var t = try Territory(communes: communes, aliases: aliases, subdivisions: subdivisions)
        #expect(t.invariantViolation() == nil)
        try t.setBoundaries([MultiPolygon?](repeating: nil, count: n))
        #expect(t.invariantViolation() == nil)
        t._checkInvariants()
    }

    @Test func recordsThatWouldBreakAnInvariantAreRefused() {
        #expect(throws: ModelError.invalidParameter(name: "commune 07001", value: "population -1", reason: "must be ≥ 0")) {
            try Territory(communes: [Self.commune("07001", population: -1)])
        }
        #expect(throws: ModelError.invalidParameter(name: "commune 07002", value: "point (nan, 6400000.0)", reason: "must be finite")) {
            try Territory(communes: [Self.commune("07001"), Self.commune("07002", x: .nan)])
        }
        #expect(throws: ModelError.invalidParameter(name: "commune 07003", value: "location (inf, 45.0)", reason: "must be finite")) {
            try Territory(communes: [Self.commune("07003", lon: .infinity)])
        }
        #expect(throws: ModelError.duplicateCommune(code: "07001")) { try Territory(communes: [Self.commune("07001"), Self.commune("07001")]) }
    }
}
