import CareKernel
import CareTestSupport
import Foundation
import Testing

@testable import CareIO

/// Every output of a run renamed into place together at the end, or none; no temporary left either way.
struct OutputTransactionTests {
    struct Forced: Error {}

    @Test func commitPublishesEveryFileAndReplacesOldOnes() throws {
        let dir = try ScratchFolder()
        defer { dir.remove() }
        try "old\n".write(toFile: dir.path + "/a.csv", atomically: false, encoding: .utf8)
        var staged: [OutputTransaction.Staged] = []
        try OutputTransaction.run { (tx: inout OutputTransaction) throws in
            try tx.stage("a\n", to: dir.path + "/a.csv")
            try tx.stage("b\n", to: dir.path + "/b.html")
            staged = tx.staged
            // Staged, not yet published: the old a.csv is still there and b.html does not exist.
            #expect(try String(contentsOfFile: dir.path + "/a.csv", encoding: .utf8) == "old\n")
            #expect(!FileManager.default.fileExists(atPath: dir.path + "/b.html"))
            #expect(TemporaryFileRegistry.shared.registered.contains(tx.staged[0].temporary))
        }
        #expect(try String(contentsOfFile: dir.path + "/a.csv", encoding: .utf8) == "a\n")
        #expect(try String(contentsOfFile: dir.path + "/b.html", encoding: .utf8) == "b\n")
        #expect(try dir.contents() == ["a.csv", "b.html"])
        #expect(staged.map { ($0.temporary as NSString).lastPathComponent.hasPrefix(".a.csv.tmp-") || ($0.temporary as NSString).lastPathComponent.hasPrefix(".b.html.tmp-") } == [true, true])
        #expect(staged.allSatisfy { !TemporaryFileRegistry.shared.registered.contains($0.temporary) })
    }

    @Test func aFailureAfterStagingLeavesNoDestinationAndNoTemporary() throws {
        let dir = try ScratchFolder()
        defer { dir.remove() }
        try "old\n".write(toFile: dir.path + "/kept.csv", atomically: false, encoding: .utf8)
        var temporaries: [String] = []
        #expect(throws: Forced.self) {
            try OutputTransaction.run { (tx: inout OutputTransaction) throws in
                try tx.stage("new\n", to: dir.path + "/kept.csv")
                try tx.stage("x\n", to: dir.path + "/out.csv")
                temporaries = tx.staged.map(\.temporary)
                throw Forced()  // e.g. the report's rendering, after the CSVs were staged
            }
        }
        #expect(temporaries.count == 2)
        #expect(try dir.contents() == ["kept.csv"])
        #expect(try String(contentsOfFile: dir.path + "/kept.csv", encoding: .utf8) == "old\n")
        #expect(temporaries.allSatisfy { !TemporaryFileRegistry.shared.registered.contains($0) })
    }

    @Test func aLaterOutputInAMissingFolderLeavesTheEarlierOnesUnwritten() throws {
        let dir = try ScratchFolder()
        defer { dir.remove() }
        let report = dir.path + "/missing/report.html"
        #expect(throws: OutputError(file: report, message: "folder \(dir.path)/missing does not exist")) {
            try OutputTransaction.run { (tx: inout OutputTransaction) throws in
                try tx.stage("code\n", to: dir.path + "/out.csv")
                try tx.stage("<html>", to: report)
            }
        }
        #expect(try dir.contents() == [])
    }

    @Test func aSymbolicLinkOrADirectoryIsRefusedBeforeAnyTemporary() throws {
        let dir = try ScratchFolder()
        defer { dir.remove() }
        try "target\n".write(toFile: dir.path + "/target.csv", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/link.csv", withDestinationPath: dir.path + "/target.csv")
        try FileManager.default.createDirectory(atPath: dir.path + "/folder.csv", withIntermediateDirectories: false)
        var tx = OutputTransaction()
        #expect(throws: OutputError(file: dir.path + "/link.csv", message: "is a symbolic link: refused (write to its target path instead)")) {
            try tx.stage("x", to: dir.path + "/link.csv")
        }
        #expect(throws: OutputError(file: dir.path + "/folder.csv", message: "is a directory: refused (give a file path)")) {
            try tx.stage("x", to: dir.path + "/folder.csv")
        }
        #expect(tx.staged.isEmpty)
        #expect(try dir.contents() == ["folder.csv", "link.csv", "target.csv"])
        #expect(try String(contentsOfFile: dir.path + "/target.csv", encoding: .utf8) == "target\n")
    }

    @Test func aFailedRenameRemovesTheTemporariesNotYetRenamed() throws {
        let dir = try ScratchFolder()
        defer { dir.remove() }
        var tx = OutputTransaction()
        try tx.stage("a\n", to: dir.path + "/a.csv")
        try tx.stage("b\n", to: dir.path + "/b.csv")
        // b.csv becomes a non-empty folder after staging: its rename fails; a.csv was already renamed (documented).
        try FileManager.default.createDirectory(atPath: dir.path + "/b.csv/inside", withIntermediateDirectories: true)
        do {
            try tx.commit()
            Issue.record("commit over a non-empty folder succeeded")
        } catch {
            #expect(error.file == dir.path + "/b.csv")
            #expect(error.message.hasPrefix("cannot move the finished file into place"))
        }
        #expect(try dir.contents() == ["a.csv", "b.csv"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path + "/b.csv") == ["inside"])
    }

    @Test func foldersMadeForADiscardedRunAreRemovedAgain() throws {
        let dir = try ScratchFolder()
        defer { dir.remove() }
        #expect(throws: Forced.self) {
            try OutputTransaction.run { (tx: inout OutputTransaction) throws in
                try tx.makeFolder(dir.path + "/run/scenario")
                try tx.stage("code\n", to: dir.path + "/run/scenario/communes.csv")
                #expect(tx.createdFolders == [dir.path + "/run", dir.path + "/run/scenario"])
                throw Forced()
            }
        }
        #expect(try dir.contents() == [])
        try OutputTransaction.run { (tx: inout OutputTransaction) throws in
            try tx.makeFolder(dir.path + "/run")
            try tx.stage("code\n", to: dir.path + "/run/communes.csv")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path + "/run") == ["communes.csv"])
    }

    @Test func atomicFileIsAOneFileTransaction() throws {
        let dir = try ScratchFolder()
        defer { dir.remove() }
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/link.csv", withDestinationPath: dir.path + "/elsewhere.csv")
        #expect(throws: OutputError(file: dir.path + "/link.csv", message: "is a symbolic link: refused (write to its target path instead)")) {
            try AtomicFile.write("x", to: dir.path + "/link.csv")
        }
        #expect(try dir.contents() == ["link.csv"])
    }
}
