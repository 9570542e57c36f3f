import CareStudy
import Foundation
import Testing

@testable import CareIO

/// What `FileInput` reads (issue 14, item 4): regular files and pipes; a directory or a device is refused by
/// name, not with "You don't have permission"; YAML that is not UTF-8 names its line and byte.
@Suite("input paths: pipes, devices, directories")
struct FileInputKindTests {
    @Test func aPipeIsReadToItsEnd() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("careaccess-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("gp.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let text = "CODGEO,NB_D201\n" + String(repeating: "07005,2\n", count: 20_000)   // more than one pipe buffer
        let writer = Thread {
            let fd = open(fifo, O_WRONLY)
            guard fd >= 0 else { return }
            _ = Array(text.utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
        writer.start()
        let bytes = try FileInput.bytes(path: fifo)
        #expect(bytes == Array(text.utf8))
    }

    @Test func aPipeBeyondTheLimitIsRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("careaccess-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("big.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // The reader stops early: the writer must get EPIPE, not a SIGPIPE that ends the test process.
        signal(SIGPIPE, SIG_IGN)
        let writer = Thread {
            let fd = open(fifo, O_WRONLY)
            guard fd >= 0 else { return }
            let chunk = [UInt8](repeating: 0x41, count: 1 << 16)
            for _ in 0..<4 { _ = chunk.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } }
            close(fd)
        }
        writer.start()
        #expect(throws: InputError(file: fifo, message: "input exceeds the limit of 100000 bytes; set CAREACCESS_MAX_INPUT_BYTES to raise it")) {
            _ = try FileInput.bytes(path: fifo, limit: .init(maximumBytes: 100_000))
        }
    }

    @Test func devicesAndDirectoriesAreRefusedByName() {
        #expect(throws: InputError(file: "/dev/zero", message: "is a device, not a file (give a regular file, or a pipe such as /dev/stdin fed by |)")) {
            _ = try FileInput.bytes(path: "/dev/zero")
        }
        let dir = FileManager.default.temporaryDirectory.path
        #expect(throws: InputError(file: dir, message: "is a directory, not a file")) {
            _ = try FileInput.bytes(path: dir)
        }
        #expect(throws: InputError(file: "/nonexistent/gp.csv", message: "cannot read file: No such file or directory")) {
            _ = try FileInput.bytes(path: "/nonexistent/gp.csv")
        }
    }

    @Test func yamlThatIsNotUTF8NamesItsLineAndByte() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("careaccess-\(UUID().uuidString).yaml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bytes: [UInt8] = Array("name: x\nevents:\n  - horizon: ".utf8) + [0xE9] + Array("\n".utf8)   // Latin-1 é: byte 30 (29 before it)
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        #expect(throws: InputError(file: path, line: 3, message: "not UTF-8 text (byte 30 is \\xe9): save the file as UTF-8")) {
            _ = try ScenarioFile.load(path: path)
        }
    }
}
