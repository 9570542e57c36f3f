import CareTestSupport
import Foundation
import Testing

/// The built `careaccess` run end to end: the outputs of a run are published together or not at all, and a run
/// interrupted while writing leaves nothing behind (issue 14).
@Suite("transactional outputs, end to end", .enabled(if: CareAccessBinary.path != nil))
struct TransactionalOutputCommandTests {
    static let fixture = PackageRoot.fixture("ardeche")

    @Test func aReportIntoAMissingFolderLeavesNoOutAndNoTemporary() throws {
        let dir = try ScratchFolder().path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CareAccessBinary.run(["coverage", "--territory", Self.fixture + "/communes.csv", "--supply", Self.fixture + "/gp.csv",
                                         "--out", dir + "/out.csv", "--geojson", dir + "/out.geojson", "--report", dir + "/missing/report.html"])
        #expect(r.status == 1)
        #expect(r.stderr == "error: \(dir)/missing/report.html: folder \(dir)/missing does not exist\n", "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == [])
    }

    @Test func aScenarioWhoseReportFailsLeavesNoOutFolder() throws {
        let dir = try ScratchFolder().path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "name: t\nbaseline: {territory: \(Self.fixture)/communes.csv, supply: \(Self.fixture)/gp.csv, departements: [\"07\"], speed: 60}\nhorizon: 2026\nevents: []\n"
            .write(toFile: dir + "/s.yaml", atomically: false, encoding: .utf8)
        let r = try CareAccessBinary.run(["scenario", dir + "/s.yaml", "--out", dir + "/run", "--report", dir + "/missing/r.html"])
        #expect(r.status == 1)
        #expect(r.stderr == "error: \(dir)/missing/r.html: folder \(dir)/missing does not exist\n", "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["s.yaml"])
    }

    @Test func everyOutputIsWrittenWhenAllStage() throws {
        let dir = try ScratchFolder().path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CareAccessBinary.run(["coverage", "--territory", Self.fixture + "/communes.csv", "--supply", Self.fixture + "/gp.csv",
                                         "--out", dir + "/out.csv", "--geojson", dir + "/out.geojson", "--report", dir + "/report.html"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
                == ["out.csv", "out.csv-metadata.json", "out.geojson", "report.html"])
    }

    @Test("a symbolic link, a directory or standard output as an output is refused with the option named",
          arguments: [("--out", "link.csv", "--out is a symbolic link: refused (write to its target path instead)"),
                      ("--report", "folder", "--report is a directory: refused (give a file path)"),
                      ("--out", "-", "--out cannot be standard output: refused (give a file path)")])
    func refusedKinds(_ option: String, _ name: String, _ message: String) throws {
        let dir = try ScratchFolder().path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "kept\n".write(toFile: dir + "/target.csv", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.csv", withDestinationPath: dir + "/target.csv")
        try FileManager.default.createDirectory(atPath: dir + "/folder", withIntermediateDirectories: false)
        let path = name == "-" ? "-" : dir + "/" + name
        let r = try CareAccessBinary.run(["coverage", "--territory", Self.fixture + "/communes.csv", "--supply", Self.fixture + "/gp.csv",
                              option, path])
        #expect(r.status == 1)
        #expect(r.stderr == "error: \(path): \(message)\n", "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["folder", "link.csv", "target.csv"])
        #expect(try String(contentsOfFile: dir + "/target.csv", encoding: .utf8) == "kept\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/folder") == [])
    }

    /// National coverage with --geojson and --report: the temporaries live for seconds (GeoJSON streaming, report
    /// rendering), so SIGINT lands while they exist. The child is spawned with SIGINT at its default action (a
    /// process started in the background inherits SIGINT ignored, and careaccess keeps an ignored SIGINT ignored;
    /// the test runner's threads may block it).
    @Test(.enabled(if: SharedData.available, "needs ../shared/data (real national data)"))
    func aRunInterruptedDuringItsWritesLeavesNoFile() throws {
        let binary = try #require(CareAccessBinary.path)
        let dir = try ScratchFolder().path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let arguments = [binary, "coverage", "--territory", SharedData.communes, "--supply", SharedData.bpe,
                         "--out", dir + "/c.csv", "--geojson", dir + "/c.geojson", "--report", dir + "/r.html"]
        let pid = try Self.spawnWithDefaultSIGINT(arguments, output: dir + ".log")
        defer { try? FileManager.default.removeItem(atPath: dir + ".log") }
        var seen: [String] = []
        var status: Int32 = 0
        var exited = false
        let deadline = Date().addingTimeInterval(300)
        while Date() < deadline {
            seen = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".tmp-") }
            if !seen.isEmpty { break }
            if waitpid(pid, &status, WNOHANG) == pid { exited = true; break }
            usleep(5_000)
        }
        #expect(!seen.isEmpty, "no temporary appeared before the run ended")
        if !exited {
            kill(pid, SIGINT)
            _ = waitpid(pid, &status, 0)
        }
        #expect(status & 0x7f == SIGINT, "wait status \(status): not killed by SIGINT")
        let left = try FileManager.default.contentsOfDirectory(atPath: dir)
        #expect(left == [], "left: \(left)")
    }

    /// Starts `arguments` (executable first) with SIGINT at its default action and no signal blocked; output to `output`.
    static func spawnWithDefaultSIGINT(_ arguments: [String], output: String) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var unblocked = sigset_t()  // the test thread's blocked signals would be inherited too
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, arguments[0], &actions, &attributes, &argv, environ)
        try #require(rc == 0, "posix_spawn failed: \(rc)")
        return pid
    }
}
