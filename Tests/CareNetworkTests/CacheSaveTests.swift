import CareTestSupport
import Foundation
import Testing
@testable import CareNetwork

/// `RoadGraph.save(to:)`: the new cache replaces the old one in one rename (never removed first), and a failed
/// save leaves neither a cache nor a temporary.
@Suite("Network cache save: one atomic rename")
final class CacheSaveTests {
    let dir: String
    init() throws { dir = try ScratchFolder().path }
    deinit { try? FileManager.default.removeItem(atPath: dir) }

    @Test func aSaveReplacesTheOldCacheInOneStep() throws {
        let small = try RoadGraph.synthetic(side: 5, seed: 1)
        let large = try RoadGraph.synthetic(side: 9, seed: 2)
        let path = dir + "/g.carn"
        try small.save(to: path)
        // A reader holding the old cache keeps reading it whole: the new cache is a new file renamed over the path,
        // never the old file rewritten in place (the remove-then-move of before had a moment with no cache at all).
        let reader = try #require(FileHandle(forReadingAtPath: path))
        defer { try? reader.close() }
        try large.save(to: path)
        #expect([UInt8](try reader.readToEnd() ?? Data()) == small.cacheBytes())
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) == large.cacheBytes())
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["g.carn"])
    }

    @Test func aSaveIntoAMissingFolderNamesTheFileAndWritesNothing() throws {
        let path = dir + "/missing/g.carn"
        do {
            try RoadGraph.synthetic(side: 5, seed: 1).save(to: path)
            Issue.record("saved into a missing folder")
        } catch {
            #expect(error.file == path)
            #expect(error.message.hasPrefix("cannot write the network cache: cannot create a file in \(dir)/missing"), "\(error.message)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == [])
    }
}
