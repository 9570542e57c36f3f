import Foundation
import Testing

@testable import CareKernel

/// ``AtomicWriter``: the destination is replaced whole or not at all, and no temporary stays behind.
@Suite("atomic writer")
final class AtomicWriterTests {
    let dir: String
    init() throws {
        dir = NSTemporaryDirectory() + "careaccess-atomic-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false)
    }
    deinit { try? FileManager.default.removeItem(atPath: dir) }

    func contents(_ path: String) -> [UInt8]? { FileManager.default.contents(atPath: path).map { [UInt8]($0) } }
    func listing() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: dir).sorted() }

    struct ProducerFailed: Error {}

    @Test func writingOverAnExistingFileReplacesItWhole() throws {
        let path = dir + "/out.bin"
        try AtomicWriter.write(Array(repeating: 7, count: 10_000), to: path)
        // A reader holding the old file keeps reading it whole: the new file is renamed over the path.
        let reader = try #require(FileHandle(forReadingAtPath: path))
        defer { try? reader.close() }
        let w = try AtomicWriter(replacing: path)
        try w.write([1, 2])
        try w.output.write([3])
        #expect(contents(path)?.count == 10_000)   // untouched until the commit
        try w.commit()
        #expect(contents(path) == [1, 2, 3])
        #expect([UInt8](try reader.readToEnd() ?? Data()) == Array(repeating: 7, count: 10_000))
        #expect(try listing() == ["out.bin"])
        #expect(!TemporaryFileRegistry.shared.registered.contains { $0.hasPrefix(dir) })
    }

    @Test func aThrowingProducerLeavesTheOldFileAndNoTemporary() throws {
        let path = dir + "/out.bin"
        try AtomicWriter.write([9, 9, 9], to: path)
        func produce(_ w: borrowing AtomicWriter) throws {
            try w.write([1, 2, 3, 4])
            throw ProducerFailed()
        }
        #expect(throws: ProducerFailed.self) {
            let w = try AtomicWriter(replacing: path)
            try produce(w)
            try w.commit()
        }
        #expect(contents(path) == [9, 9, 9])
        #expect(try listing() == ["out.bin"])
        #expect(!TemporaryFileRegistry.shared.registered.contains { $0.hasPrefix(dir) })
    }

    @Test func aDiscardedWriteLeavesTheOldFile() throws {
        let path = dir + "/out.bin"
        try AtomicWriter.write([5], to: path)
        let w = try AtomicWriter(replacing: path)
        try w.write([6, 6])
        #expect(try listing().count == 2)   // the hidden temporary, beside the destination
        w.discard()
        #expect(contents(path) == [5])
        #expect(try listing() == ["out.bin"])
    }

    @Test func aMissingFolderIsAnErrorAndWritesNothing() throws {
        let path = dir + "/missing/out.bin"
        do {
            try AtomicWriter.write([1], to: path)
            Issue.record("wrote into a missing folder")
        } catch {
            #expect(error.path == path)
            #expect(error.message.hasPrefix("cannot create a file in \(dir)/missing: "), "\(error.message)")
        }
        #expect(try listing() == [])
    }

    @Test func aFailedRenameLeavesTheDestinationAndNoTemporary() throws {
        // The destination is a non-empty folder: rename(2) refuses to replace it.
        let path = dir + "/out"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        try AtomicWriter.write([1], to: path + "/inside.bin")
        do {
            try AtomicWriter.write([2, 2], to: path)
            Issue.record("replaced a folder")
        } catch {
            #expect(error.message.hasPrefix("cannot move the finished file into place: "), "\(error.message)")
        }
        #expect(try listing() == ["out"])
        #expect(contents(path + "/inside.bin") == [1])
        #expect(!TemporaryFileRegistry.shared.registered.contains { $0.hasPrefix(dir) })
    }
}
