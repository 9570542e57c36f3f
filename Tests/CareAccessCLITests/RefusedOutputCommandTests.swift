import CareTestSupport
import Foundation
import Testing

/// The built `careaccess` (`swift build --build-tests` builds it beside the tests), run on a copy of the fixture:
/// an output option naming an input fails with one line naming the option and leaves the input byte-unchanged.
@Suite("refused output, end to end", .enabled(if: CareAccessBinary.path != nil))
struct RefusedOutputCommandTests {

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// Arguments, with `{supply}`, `{territory}`, `{scenario}` and `{dir}` replaced by the copies' paths.
        var arguments: [String]
        /// The input that must stay unchanged, and the words the error must contain.
        var protected: String
        var mentions: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "coverage --out = --supply", arguments: ["coverage", "--territory", "{territory}", "--supply", "{supply}", "--out", "{supply}"],
             protected: "{supply}", mentions: ["--out", "--supply"]),
        Case(name: "coverage --out = --territory (spelt with ..)", arguments: ["coverage", "--territory", "{territory}", "--supply", "{supply}", "--out", "{dir}/x/../communes.csv"],
             protected: "{territory}", mentions: ["--out", "--territory"]),
        Case(name: "coverage --report = --supply (hard link)", arguments: ["coverage", "--territory", "{territory}", "--supply", "{supply}", "--report", "{dir}/hard.csv"],
             protected: "{supply}", mentions: ["--report", "--supply"]),
        Case(name: "access --geojson = --supply (symbolic link)", arguments: ["access", "--territory", "{territory}", "--supply", "{supply}", "--geojson", "{dir}/link.csv"],
             protected: "{supply}", mentions: ["--geojson", "--supply"]),
        Case(name: "scenario --report = the scenario file", arguments: ["scenario", "{scenario}", "--report", "{scenario}"],
             protected: "{scenario}", mentions: ["--report", "the scenario file"]),
        Case(name: "scenario --geojson = its baseline supply", arguments: ["scenario", "{scenario}", "--geojson", "{supply}"],
             protected: "{supply}", mentions: ["--geojson", "baseline supply"]),
        Case(name: "network info --save-cache = the network file", arguments: ["network", "info", "{supply}", "--save-cache", "{dir}/./gp.csv"],
             protected: "{supply}", mentions: ["--save-cache", "the network file"]),
    ]

    @Test("refused with one line naming the option; the input is byte-unchanged", arguments: cases)
    func refused(_ c: Case) throws {
        let dir = try ScratchFolder().path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fixture = PackageRoot.fixture("ardeche")
        try FileManager.default.copyItem(atPath: fixture + "/gp.csv", toPath: dir + "/gp.csv")
        try FileManager.default.copyItem(atPath: fixture + "/communes.csv", toPath: dir + "/communes.csv")
        try FileManager.default.linkItem(atPath: dir + "/gp.csv", toPath: dir + "/hard.csv")
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.csv", withDestinationPath: dir + "/gp.csv")
        try "name: refused\nbaseline: {territory: communes.csv, supply: gp.csv, departements: [\"07\"], speed: 60}\nhorizon: 2026\nevents: []\n"
            .write(toFile: dir + "/s.yaml", atomically: false, encoding: .utf8)
        let fill = { (s: String) in
            s.replacingOccurrences(of: "{supply}", with: dir + "/gp.csv").replacingOccurrences(of: "{territory}", with: dir + "/communes.csv")
                .replacingOccurrences(of: "{scenario}", with: dir + "/s.yaml").replacingOccurrences(of: "{dir}", with: dir)
        }
        let protected = fill(c.protected)
        let before = try Data(contentsOf: URL(fileURLWithPath: protected))

        let run = try CareAccessBinary.run(c.arguments.map(fill))
        let message = run.stderr

        #expect(run.status == 1)
        let lines = message.split(separator: "\n")
        #expect(lines.count == 1, "\(message)")
        #expect(message.hasPrefix("error: "), "\(message)")
        for word in c.mentions { #expect(message.contains(word), "\(message)") }
        #expect(try Data(contentsOf: URL(fileURLWithPath: protected)) == before)
        let left = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(left == ["communes.csv", "gp.csv", "hard.csv", "link.csv", "s.yaml"])
    }
}
