import CareIO
import CareModel
import CareTestSupport
import Foundation
import Testing

@testable import CareStudy

/// A road network or an OD matrix that reaches a small part of the study must not yield "97 % within 20
/// min": the run is refused (naming the file and how much is covered) unless the input is accepted as partial.
struct PartialTravelInputTests {
    static func matrix(_ rows: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("careaccess-od-\(UInt32.random(in: 0...UInt32.max)).csv").path
        try ("origin,destination,minutes\n" + rows).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aTwoRowMatrixIsRefusedUnlessAccepted() throws {
        let study = try Study.load(territoryPath: nil, supplyPath: nil, departements: [])   // Ardèche fixture
        let path = try Self.matrix("07186,07010,12\n07010,07186,12\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var spec = TravelModelSpec()
        spec.kind = .matrix
        spec.matrixPath = path
        #expect(throws: InputError(file: path, message: "the OD matrix covers 2 of the 335 studied communes (24,611 of 325,712 inhabitants, 7.6 %), less than 95 %: every figure would count the others as unreachable (or at 0 min from a GP at their own point); keep to the communes the matrix holds (--departement, or a territory of them), or pass --accept-partial-travel")) {
            _ = try spec.make(for: study)
        }
        spec.acceptPartialCoverage = true
        let (_, notes) = try spec.make(for: study)
        #expect(notes.contains(.partialTravelInput(.init(input: .odMatrix, communes: 2, studied: 335, population: 24_611,
                                                          studiedPopulation: 325_712, handling: .accepted))))
    }

    /// `travel validate` scores only the trips its model reaches and counts the others as unreachable: the
    /// same matrix runs there without the flag, and the note says what is covered and what happens to the rest.
    @Test func scoringPairsStatesPartialCoverageInsteadOfRefusing() throws {
        let study = try Study.load(territoryPath: nil, supplyPath: nil, departements: [])
        let path = try Self.matrix("07186,07010,12\n07010,07186,12\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var spec = TravelModelSpec()
        spec.kind = .matrix
        spec.matrixPath = path
        spec.scoresPairsOnly = true
        let (_, notes) = try spec.make(for: study)
        let note = Diagnostic.partialTravelInput(.init(input: .odMatrix, communes: 2, studied: 335, population: 24_611,
                                                       studiedPopulation: 325_712, handling: .scoresPairs))
        #expect(notes.contains(note))
        #expect(note.description == "Partial travel input: the OD matrix covers 2 of the 335 studied communes (24,611 of 325,712 inhabitants, 7.6 %); trips with an end outside it are unreachable by it, counted as such and left out of the errors.")
    }

    /// Every studied commune has a pair to some other commune: covered, no note, no refusal; 94.9 % of the
    /// communes is refused.
    @Test func aMatrixCoveringTheStudyRuns() throws {
        let study = try Study.load(territoryPath: nil, supplyPath: nil, departements: [])
        let codes = study.demand.map { study.territory.communes[$0].code }
        let hub = codes[0]
        let path = try Self.matrix(codes.dropFirst().map { "\($0),\(hub),10\n\(hub),\($0),10\n" }.joined())
        defer { try? FileManager.default.removeItem(atPath: path) }
        var spec = TravelModelSpec()
        spec.kind = .matrix
        spec.matrixPath = path
        let (_, notes) = try spec.make(for: study)
        #expect(!notes.contains { if case .partialTravelInput = $0 { true } else { false } })
        #expect(notes == [.matrixPairs(668 + study.territory.communes.count)])   // 2 × 334 given, and each commune to itself
        // 318 of the 335 communes covered is 94.9 % of them: refused, whatever their population.
        let kept = Array(codes.prefix(318))
        let partial = try Self.matrix(kept.dropFirst().map { "\($0),\(kept[0]),10\n" }.joined())
        defer { try? FileManager.default.removeItem(atPath: partial) }
        spec.matrixPath = partial
        #expect(throws: InputError.self) { _ = try spec.make(for: study) }
    }
}

extension NationalStudyTests {
    /// The Riviera extract reaches 5 of the 163 communes of Alpes-Maritimes: refused; the 5 alone run.
    @Test func aRoadNetworkCoveringFewCommunesIsRefused() throws {
        let network = SharedData.path("roads/most_monaco_riviera_network.osm")
        let t = try national().territory
        let s = try BPEImporter().importFile(path: SharedData.bpe, territory: t)
        let d06 = try t.indices(inDepartements: ["06"])
        let study = Study(territory: t, supply: s, demand: d06, territorySource: "", supplySource: "", territoryReport: nil, notes: [])
        var spec = TravelModelSpec()
        spec.kind = .network
        spec.networkPath = network
        spec.snapLimitMetres = 1_000
        let error = #expect(throws: InputError.self) { _ = try spec.make(for: study) }
        #expect(error?.file == network)
        #expect(error?.message.hasPrefix("the road network covers 5 of the 163 studied communes (36,142 of ") == true)
        var covered = study
        covered.demand = d06.filter { ["06012", "06032", "06059", "06104", "06150"].contains(t.communes[$0].code) }
        let (_, notes) = try spec.make(for: covered)
        #expect(!notes.contains { if case .partialTravelInput = $0 { true } else { false } })
    }
}
