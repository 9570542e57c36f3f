import CareModel
import Testing

/// Intern grants (issue 16, item 4): the distance schedule's edges, eligibility by zone, the temporary supply.
@Suite("intern grants")
struct InternGrantsTests {
    let schedule = InternGrantSchedule.grandEstDefault

    @Test func exactlyOnABandLimitIsInThatBand() {
        #expect(schedule.grant(forKm: 25) == .grant(band: 0, euros: 600))
        #expect(schedule.grant(forKm: 25.0.nextUp) == .grant(band: 1, euros: 1_200))
        #expect(schedule.grant(forKm: 0) == .grant(band: 0, euros: 600))
        #expect(schedule.grant(forKm: 100) == .grant(band: 3, euros: 2_400))
    }

    @Test func beyondTheLastBand() throws {
        // The default's last band is open: any distance beyond 100 km gets the largest grant.
        #expect(schedule.grant(forKm: 100.0.nextUp) == .grant(band: 4, euros: 3_000))
        #expect(schedule.grant(forKm: 5_000) == .grant(band: 4, euros: 3_000))
        // A closed last band: beyond it, no grant.
        let closed = try InternGrantSchedule(bands: [.init(upToKm: 30, grant: 600), .init(upToKm: 60, grant: 1_500)])
        #expect(closed.grant(forKm: 60) == .grant(band: 1, euros: 1_500))
        #expect(closed.grant(forKm: 60.0.nextUp) == .beyondSchedule)
    }

    @Test func badSchedulesAreRefused() {
        #expect(throws: ModelError.self) { try InternGrantSchedule(bands: []) }
        #expect(throws: ModelError.self) { try InternGrantSchedule(bands: [.init(upToKm: 50, grant: 600), .init(upToKm: 50, grant: 900)]) }
        #expect(throws: ModelError.self) { try InternGrantSchedule(bands: [.init(upToKm: nil, grant: 600), .init(upToKm: 50, grant: 900)]) }
        #expect(throws: ModelError.self) { try InternGrantSchedule(bands: [.init(upToKm: 10, grant: -1)]) }
        #expect(throws: ModelError.self) { try InternGrantSchedule(bands: [.init(upToKm: .infinity, grant: 1)]) }
    }

    /// One degree of latitude on the mean radius is π × 6,371.0088 / 180 km.
    @Test func distancesAreGreatCircles() {
        let degree = Double.pi * 6_371.008_8 / 180
        #expect(abs(InternGrants.greatCircleKm(lon1: 4, lat1: 49, lon2: 4, lat2: 50) - degree) < 1e-9)
        #expect(abs(InternGrants.greatCircleKm(lon1: 0, lat1: 0, lon2: 1, lat2: 0) - degree) < 1e-9)
        #expect(InternGrants.greatCircleKm(lon1: 7, lat1: 48, lon2: 7, lat2: 48) == 0)
    }

    @Test func placementsOutsideTheZonesGetNoGrantButStillCountAsSupply() throws {
        let faculty = InternGrants.Faculty(id: "f", name: "F", lon: 4, lat: 49)
        let degree = Double.pi * 6_371.008_8 / 180
        func at(_ km: Double, _ code: String) -> InternGrants.Placement {
            .init(id: code, communeCode: code, communeName: "", lon: 4, lat: 49 + km / degree, faculty: 0, type: .saspas, months: 6)
        }
        let placements = [at(10, "A"), at(60, "B"), at(150, "C"), at(20, "D")]
        let zones: [String: AccessZone] = ["A": .underServed, "B": .complementary, "C": .underServed]
        let strict = try InternGrants(placements: placements, faculties: [faculty], schedule: schedule, zones: zones, gpFraction: 0.5)
        #expect(strict.rows.map(\.grant) == [600, 0, 3_000, 0])
        #expect(strict.rows.map(\.eligible) == [true, false, true, false])
        #expect(strict.rows[1].reason == "outside the zones (complementary)")
        #expect(strict.rows[3].reason == "commune not in the zones file")
        #expect(strict.totalGrants == 3_600)
        #expect(strict.totalGPYears == 4 * 0.5 * 6 / 12)
        let wide = try InternGrants(placements: placements, faculties: [faculty], schedule: schedule, zones: zones, level: .complementary,
                                    gpFraction: 0.5)
        #expect(wide.rows.map(\.grant) == [600, 1_800, 3_000, 0])
        let unchecked = try InternGrants(placements: placements, faculties: [faculty], schedule: schedule, zones: nil, gpFraction: 1)
        #expect(unchecked.rows.map(\.grant) == [600, 1_800, 3_000, 600])
        #expect(throws: ModelError.self) {
            try InternGrants(placements: placements, faculties: [faculty], schedule: schedule, zones: nil, gpFraction: 1.5)
        }
    }
}
