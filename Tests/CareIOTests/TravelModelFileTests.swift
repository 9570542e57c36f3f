import CareModel
import CareTestSupport
import Foundation
import Testing

@testable import CareIO

/// The travel-model file: the shipped METRIC model meets the held-out targets, files round-trip, and
/// crafted files are refused with a reason.
struct TravelModelFileTests {
    @Test func theShippedModelMeetsItsHeldOutTargets() throws {
        let p = try CalibratedModelFile.load(path: nil)
        let h = try #require(p.heldOut)
        #expect(h.folds == 5)
        // Issue 11, done when: held out on observed trips ≤ 30 min, median relative error ≤ 10 %,
        // MAE ≤ 2.5 min, bias within ±0.5 min nationally.
        #expect(h.upTo30Minutes.medianRelativeError <= 0.10)
        #expect(h.upTo30Minutes.meanAbsoluteError <= 2.5)
        #expect(abs(h.upTo30Minutes.bias) <= 0.5)
        #expect(h.upTo30Minutes.trips > 20_000)
        #expect(p.observed.trips == 25_409 && p.observed.file == "drees-acces-urgences-2019-by-commune.csv")
        // Corsica and the Breton islands are isolated; Oléron, Noirmoutier and Ré have bridges; Guadeloupe's two
        // halves (bridges over the Rivière Salée) are one land mass, apart from Martinique, its CRS zone's main one.
        let isolated = Set(p.isolatedLand.flatMap(\.communes))
        #expect(isolated.isSuperset(of: ["2A004", "2B033", "85113", "56069", "29155"]))
        #expect(isolated.isDisjoint(with: ["17093", "85011", "17297", "97209"]))
        let guadeloupe = try #require(p.isolatedLand.first { $0.communes.contains("97103") })
        #expect(guadeloupe.communes.contains("97120") && !guadeloupe.communes.contains("97112"))   // 97112: Grand-Bourg, Marie-Galante
        #expect(p.summary.contains("held-out"))
    }

    @Test func writeThenReadGivesTheSameParameters() throws {
        let p = try CalibratedModelFile.load(path: nil)
        let text = try CalibratedModelFile.encode(p)
        let back = try CalibratedModelFile.decode(Data(text.utf8), file: "m.json")
        #expect(back == p)
        // Number arrays sit on one line each.
        #expect(text.split(separator: "\n").contains { $0.contains("\"values\" : [") && $0.hasSuffix("]") })
        #expect(try CalibratedModelFile.encode(back) == text)
    }

    @Test func craftedFilesAreRefusedWithAReason() throws {
        let good = try CalibratedModelFile.encode(try CalibratedModelFile.load(path: nil))
        func refused(_ edit: (String) -> String) -> String? {
            do {
                _ = try CalibratedModelFile.decode(Data(edit(good).utf8), file: "m.json")
                return nil
            } catch { return error.description }
        }
        #expect(refused { $0.replacingOccurrences(of: "\"careaccess-travel-model\"", with: "\"other\"") }
                == "m.json: not a CareAccess travel model (format 'other')")
        #expect(refused { $0.replacingOccurrences(of: "\"version\" : 1", with: "\"version\" : 7") }
                == "m.json: version 7 is not supported (this build reads version 1)")
        #expect(refused { $0.replacingOccurrences(of: "\"smearing\" : 1.", with: "\"smearing\" : 9.") }?.contains("smearing factor") == true)
        #expect(refused { $0.replacingOccurrences(of: "\"columns\" : 114", with: "\"columns\" : 115") }?.contains("values for 115") == true)
        #expect(refused { $0.replacingOccurrences(of: "\"knotsKm\"", with: "\"knots\"") } == "m.json: field 'base.knotsKm': missing")
        #expect(refused { _ in "[1, 2]" }?.hasPrefix("m.json: not a CareAccess travel model") == true)
        #expect(refused { _ in "" }?.hasPrefix("m.json: not a CareAccess travel model") == true)
        #expect(throws: InputError.self) { try CalibratedModelFile.load(path: "/nonexistent/model.json") }
    }

    /// `travel pairs` on hand-computed cases: crow-fly minutes by hand, and the calibrated model against its
    /// own pair function (whose formula is checked by hand in CareModelTests).
    @Test func pairsFileGivesTheModelsMinutes() throws {
        let t = try TestTerritory.make()
        let input = try PairsFile.parse(bytes: Array("""
            id,origin,destination
            a,07001,07002
            b,07002,"26001"
            c,07001,07001
            """.utf8), file: "p.csv", territory: t)
        let crow = try CrowFlyModel(speedKmh: 60, circuity: 1.3)
        let minutes = try crow.minutes(between: input.pairs)
        #expect(minutes == [13, 52, 0])                         // 10 km and 40 km at 1 km/min × 1.3
        #expect(input.csv(minutes: minutes, model: crow.summary) == "id,origin,destination,minutes\na,07001,07002,13.0\nb,07002,26001,52.0\nc,07001,07001,0.0\n")
        #expect { try PairsFile.parse(bytes: Array("origin,destination,minutes\n07001,07002,3\n".utf8), file: "p.csv", territory: t) }
            throws: { ($0 as? InputError)?.description == "p.csv:1: field 'minutes': the output adds a minutes column: rename this one" }
        #expect { try PairsFile.parse(bytes: Array("origin,destination\n".utf8), file: "p.csv", territory: t) }
            throws: { ($0 as? InputError)?.description == "p.csv: no pair (header only)" }
    }
}
