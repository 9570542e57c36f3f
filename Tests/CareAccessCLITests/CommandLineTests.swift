import CareTestSupport
import Foundation
import Testing

/// The `careaccess` executable as a user meets it (the built binary, run from the package root): every command
/// answers `--help`, bad options and bad files give a non-zero exit and one line naming what is wrong, and the
/// main job on the embedded fixture states its model and data.
@Suite("command line, end to end", .enabled(if: CareAccessBinary.path != nil))
struct CommandLineTests {
    /// Every command and subcommand, as `careaccess --help` lists them.
    static let commands: [[String]] = [
        ["coverage"], ["access"], ["scenario"], ["compare"], ["sweep"], ["place"], ["interns"],
        ["travel", "calibrate"], ["travel", "validate"], ["travel", "pairs"],
        ["network", "info"], ["network", "calibrate"], ["network", "places"], ["network", "export"],
        ["network", "paths"],
        ["import"], ["export-peer"],
    ]

    @Test("every command answers --help with its usage and exit 0", arguments: commands)
    func help(_ command: [String]) throws {
        let r = try CareAccessBinary.run(command + ["--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("USAGE: careaccess \(command.joined(separator: " "))"))
        #expect(r.stdout.contains("OPTIONS:"))
    }

    @Test("the top-level help lists every command")
    func topLevelHelp() throws {
        let r = try CareAccessBinary.run(["--help"])
        #expect(r.status == 0)
        for name in Set(Self.commands.map { $0[0] }) { #expect(r.stdout.contains("\n  \(name)")) }
    }

    @Test("an unknown option or value exits 64 (usage) and names it")
    func usageErrors() throws {
        let unknown = try CareAccessBinary.run(["coverage", "--no-such-option"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("--no-such-option"))
        let method = try CareAccessBinary.run(["access", "--method", "apl2"])
        #expect(method.status == 64)
        #expect(method.stderr.contains("apl2"))
    }

    @Test("a value the spec refuses exits 1 with one line naming the option")
    func specErrors() throws {
        let r = try CareAccessBinary.run(["access", "--method", "e2sfca", "--exclude-age", "65"])
        #expect(r.status == 1)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains("--exclude-age") == true && lines.first?.contains("apl only") == true)
        let decay = try CareAccessBinary.run(["access", "--method", "g2sfca", "--decay", "step"])
        #expect(decay.status == 1 && decay.stderr.contains("--decay"))
    }

    /// Options that go together, given alone: refused by the command's spec before any file is read (the files
    /// named here do not exist, so a command that read first would fail on them instead).
    static let refusals: [(arguments: [String], message: String)] = [
        (["interns", "/nonexistent/i.yaml", "--zone-level", "complementary"], "error: --zone-level goes with --zones"),
        (["interns", "/nonexistent/i.yaml", "--territory", "/nonexistent/t.catr"],
         "error: --territory and --supply go together (the effect on access)"),
        (["access", "--method", "e2sfca", "--derive-activity-level", "3.74"], "error: --derive-activity-level goes with --method apl"),
        (["access", "--method", "e2sfca", "--zones", "/tmp/careaccess-never-written.csv"],
         "error: --zones with --method e2sfca needs --below (the under-served mark)"),
        (["travel", "calibrate", "--observed", "/nonexistent/o.csv", "--out", "/tmp/careaccess-never-written.json", "--threads", "0"],
         "error: invalid --threads 0: expected a number of worker threads in 1…256"),
        (["access", "--threads", "0"], "error: invalid --threads 0: expected a number of worker threads in 1…256"),
        (["network", "paths", "/nonexistent.osm.pbf", "--sources", "0", "--out", "/tmp/careaccess-never-written.csv"],
         "error: --sources must be at least 1"),
        (["network", "calibrate", "/nonexistent.osm.pbf", "--min-km=-1"], "error: --min-km must be a finite number of km ≥ 0"),
        (["scenario", "/nonexistent/s.yaml", "--threads", "0"], "error: invalid --threads 0: expected a number of worker threads in 1…256"),
    ]

    @Test("options that go together, given alone, exit 1 with one line before any file is read", arguments: 0..<refusals.count)
    func refusedCombinations(_ k: Int) throws {
        let (arguments, message) = Self.refusals[k]
        let r = try CareAccessBinary.run(arguments)
        #expect(r.status == 1)
        #expect(r.stderr.split(separator: "\n").map(String.init) == [message])
        #expect(r.stdout.isEmpty)
    }

    @Test("a bad input file exits 1 with one line naming the file, the line and the field")
    func fileErrors() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("careaccess-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenario = dir.appendingPathComponent("bad.yaml").path
        try "name: bad\nbaseline: {indicator: apl}\nevents:\n  - add_gps: {commune: '07186', gps: -2}\n".write(toFile: scenario, atomically: true, encoding: .utf8)
        let r = try CareAccessBinary.run(["scenario", scenario])
        #expect(r.status == 1)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("error: \(scenario):4:") == true)
        #expect(lines.first?.contains("gps") == true)
        let missing = try CareAccessBinary.run(["coverage", "--territory", dir.appendingPathComponent("none.catr").path, "--supply", scenario])
        #expect(missing.status == 1 && missing.stderr.contains("none.catr"))
    }

    @Test("the main job on the embedded fixture states its data and its travel model")
    func embeddedCoverage() throws {
        let r = try CareAccessBinary.run(["coverage"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("embedded fixture"))
        #expect(r.stdout.contains("METRIC"))
    }
}
