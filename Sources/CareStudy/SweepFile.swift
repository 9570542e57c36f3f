import CareIO
import CareModel
import Foundation
import Yams

/// A sweep file (YAML or JSON): one baseline, and the product of scenarios × horizon years × Monte-Carlo draws ×
/// options that `careaccess sweep` expands into numbered tasks (see `Fixtures/scenarios/README.md`).
///
/// ```yaml
/// name: Creuse — retirements by horizon, three options
/// scenarios:
///   - file: creuse-medecins-solidaires.yaml     # its events; its baseline becomes the sweep's
///   - name: retirements only
///     events: [{retire: {age: 67, share: 0.15}}]
/// horizons: [2030, 2035]      # replaces each scenario's year
/// draws: 100                  # Monte-Carlo draws of the assumed retirements
/// seed: 2030
/// options:
///   - {name: nothing more, events: []}
///   - name: 2 salaried centres chosen by MCLP
///     place: {objective: mclp, k: 2, gps: 1, kind: salaried_centre}
/// ```
/// Parsing is O(size of the files); errors name the file, the line and the key.
public struct SweepFile: Sendable {
    /// The sweep's name for outputs (`name:`, else the file name without extension).
    public var name: String
    /// The baseline every scenario is applied to: the sweep's `baseline:`, else that of its scenario files (which must
    /// agree), else the default study (the embedded Ardèche fixture).
    public var baseline: ScenarioFile.Baseline
    /// The scenarios to sweep, in file order, with unique names; never empty.
    public var scenarios: [Entry]
    /// Horizon years that replace each scenario's year; `nil`: every scenario keeps its own.
    public var horizons: [Int]?
    /// Monte-Carlo draws for a scenario with an assumed retirement share (a scenario without is drawn once).
    public var draws: Int
    /// The sweep's seed: every draw's random numbers derive from it and the draw number.
    public var seed: UInt64
    /// The options applied after each scenario's events (default: one option without events).
    public var options: [CompareFile.Option]
    /// The texts the sweep was read from (the sweep file first, then each scenario file it names), in order:
    /// what the spec hash covers besides the data.
    public var sources: [Source]

    /// One scenario of the sweep: its events, year and where it was defined.
    public struct Entry: Sendable {
        /// The scenario's name, events and horizon year (before ``SweepFile/horizons`` replaces it).
        public var scenario: Scenario
        /// Line of the entry in the sweep file.
        public var line: Int?
        /// The scenario file it came from, if any.
        public var file: String?
    }

    /// A file read to build the sweep, with its text.
    public struct Source: Sendable, Hashable {
        /// Path relative to the sweep file's folder, as written in the sweep (the sweep file itself: its name).
        public var name: String
        /// The file's full text, as read.
        public var text: String
    }

    /// The most tasks a sweep may expand to.
    public static let maximumTasks = 100_000_000
    /// The most draws per scenario.
    public static let maximumDraws = 1_000_000

    /// The option of a sweep without `options`: the scenario alone.
    public static let scenarioOnly = CompareFile.Option(name: "scenario only", line: nil, content: .events([]))

    /// Reads and parses the sweep file at `path` (UTF-8 YAML or JSON) and the scenario files it names, as
    /// ``parse(_:file:directory:)`` does; throws an ``InputError`` naming the file, line and key.
    public static func load(path: String) throws -> SweepFile {
        let (text, directory) = try YAMLDocument.read(path: path)
        return try parse(text, file: path, directory: directory)
    }

    /// Reads a sweep's text: its baseline, scenarios (inline or from files), horizons, draws, seed and options.
    public static func parse(_ text: String, file: String, directory: String) throws(InputError) -> SweepFile {
        let y = YAMLDocument(file: file)
        let root = try y.parse(text)
        let top = try y.mapping(root, allowed: ["name", "baseline", "scenarios", "horizons", "draws", "seed", "options"],
                                context: "the sweep")
        var baseline = try top["baseline"].map { (b) throws(InputError) in
            try ScenarioFile.parseBaseline(b.value, y, directory: directory)
        }
        var sources = [Source(name: (file as NSString).lastPathComponent, text: text)]
        guard let list = top["scenarios"], case .sequence(let items) = list.value, !items.isEmpty else {
            throw y.error(top["scenarios"]?.value ?? root, "scenarios", "expected a non-empty list of scenarios (file: or name: with events:)")
        }
        let entries = try parseEntries(items, y, directory: directory, baseline: &baseline, sources: &sources)
        let horizons = try top["horizons"].map { (h) throws(InputError) in try parseHorizons(h, y, entries: entries) }
        let draws = try y.int(top["draws"], "draws") ?? 1
        guard (1...maximumDraws).contains(draws) else {
            throw y.error(top["draws"]?.value, "draws", "\(draws) is not a number of draws in 1…\(maximumDraws)")
        }
        var seed = StudyDefaults.drawSeed
        if let given = try y.int(top["seed"], "seed") {
            guard given >= 0 else { throw y.error(top["seed"]?.value, "seed", "\(given) must be ≥ 0") }
            seed = UInt64(given)
        }
        let options = try top["options"].map { (o) throws(InputError) in try parseOptions(o.value, y) } ?? [scenarioOnly]
        let name = try y.string(top["name"], "name") ?? ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let sweep = SweepFile(name: name, baseline: baseline ?? ScenarioFile.Baseline(), scenarios: entries, horizons: horizons,
                              draws: draws, seed: seed, options: options, sources: sources)
        if sweep.taskCount > maximumTasks {
            throw y.error(top["draws"]?.value ?? root, "draws", "the sweep expands to more than \(maximumTasks.grouped) tasks: split it")
        }
        return sweep
    }

    /// The `scenarios:` list, names unique. A scenario file's baseline becomes the sweep's (or must equal it);
    /// its text joins `sources`.
    static func parseEntries(_ items: Node.Sequence, _ y: YAMLDocument, directory: String,
                             baseline: inout ScenarioFile.Baseline?, sources: inout [Source]) throws(InputError) -> [Entry] {
        var entries: [Entry] = []
        var names = Set<String>()
        for item in items {
            let m = try y.mapping(item, allowed: ["file", "name", "horizon", "events"], context: "a scenario")
            let entry: Entry
            if let relative = try y.string(m["file"], "file") {
                entry = try fileEntry(relative, item, m, y, directory: directory, baseline: &baseline, sources: &sources)
            } else {
                entry = try inlineEntry(item, m, y)
            }
            guard names.insert(entry.scenario.name).inserted else {
                throw y.error(m["name"]?.value ?? item, "name", "duplicate scenario name '\(entry.scenario.name)' (give each a name:)")
            }
            entries.append(entry)
        }
        return entries
    }

    /// A scenario read from the file at `relative` (to the sweep's folder), renamed by `name:` if given.
    static func fileEntry(_ relative: String, _ item: Node, _ m: [String: (key: Node, value: Node)], _ y: YAMLDocument, directory: String,
                          baseline: inout ScenarioFile.Baseline?, sources: inout [Source]) throws(InputError) -> Entry {
        if let extra = m["events"] ?? m["horizon"] {
            throw y.error(extra.key, extra.key.string, "a scenario from a file takes its events and horizon from the file (give name only)")
        }
        let path = relative.hasPrefix("/") ? relative : ScenarioFile.tidy((directory as NSString).appendingPathComponent(relative))
        let (scenarioText, scenarioDirectory) = try YAMLDocument.read(path: path)
        let scenarioFile = try ScenarioFile.parse(scenarioText, file: path, directory: scenarioDirectory)
        sources.append(Source(name: relative, text: scenarioText))
        if let b = baseline {
            if let d = Self.difference(b, scenarioFile.baseline) {
                throw y.error(m["file"]?.value, "file", "\(relative) has another baseline than the sweep (\(d)): a sweep has one baseline")
            }
        } else {
            baseline = scenarioFile.baseline
        }
        var entry = Entry(scenario: scenarioFile.scenario, line: item.mark?.line, file: path)
        if let n = try y.string(m["name"], "name") { entry.scenario.name = n }
        return entry
    }

    /// A scenario given in the sweep: `name:`, `events:` and an optional `horizon:`.
    static func inlineEntry(_ item: Node, _ m: [String: (key: Node, value: Node)], _ y: YAMLDocument) throws(InputError) -> Entry {
        guard let n = try y.string(m["name"], "name") else {
            throw y.error(item, "name", "a scenario needs file: (a scenario file) or name: with events:")
        }
        guard let e = m["events"] else { throw y.error(item, "events", "missing: scenario '\(n)' needs a list of events") }
        let horizon = try y.int(m["horizon"], "horizon")
        if let h = horizon, !(1900...2200).contains(h) { throw y.error(m["horizon"]?.value, "horizon", "\(h) is not a plausible year") }
        return Entry(scenario: Scenario(name: n, horizon: horizon, events: try ScenarioFile.parseEvents(e.value, y)),
                     line: item.mark?.line, file: nil)
    }

    /// The `horizons:` list (distinct years in 1900…2200); no scenario may set a year more than once.
    static func parseHorizons(_ h: (key: Node, value: Node), _ y: YAMLDocument, entries: [Entry]) throws(InputError) -> [Int] {
        guard case .sequence(let years) = h.value, !years.isEmpty else { throw y.error(h.value, "horizons", "expected a non-empty list of years") }
        var seen = Set<Int>()
        var horizons: [Int] = []
        for node in years {
            guard case .scalar(let s) = node, let year = Int(s.string), (1900...2200).contains(year) else {
                throw y.error(node, "horizons", "expected a year in 1900…2200")
            }
            guard seen.insert(year).inserted else { throw y.error(node, "horizons", "\(year) is listed twice") }
            horizons.append(year)
        }
        for entry in entries {
            let years = Self.yearsSet(entry.scenario)
            if years.count > 1 {
                throw y.error(h.key, "horizons",
                              "scenario '\(entry.scenario.name)' sets several years (\(years.map { "\($0.year) on line \($0.line.map(String.init) ?? "?")" }.joined(separator: ", "))): a sweep over horizons replaces its year, so give it once")
            }
        }
        return horizons
    }

    /// The `options:` list, names unique.
    static func parseOptions(_ node: Node, _ y: YAMLDocument) throws(InputError) -> [CompareFile.Option] {
        guard case .sequence(let seq) = node, !seq.isEmpty else { throw y.error(node, "options", "expected a non-empty list of options") }
        var options: [CompareFile.Option] = []
        var optionNames = Set<String>()
        for item in seq {
            let (option, nameNode) = try CompareFile.parseOption(item, y, costs: false)
            guard optionNames.insert(option.name).inserted else { throw y.error(nameNode, "name", "duplicate option name '\(option.name)'") }
            options.append(option)
        }
        return options
    }

    /// Whether a scenario draws random numbers: a retirement with an assumed share (GP counts without ages).
    public static func isRandom(_ scenario: Scenario) -> Bool {
        scenario.events.contains { e in
            if case .retire(let r) = e.action { return r.share != nil || !r.shares.isEmpty }
            return false
        }
    }

    /// Draws of scenario `s`: ``draws`` for a random one, 1 otherwise.
    public func draws(ofScenario s: Int) -> Int { Self.isRandom(scenarios[s].scenario) ? draws : 1 }

    /// Number of horizon values (1 when each scenario keeps its own year).
    public var horizonCount: Int { horizons?.count ?? 1 }

    /// Tasks in the sweep: Σ over scenarios of horizons × options × draws (saturating at `Int.max`).
    public var taskCount: Int {
        var total = 0
        for s in scenarios.indices {
            let (a, o1) = horizonCount.multipliedReportingOverflow(by: options.count)
            let (b, o2) = a.multipliedReportingOverflow(by: draws(ofScenario: s))
            let (c, o3) = total.addingReportingOverflow(b)
            if o1 || o2 || o3 { return Int.max }
            total = c
        }
        return total
    }

    /// The distinct years a scenario sets (its `horizon` and its `horizon` events), with the line of each.
    static func yearsSet(_ scenario: Scenario) -> [(year: Int, line: Int?)] {
        var out: [(year: Int, line: Int?)] = scenario.horizon.map { [($0, nil)] } ?? []
        for e in scenario.events {
            if case .horizon(let y) = e.action, !out.contains(where: { $0.year == y }) { out.append((y, e.line)) }
        }
        return out
    }

    /// The first field in which two baselines differ, as `key: a ≠ b`, or `nil` when they are the same
    /// (paths compared once made absolute).
    static func difference(_ a: ScenarioFile.Baseline, _ b: ScenarioFile.Baseline) -> String? {
        let absolute = { (p: String?) in p.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? "embedded fixture" }
        let fields: [(String, String, String)] = [
            ("territory", absolute(a.territoryPath), absolute(b.territoryPath)),
            ("supply", absolute(a.supplyPath), absolute(b.supplyPath)),
            ("departements", a.departements.joined(separator: " "), b.departements.joined(separator: " ")),
            ("threshold", "\(a.threshold)", "\(b.threshold)"),
            ("catchment", "\(a.indicatorCatchment)", "\(b.indicatorCatchment)"),
            ("travel", a.travel.label, b.travel.label),
            ("indicator", a.indicator.method.rawValue, b.indicator.method.rawValue),
            ("under_served", a.underServed.map { "\($0)" } ?? "default", b.underServed.map { "\($0)" } ?? "default"),
        ]
        if let d = fields.first(where: { $0.1 != $0.2 }) { return "\(d.0): \(d.1) ≠ \(d.2)" }
        if a.travel != b.travel { return "travel: \(a.travel.label) with other parameters" }
        return nil
    }
}
