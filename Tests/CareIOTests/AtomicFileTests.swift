import Foundation
import Testing

@testable import CareIO

struct AtomicFileTests {
    @Test func writesWholeFileAndLeavesNoTemporary() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("careaccess-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.csv").path
        try AtomicFile.write("a,b\n1,2\n", to: path)
        try AtomicFile.write("a,b\n3,4\n", to: path)  // replaces
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a,b\n3,4\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.csv"])
    }

    @Test func missingFolderIsAClearErrorAndWritesNothing() {
        #expect(throws: OutputError(file: "/nonexistent-careaccess/x/out.csv", message: "folder /nonexistent-careaccess/x does not exist")) {
            try AtomicFile.write("x", to: "/nonexistent-careaccess/x/out.csv")
        }
    }

    @Test func unreadableInputIsAClearError() {
        #expect(throws: InputError.self) { _ = try FileInput.bytes(path: "/nonexistent-careaccess/communes.csv") }
    }

    @Test func corruptXZIsAClearError() {
        let bytes: [UInt8] = [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, 1, 2, 3, 4, 5]
        #expect(throws: InputError.self) { _ = try XZ.decompress(bytes, file: "c.csv.lzma") }
    }
}
