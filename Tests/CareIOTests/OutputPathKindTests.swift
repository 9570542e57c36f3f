import CareTestSupport
import Foundation
import Testing

@testable import CareIO

/// An output that is a directory, a symbolic link, a device or standard output is refused, naming the option.
struct OutputPathKindTests {
    @Test func eachKindIsRefusedWithTheOptionNamed() throws {
        let dir = try ScratchFolder()
        defer { dir.remove() }
        try "x\n".write(toFile: dir.path + "/target.csv", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/link.csv", withDestinationPath: dir.path + "/target.csv")
        try FileManager.default.createDirectory(atPath: dir.path + "/folder", withIntermediateDirectories: false)
        let cases: [(OutputPathCheck.Named, String)] = [
            (("--out", dir.path + "/link.csv"), "--out is a symbolic link: refused (write to its target path instead)"),
            (("--report", dir.path + "/folder"), "--report is a directory: refused (give a file path)"),
            (("--geojson", "/dev/null"), "--geojson is a device or special file, not a regular file: refused"),
            (("--out", "-"), "--out cannot be standard output: refused (give a file path)"),
            (("--out", "/dev/stdout"), "--out cannot be standard output: refused (give a file path)"),
        ]
        for (output, message) in cases {
            #expect(throws: OutputError(file: output.path ?? "", message: message)) {
                try OutputPathCheck.refuseOverwrite(outputs: [output], inputs: [])
            }
        }
    }

    @Test func aCSVMetadataSidecarThatIsALinkIsRefusedUnderTheCSVOption() throws {
        let dir = try ScratchFolder()
        defer { dir.remove() }
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/t.csv-metadata.json", withDestinationPath: "/etc/hostname")
        #expect(throws: OutputError(file: dir.path + "/t.csv-metadata.json", message: "--out is a symbolic link: refused (write to its target path instead)")) {
            try OutputPathCheck.refuseOverwrite(outputs: OutputPathCheck.csv("--out", dir.path + "/t.csv"), inputs: [("--supply", dir.path + "/gp.csv")])
        }
    }

    @Test func aRegularFileOrANewPathIsAccepted() throws {
        let dir = try ScratchFolder()
        defer { dir.remove() }
        try "x\n".write(toFile: dir.path + "/old.csv", atomically: false, encoding: .utf8)
        try OutputPathCheck.refuseOverwrite(outputs: [("--out", dir.path + "/old.csv"), ("--report", dir.path + "/new.html"), ("--geojson", nil)],
                                            inputs: [])
    }
}
