import CareIO
import CareReport
import CareStudy
import Foundation
import Testing

@testable import CareSweep

/// A shard set that is not exactly shards 0…N−1 of one sweep is refused with one line naming the file,
/// before any output is written.
struct BadShardSetTests {
    /// Writes the 3 shards of the small sweep into `dir` and returns their paths.
    func shards(_ engine: SweepEngine, _ dir: String, n: Int = 3) throws -> [String] {
        try (0..<n).map { try SweepRunner.runShard(engine, shard: try SweepShard(index: $0, count: n), directory: dir) }
    }

    func expectRefused(_ dir: String, _ expected: InputError, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(throws: expected, sourceLocation: sourceLocation) { _ = try SweepMerge.run(directory: dir) }
        let outputs = (try? FileManager.default.contentsOfDirectory(atPath: dir))?.filter { SweepMerge.outputs.contains($0) || $0.hasPrefix(".") } ?? []
        #expect(outputs.isEmpty, "nothing written", sourceLocation: sourceLocation)
    }

    @Test func missingDuplicatedAndMixedShardsAreRefused() throws {
        let f = try SweepFixture()
        defer { f.remove() }
        let engine = try SweepEngine.load(path: f.spec)
        let dir = f.folder("set")
        let paths = try shards(engine, dir)
        let fm = FileManager.default

        try fm.moveItem(atPath: paths[1], toPath: f.folder("aside"))
        expectRefused(dir, InputError(file: dir, message: "missing shard 1 of 3: run them with --shard K/3 --out \(dir)"))
        try fm.moveItem(atPath: f.folder("aside"), toPath: paths[1])

        let copy = dir + "/copy-of-shard-2.casweep"
        try fm.copyItem(atPath: paths[2], toPath: copy)
        expectRefused(dir, InputError(file: dir, message: "duplicated shard 2 of 3: \(copy) and \(paths[2])"))
        try fm.removeItem(atPath: copy)

        let renamed = dir + "/" + (try SweepShard(index: 0, count: 3)).fileName.replacingOccurrences(of: "000000-of", with: "000007-of")
        try fm.copyItem(atPath: paths[0], toPath: renamed)
        expectRefused(dir, InputError(file: renamed, message: "its name says shard 7 of 3 but it holds shard 0 of 3 (renamed?)"))
        try fm.removeItem(atPath: renamed)

        // A shard of another N in the same folder.
        let other = try SweepRunner.runShard(engine, shard: try SweepShard(index: 4, count: 7), directory: dir)
        expectRefused(dir, InputError(file: other, message: "a shard of 7 beside shards of 3 (\(paths[0])): shards of two runs with different N are mixed"))
        try fm.removeItem(atPath: other)

        _ = try SweepMerge.run(directory: dir)  // the intact set merges
    }

    @Test func emptyFolderAndLeftoverTemporariesAreRefused() throws {
        let f = try SweepFixture()
        defer { f.remove() }
        let dir = f.folder("empty")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        // A killed shard leaves at most a hidden temporary: it is not a shard.
        try Data("CASWEEP1 half".utf8).write(to: URL(fileURLWithPath: dir + "/.shard-000000-of-000001.casweep.tmp-1-2"))
        #expect(throws: InputError(file: dir, message: "no shard files (*.casweep): run careaccess sweep SPEC --shard K/N --out \(dir) first")) {
            _ = try SweepMerge.run(directory: dir)
        }
    }

    @Test func anotherSpecOrVersionIsRefused() throws {
        let f = try SweepFixture()
        defer { f.remove() }
        let engine = try SweepEngine.load(path: f.spec)
        let dir = f.folder("set")
        let paths = try shards(engine, dir)
        // The same sweep with another seed: another spec hash.
        let g = try SweepFixture(yaml: SweepFixture.small.replacingOccurrences(of: "seed: 11", with: "seed: 12"))
        defer { g.remove() }
        let otherEngine = try SweepEngine.load(path: g.spec)
        #expect(otherEngine.context.specHash != engine.context.specHash)
        let foreign = try SweepRunner.runShard(otherEngine, shard: try SweepShard(index: 1, count: 3), directory: g.directory)
        let fm = FileManager.default
        try fm.removeItem(atPath: paths[1])
        try fm.moveItem(atPath: foreign, toPath: paths[1])
        let first = paths[0]
        expectRefused(dir, InputError(file: paths[1], message: "spec hash \(otherEngine.context.specHash) differs from \(first)'s \(engine.context.specHash): shards of another sweep spec or other data"))

        // A shard written by another engine version (same length, so only the version differs).
        _ = try shards(engine, dir)
        var bytes = [UInt8](try SweepFixture.bytes(paths[2]))
        let version = Array(SweepEngine.engineVersion.utf8)
        let at = try #require((0...(bytes.count - version.count)).first { Array(bytes[$0..<$0 + version.count]) == version })
        bytes[at + version.count - 1] = UInt8(ascii: "9")
        try Data(bytes).write(to: URL(fileURLWithPath: paths[2]))
        let older = String(SweepEngine.engineVersion.dropLast()) + "9"
        expectRefused(dir, InputError(file: paths[2], message: "written by \(older) (shard format 1); this build is \(SweepEngine.engineVersion) (format 1): run that shard again with this build"))
    }

    @Test func damagedShardsAreRefused() throws {
        let f = try SweepFixture()
        defer { f.remove() }
        let engine = try SweepEngine.load(path: f.spec)
        let dir = f.folder("set")
        let paths = try shards(engine, dir)
        let good = try SweepFixture.bytes(paths[0])
        // Truncated (no trailer).
        try good.prefix(good.count - 100).write(to: URL(fileURLWithPath: paths[0]))
        expectRefused(dir, InputError(file: paths[0], message: "damaged shard file: no CASWEEPE trailer (truncated or still being written)"))
        // One byte of a record changed: the checksum catches it when the records are read.
        var bytes = [UInt8](good)
        bytes[bytes.count - 200] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: paths[0]))
        #expect(throws: InputError.self) { _ = try SweepMerge.run(directory: dir) }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { SweepMerge.outputs.contains($0) || $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
        // Not a shard at all.
        try Data(repeating: 0x41, count: 4000).write(to: URL(fileURLWithPath: paths[0]))
        expectRefused(dir, InputError(file: paths[0], message: "not a sweep shard file (no CASWEEP1 header)"))
        try good.write(to: URL(fileURLWithPath: paths[0]))
        _ = try SweepMerge.run(directory: dir)
    }

    @Test func aWholeRunRefusesAFolderWithShardsOfAnotherRun() throws {
        let f = try SweepFixture()
        defer { f.remove() }
        let engine = try SweepEngine.load(path: f.spec)
        let dir = f.folder("set")
        _ = try shards(engine, dir)
        #expect(throws: OutputError(file: dir, message: "holds shards of another run (shard-000000-of-000003.casweep, … 3 files): use an empty folder, or `careaccess sweep merge` for a sharded run")) {
            _ = try SweepRunner.runAll(engine, directory: dir)
        }
        // Running it again into its own folder is fine (its shard is replaced).
        _ = try SweepRunner.runAll(engine, directory: f.folder("whole"))
        _ = try SweepRunner.runAll(engine, directory: f.folder("whole"))
    }

    @Test func shardArgumentsAreChecked() throws {
        #expect(throws: InputError(file: "--shard", message: "shard 3 of 3: K must be in 0…2 (shards are numbered from 0)")) {
            _ = try SweepShard(parsing: "3/3")
        }
        #expect(throws: InputError(file: "--shard", message: "'2-4' is not K/N (e.g. 3/8: the fourth of eight shards, numbered from 0)")) {
            _ = try SweepShard(parsing: "2-4")
        }
        #expect(throws: InputError(file: "--shard", message: "0 shards: expected 1…1000000")) { _ = try SweepShard(parsing: "0/0") }
        #expect(throws: InputError.self) { _ = try SweepShard(parsing: "-1/4") }
        #expect(try SweepShard(parsing: "6/7").fileName == "shard-000006-of-000007.casweep")
    }
}
