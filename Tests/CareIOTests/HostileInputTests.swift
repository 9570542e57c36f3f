import CareModel
import CareStudy
import CareTestSupport
import Testing

@testable import CareIO

/// Values from files and options that used to trap on unchecked arithmetic (issue 14) give one located error:
/// file, line and field (or the option's name), never a crash.
@Suite("hostile input: out-of-range values")
struct HostileInputTests {
    static let nearIntMax = "9223372036854775000"

    @Test func bpeCountsNearIntMaxForOneCommuneAreRefusedOnTheirRow() throws {
        let territory = try TestTerritory.make()
        // 07099 is an alias of 07002: both rows would be summed for one commune.
        let text = "CODGEO,NB_D201\n07002,\(Self.nearIntMax)\n07099,\(Self.nearIntMax)\n"
        #expect(throws: InputError(file: "gp.csv", line: 2, field: "NB_D201",
                                   message: "\(Self.nearIntMax) is outside 0…100,000 (GPs on one row)")) {
            _ = try BPEImporter().importBytes(Array(text.utf8), file: "gp.csv", territory: territory)
        }
        let second = "CODGEO,NB_D201\n07002,100000\n07099,100001\n"
        #expect(throws: InputError(file: "gp.csv", line: 3, field: "NB_D201", message: "100001 is outside 0…100,000 (GPs on one row)")) {
            _ = try BPEImporter().importBytes(Array(second.utf8), file: "gp.csv", territory: territory)
        }
        let limit = try BPEImporter().importBytes(Array("CODGEO,NB_D201\n07002,100000\n".utf8), file: "gp.csv", territory: territory)
        #expect(limit.totalGPs == 100_000)
    }

    @Test func territoryCSVPopulationOfIntMaxIsRefused() {
        let head = TerritoryCSV.columns.joined(separator: ",") + "\n"
        let row = { (pop: String) in "07001,A,\(pop),07,4.5,44.7,800000,6400000,2154,town_hall,\n" }
        #expect(throws: InputError(file: "t.csv", line: 3, field: "population",
                                   message: "9223372036854775807 is outside 0…10,000,000 (inhabitants of one commune)")) {
            _ = try TerritoryCSV.decode(Array((head + row("5").replacingOccurrences(of: "07001", with: "07002") + row("9223372036854775807")).utf8), file: "t.csv")
        }
        #expect(throws: InputError(file: "t.csv", line: 2, field: "population", message: "-3 is negative")) {
            _ = try TerritoryCSV.decode(Array((head + row("-3")).utf8), file: "t.csv")
        }
    }

    @Test func binaryTerritoryPopulationOutOfRangeIsRefused() throws {
        var communes = try TestTerritory.make().communes
        communes[1].population = Int.max
        let bytes = TerritoryBinary.encode(try Territory(communes: communes))
        #expect(throws: InputError(file: "t.catr", field: "population",
                                   message: "commune 07002: 9223372036854775807 is outside 0…10,000,000 (inhabitants of one commune)")) {
            _ = try TerritoryBinary.decode(bytes, file: "t.catr")
        }
    }

    @Test func dataFrancePopulationOfIntMaxIsRefused() {
        let rows = [DataFranceImporterTests.header, DataFranceImporterTests.row("1", "07001", pop: "9223372036854775807")]
        #expect(throws: InputError(file: "communes.csv", line: 2, field: "population_municipale",
                                   message: "9223372036854775807 is outside 0…10,000,000 (inhabitants of one commune)")) {
            _ = try DataFranceImporter().importBytes(Array(rows.joined(separator: "\n").utf8), file: "communes.csv")
        }
    }

    @Test func practitionerFTEOfAHugeNumberIsRefused() throws {
        let territory = try TestTerritory.make()
        #expect(throws: InputError(file: "p.csv", line: 3, field: "fte", message: "1e+300 is outside 0…100,000 (FTE on one row)")) {
            _ = try PractitionersImporter().importBytes(Array("id,commune,fte\na,07001,1\nb,07001,1e300\n".utf8), file: "p.csv", territory: territory)
        }
    }

    @Test func scenarioRetirementHorizonOfIntMinIsRefused() {
        #expect(throws: InputError(file: "s.yaml", line: 3, field: "horizon",
                                   message: "-9223372036854775808 is not a plausible year (1900…2200)")) {
            _ = try ScenarioFile.parse("events:\n  - horizon: 2030\n  - retire: {age: 67, horizon: -9223372036854775808}\n",
                                       file: "s.yaml", directory: "/tmp")
        }
        #expect(throws: InputError(file: "s.yaml", line: 2, field: "age", message: "9223372036854775807 is not an age in 1…120")) {
            _ = try ScenarioFile.parse("events:\n  - retire: {age: 9223372036854775807, horizon: 2030}\n", file: "s.yaml", directory: "/tmp")
        }
    }

    @Test func scenarioGPsOfAHugeNumberAreRefused() {
        #expect(throws: InputError(file: "s.yaml", line: 2, field: "gps", message: "1e+300 is more than 0…100,000 GPs in one event")) {
            _ = try ScenarioFile.parse("events:\n  - add_gps: {commune: \"07005\", gps: 1e300}\n", file: "s.yaml", directory: "/tmp")
        }
    }

    @Test func scenarioCrowFlySpeedNearZeroIsRefused() {
        #expect(throws: InputError(file: "s.yaml", line: 2, field: "speed", message: "1e-300 is outside 1…300")) {
            _ = try ScenarioFile.parse("baseline:\n  speed: 1e-300\nevents: []\n", file: "s.yaml", directory: "/tmp")
        }
        #expect(throws: InputError(file: "s.yaml", line: 3, field: "circuity", message: "1e+300 is outside 1…5")) {
            _ = try ScenarioFile.parse("baseline:\n  speed: 60\n  circuity: 1e300\nevents: []\n", file: "s.yaml", directory: "/tmp")
        }
    }

    @Test func optionsOutsideTheirRangeNameTheOption() {
        #expect(throws: ModelError.invalidParameter(name: "--speed", value: "1e-300", reason: "expected a speed in km/h in 1…300")) {
            _ = try PlausibleRange.check(1e-300, in: PlausibleRange.crowFlySpeedKmh, option: "--speed", what: "a speed in km/h")
        }
        #expect(throws: ModelError.self) { _ = try PlausibleRange.check(.nan, in: PlausibleRange.circuity, option: "--circuity", what: "a detour factor") }
        #expect(throws: ModelError.invalidParameter(name: "--pairs", value: "9223372036854775807",
                                                    reason: "expected a number of node pairs in 1…100,000")) {
            _ = try PlausibleRange.check(Int.max, in: PlausibleRange.calibrationPairs, option: "--pairs", what: "a number of node pairs")
        }
        #expect(throws: ModelError.invalidParameter(name: "--year", value: "-9223372036854775808", reason: "expected a year in 1900…2200")) {
            _ = try PlausibleRange.check(Int.min, in: PlausibleRange.year, option: "--year", what: "a year")
        }
        #expect(throws: ModelError.invalidParameter(name: "--activity-per-gp", value: "1e+308",
                                                    reason: "expected a yearly activity per GP in (0, 20,000]")) {
            _ = try PlausibleRange.checkActivityPerGP(1e308, option: "--activity-per-gp")
        }
        #expect(throws: ModelError.self) { _ = try PlausibleRange.checkActivityPerGP(0, option: "--activity-per-gp") }
        #expect((try? PlausibleRange.checkActivityPerGP(4_011.785, option: "--activity-per-gp")) == 4_011.785)
        #expect((try? PlausibleRange.check(5_000, in: PlausibleRange.calibrationPairs, option: "--pairs", what: "pairs")) == 5_000)
    }
}
