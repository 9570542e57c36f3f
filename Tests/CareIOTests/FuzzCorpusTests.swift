import CareFuzzTargets
import Foundation
import Testing

/// Every seed of `Fuzz/Corpus` and every finding kept in `Fuzz/Regressions` replayed through its fuzz target
/// (issue 14, item 5): the reader accepts it or refuses it with one clean line, and does not crash. The seeds
/// are real excerpts that a reader must accept; findings must stay fixed.
@Suite("fuzz corpus and findings replayed")
struct FuzzCorpusTests {
    static let fuzzDirectory = URL(fileURLWithPath: #filePath)   // …/Tests/CareIOTests/FuzzCorpusTests.swift
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    static func files(_ kind: String, _ target: FuzzTarget) -> [URL] {
        let dir = fuzzDirectory.appendingPathComponent(kind).appendingPathComponent(target.rawValue)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { dir.appendingPathComponent($0) }
    }

    @Test(arguments: FuzzTarget.allCases)
    func everySeedIsAcceptedOrCleanlyRefused(_ target: FuzzTarget) throws {
        let seeds = Self.files("Corpus", target)
        #expect(!seeds.isEmpty, "no seed for \(target.rawValue) in Fuzz/Corpus")
        for url in seeds {
            let outcome = target.outcome([UInt8](try Data(contentsOf: url)))
            #expect(!outcome.isViolation, "\(url.lastPathComponent): \(outcome)")
        }
    }

    @Test(arguments: FuzzTarget.allCases)
    func everyFindingStaysFixed(_ target: FuzzTarget) throws {
        for url in Self.files("Regressions", target) {
            let outcome = target.outcome([UInt8](try Data(contentsOf: url)))
            #expect(!outcome.isViolation, "\(url.lastPathComponent): \(outcome)")
        }
    }

    @Test func realExcerptsAreAccepted() throws {
        // The real seeds are files users have: refusing them is a regression of the reader, not a clean error.
        let real: [(FuzzTarget, String)] = [
            (.bpe, "ardeche-gp-head.csv"), (.territoryCSV, "ardeche-head.csv"), (.datafrance, "ardeche-3.csv"),
            (.catr, "ardeche-3.catr"), (.ewkb, "ardeche-commune.ewkb"), (.pbf, "saint-barthelemy-small.osm.pbf"),
            (.osmxml, "saint-barthelemy-small.osm"), (.osmxml, "saint-barthelemy-small.osm.gz"),
            (.carn, "saint-barthelemy-small.carn"), (.observed, "drees-2019-ardeche-head.csv"),
            (.model, "metric-2019.json"), (.scenario, "ardeche-events.yaml"), (.compare, "ardennes-options.yaml"),
            (.sweep, "creuse-sweep.yaml"), (.zones, "ardeche-zones-head.csv"), (.interns, "grand-est-interns.yaml"),
        ]
        for (target, name) in real {
            let url = Self.fuzzDirectory.appendingPathComponent("Corpus/\(target.rawValue)/\(name)")
            let outcome = target.outcome([UInt8](try Data(contentsOf: url)))
            #expect(outcome == .accepted, "\(target.rawValue)/\(name): \(outcome)")
        }
    }

    @Test func aMessageWithALineBreakIsAViolationAndTheReadersEscapeIt() {
        #expect(FuzzOutcome.checking("gp.csv:2: bad\nvalue").isViolation)
        #expect(FuzzOutcome.checking("gp.csv:2: bad\u{1B}[2Jvalue").isViolation)
        #expect(FuzzOutcome.checking("") .isViolation)
        #expect(FuzzOutcome.checking("gp.csv:2: field 'NB_D201': 'x' is not an integer") == .rejected("gp.csv:2: field 'NB_D201': 'x' is not an integer"))
        // A quoted count holding a line break: the reader names line and field and escapes the break.
        let outcome = FuzzTarget.bpe.outcome(Array("CODGEO,NB_D201\n07005,\"3\n4\"\n".utf8))
        #expect(outcome == .rejected("fuzz.csv:2: field 'NB_D201': '3\\n4' is not an integer"))
    }
}
