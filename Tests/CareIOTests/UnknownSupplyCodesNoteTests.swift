import Foundation
import Testing

@testable import CareIO

/// A territory cut down far below its supply file: the note counts every unknown code but names only a few.
struct UnknownSupplyCodesNoteTests {
    @Test func theNoteNamesTwentyCodesAndCountsTheRest() throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures").path
        // Ardèche communes with the Ardennes GP counts: every supply code is unknown to the territory.
        let study = try Study.load(territoryPath: fixtures + "/ardeche/communes.csv", supplyPath: fixtures + "/ardennes/gp.csv",
                                   departements: [])
        let unknown = study.supply.unknownCodes.count
        #expect(unknown > 20)
        let note = try #require(study.notes.first { $0.contains("supply codes unknown to the territory") })
        #expect(note.hasPrefix("\(unknown) supply codes unknown"))
        #expect(note.hasSuffix(", … and \(unknown - 20) more."))
        #expect(note.split(separator: ",").count < 30)
    }
}
