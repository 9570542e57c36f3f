import CareTestSupport
import Foundation
import Testing

@testable import CareIO

/// The observed-trips reader on hand-made files (the territory is ``TestTerritory``: SYNTHETIC communes 07001,
/// 07002 with alias 07099, 26001) and on the real DREES table.
struct ObservedTripsFileTests {
    static let header = "codgeo,libgeo,dep,reg,SU,SMUR,MCS,HeliSMUR,HeliETAT,pop2017,typ_equip,tps_SU_SMUR,tps_SU_SMUR_MCS,tps_ychelismur,tps_ycheli,com_equipee,densite"

    static func drees(_ rows: [String]) throws -> ObservedTripsFile {
        try ObservedTripsFile.parse(bytes: Array(([header] + rows).joined(separator: "\n").utf8), file: "drees.csv",
                                    territory: try TestTerritory.make())
    }

    static func row(_ o: String, _ kind: String, _ minutes: String, _ d: String) -> String {
        "\(o),Name,07,84,0,0,0,0,0,100,\(kind),\(minutes),\(minutes),\(minutes),\(minutes),\(d),50"
    }

    @Test func keepsRoadTripsAndCountsEverythingElse() throws {
        let f = try Self.drees([
            Self.row("07001", "SU_SMUR", "12", "26001"),     // line 2: a road trip
            Self.row("07099", "SU_SMUR", "7.5", "07001"),    // line 3: commune déléguée → 07002
            Self.row("07002", "HeliSMUR", "31", "26001"),    // line 4: helicopter
            Self.row("26001", "SU_SMUR", "0", "26001"),      // line 5: equipped
            Self.row("07001", "SU_SMUR", "", "07002"),       // line 6: no minutes
            Self.row("02077", "SU_SMUR", "9", "07001"),      // line 7: retired code
            Self.row("07099", "SU_SMUR", "4", "07002"),      // line 8: both ends 07002 once remapped
            Self.row("07002", "MCS", "20", "07001"),         // line 9
        ])
        #expect(f.format == .drees)
        #expect(f.trips.map(\.line) == [2, 3])
        #expect(f.trips.map(\.minutes) == [12, 7.5])
        #expect(f.trips.map(\.originCode) == ["07001", "07002"])
        #expect(f.trips[1].origin == (try TestTerritory.make()).communes[1].place)
        let r = f.report
        #expect(r.rows == 8)
        #expect(r.notRoad == ["HeliSMUR": 1, "MCS": 1])
        #expect(r.atHome == 1)
        #expect(r.withoutMinutes == [6])
        #expect(r.unknownCodes.map(\.code) == ["02077"] && r.unknownCodes.map(\.line) == [7])
        #expect(r.remappedOrigins == 2)
        #expect(r.collapsed == 1)
        #expect(f.notes == [.notRoad(["HeliSMUR": 1, "MCS": 1]), .atHome(1), .withoutMinutes(lines: [6]),
                            .remapped(origins: 2, destinations: 0), .unknownCodes([.init(code: "02077", line: 7)]), .collapsed(1)])
        #expect(f.source.trips == 2 && f.source.fnv1a.count == 16)
    }

    @Test(arguments: [
        (Self.row("07001", "SU_SMUR", "-3", "26001"), "drees.csv:2: field 'tps_SU_SMUR': -3.0 minutes is negative"),
        (Self.row("07001", "SU_SMUR", "900", "26001"), "drees.csv:2: field 'tps_SU_SMUR': 900.0 minutes is beyond 300 (not a road time to the nearest service)"),
        (Self.row("07001", "Boat", "12", "26001"), "drees.csv:2: field 'typ_equip': unknown equipment type 'Boat' (expected SU_SMUR, MCS, HeliSMUR or HeliETAT)"),
        (Self.row("07001", "SU_SMUR", "0", "26001"), "drees.csv:2: field 'tps_SU_SMUR': 0 minutes between two communes (07001 → 26001)"),
        (Self.row("07001", "SU_SMUR", "5", "07001"), "drees.csv:2: field 'tps_SU_SMUR': 5.0 minutes from commune 07001 to itself"),
        (Self.row("07001", "SU_SMUR", "abc", "26001"), "drees.csv:2: field 'tps_SU_SMUR': 'abc' is not a number"),
    ])
    func badRowsAreLocated(row: String, message: String) throws {
        #expect { try Self.drees([row]) } throws: { ($0 as? InputError)?.description == message }
    }

    @Test func onlyNonRoadRowsIsAnError() throws {
        #expect { try Self.drees([Self.row("07001", "MCS", "12", "26001")]) } throws: {
            ($0 as? InputError)?.description == "drees.csv: no usable observed trip (1 rows read)"
        }
    }

    static func pairs(_ text: String) throws -> ObservedTripsFile {
        try ObservedTripsFile.parse(bytes: Array(text.utf8), file: "pairs.csv", territory: try TestTerritory.make())
    }

    @Test func genericPairsByCodeCoordinatesOrLonLat() throws {
        let f = try Self.pairs("""
            origin,destination,minutes
            07001,26001,30
            07099,07001,9.5
            07001,07001,0
            """)
        #expect(f.format == .pairs)
        #expect(f.trips.map(\.minutes) == [30, 9.5])
        #expect(f.trips[1].originCode == "07002")
        #expect(f.report.atHome == 1)
        let xy = try Self.pairs("""
            origin_x,origin_y,destination_x,destination_y,minutes
            800000,6400000,810000,6400000,11
            """)
        #expect(xy.trips[0].metres == 10_000 && xy.trips[0].originCode == nil)
        let ll = try Self.pairs("""
            origin_lon,origin_lat,destination_lon,destination_lat,minutes
            4.5986,44.7356,4.65,44.76,8
            """)
        #expect(ll.trips[0].origin.crs == .lambert93)
        let mixed = try Self.pairs("""
            origin,destination_x,destination_y,minutes
            07001,810000,6400000,11
            """)
        #expect(mixed.trips[0].metres == 10_000)
    }

    @Test(arguments: [
        ("origin,destination,minutes\n7001,26001,30\n", "pairs.csv:2: field 'origin': unknown commune code 7001 — did you mean 07001? (a spreadsheet may have dropped the leading zero)"),
        ("origin,destination,minutes\n07001,26001,-1\n", "pairs.csv:2: field 'minutes': -1.0 minutes is negative"),
        ("origin,destination,minutes\n07001,26001,2000\n", "pairs.csv:2: field 'minutes': 2000.0 minutes is more than a day"),
        ("origin,destination,minutes\n07001,26001,0\n", "pairs.csv:2: field 'minutes': 0 minutes between two distinct places"),
        ("origin,destination\n07001,26001\n", "pairs.csv:1: field 'minutes': missing column"),
        ("from,to,minutes\n07001,26001,3\n", "pairs.csv:1: no location columns: expected origin_x,origin_y (Lambert-93), origin_lon,origin_lat (WGS84) or origin (INSEE code)"),
        ("origin_x,origin_y,destination,minutes\n1e308,6400000,07001,3\n", "pairs.csv:2: field 'origin_x': 1e+308 is outside metropolitan Lambert-93 (0–1350000 m)"),
    ])
    func badPairsAreLocated(text: String, message: String) throws {
        #expect { try Self.pairs(text) } throws: { ($0 as? InputError)?.description == message }
    }

    @Test(.enabled(if: SharedData.available, "needs ../shared/data"))
    func theRealDREESTable() throws {
        let t = try NationalData.output().territory
        let f = try ObservedTripsFile.load(path: SharedData.drees, territory: t)
        let r = f.report
        #expect(r.rows == 35_010)
        #expect(r.notRoad == ["HeliETAT": 977, "HeliSMUR": 3_125, "MCS": 4_901])
        #expect(r.withoutMinutes.count == 2)                            // Dzaoudzi and Pamandzi (Mayotte)
        #expect(r.atHome == 582)
        #expect(r.unknownCodes.count == 12)
        #expect(r.remappedOrigins == 66 && r.remappedDestinations == 38)
        #expect(r.collapsed == 2 && r.crossZone == 0)
        #expect(f.trips.count == 25_409)
        #expect(r.rows == f.trips.count + r.notRoad.values.reduce(0, +) + r.withoutMinutes.count + r.atHome
                + r.unknownCodes.count + r.collapsed)
        #expect(f.trips.allSatisfy { $0.minutes >= 2 && $0.minutes <= 60 && $0.metres > 0 })
    }
}
