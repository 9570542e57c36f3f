import Foundation
import Testing

@testable import CareStudy

/// A territory cut down far below its supply file: the note counts every unknown code but names only a few.
struct UnknownSupplyCodesNoteTests {
    @Test func theNoteNamesTwentyCodesAndCountsTheRest() throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures").path
        // Ardèche communes with the Ardennes GP counts and one Ardèche row: every other supply code is unknown to
        // the territory (a supply with no known code at all is refused: EmptySupplyMessageTests).
        let supply = try String(contentsOfFile: fixtures + "/ardennes/gp.csv", encoding: .utf8) + "\"07005\",2,\"1121\",1402\n"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("careaccess-gp-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(supply.utf8)))
        let study = try Study.load(territoryPath: fixtures + "/ardeche/communes.csv", supplyPath: path, departements: [])
        let unknown = study.supply.unknownCodes.count
        #expect(unknown > 20)
        let diagnostic = try #require(study.notes.first { if case .unknownSupplyCodes = $0 { true } else { false } })
        guard case .unknownSupplyCodes(let count, _, _, let shown) = diagnostic else { return }
        #expect(count == unknown && shown.count == 20)
        let note = diagnostic.description
        #expect(note.hasPrefix("\(unknown) supply codes unknown"))
        #expect(note.hasSuffix(", … and \(unknown - 20) more."))
        #expect(note.split(separator: ",").count < 30)
    }
}
