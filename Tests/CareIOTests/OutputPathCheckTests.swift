import Foundation
import Testing

@testable import CareIO

/// An output equal to an input is refused (issue 14): same path written differently, a symbolic link, a hard
/// link; the error names both options.
@Suite("output path equal to an input")
struct OutputPathCheckTests {
    /// A fresh folder holding `gp.csv`, removed by the caller.
    static func folder() throws -> (dir: String, supply: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("careaccess-outcheck-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let supply = dir + "/gp.csv"
        try "CODGEO,NB_D201\n07005,2\n".write(toFile: supply, atomically: false, encoding: .utf8)
        return (dir, supply)
    }

    static func refusal(out: String, supply: String) -> OutputError? {
        do {
            try OutputPathCheck.refuseOverwrite(outputs: [("--report", nil), ("--out", out)],
                                                inputs: [("--territory", nil), ("--supply", supply)])
            return nil
        } catch {
            return error
        }
    }

    @Test("the same file, however written, is refused with both options named",
          arguments: ["same", "dot", "dotdot", "symlink", "symlinked folder", "hard link"])
    func sameFileIsRefused(spelling: String) throws {
        let (dir, supply) = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out: String
        switch spelling {
        case "same": out = supply
        case "dot": out = dir + "/./gp.csv"
        case "dotdot": out = dir + "/sub/../gp.csv"
        case "symlink":
            out = dir + "/link.csv"
            try FileManager.default.createSymbolicLink(atPath: out, withDestinationPath: supply)
        case "symlinked folder":
            try FileManager.default.createSymbolicLink(atPath: dir + "/alias", withDestinationPath: dir)
            out = dir + "/alias/gp.csv"
        default:
            out = dir + "/hard.csv"
            try FileManager.default.linkItem(atPath: supply, toPath: out)
        }
        let error = try #require(Self.refusal(out: out, supply: supply))
        #expect(error.file == out)
        #expect(error.message.hasPrefix("--out is the same file as the input --supply"))
        #expect(!error.description.contains("\n"))
    }

    @Test func anotherFileOrANewFileIsAccepted() throws {
        let (dir, supply) = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "x\n".write(toFile: dir + "/other.csv", atomically: false, encoding: .utf8)
        #expect(Self.refusal(out: dir + "/other.csv", supply: supply) == nil)
        #expect(Self.refusal(out: dir + "/new.csv", supply: supply) == nil)
        #expect(Self.refusal(out: dir + "/gp.csv-metadata.json", supply: supply) == nil)
    }

    @Test func aCSVOutputsMetadataIsCheckedToo() throws {
        let (dir, supply) = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // The input is the metadata file that `--out X` would write beside X.
        let metadata = dir + "/table.csv-metadata.json"
        try FileManager.default.copyItem(atPath: supply, toPath: metadata)
        #expect(throws: OutputError(file: metadata, message: "--out is the same file as the input --supply: refused (the input is left unchanged)")) {
            try OutputPathCheck.refuseOverwrite(outputs: OutputPathCheck.csv("--out", dir + "/table.csv"), inputs: [("--supply", metadata)])
        }
    }
}
