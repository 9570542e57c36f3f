import CareIO
import CareModel
import Foundation
import Yams

/// A comparison file: one baseline and several named options, each a list of scenario events or a placement
/// (`place`: k new sites chosen by an objective), all evaluated against the same baseline and ranked.
///
/// ```yaml
/// baseline: {territory: ../ardennes/communes.csv, supply: ../ardennes/gp.csv, departements: ["08"]}
/// rank_by: population_below
/// options:
///   - name: MSP at Rimogne
///     events: [{open_site: {commune: "08365", gps: 3, kind: msp}}]
///   - name: 3 salaried centres chosen by MCLP
///     place: {objective: mclp, k: 3, gps: 2, kind: salaried_centre}
/// ```
/// An option may carry `cost: {investment: €, yearly: €/year, years: N}` (`years` defaults to the file's
/// `cost_years`); amounts 0…10,000,000,000 €, years 1…100, a yearly cost needing years.
public struct CompareFile: Sendable {
    /// The file's `name` key: the title of the comparison's table and report.
    public var name: String
    /// The data, travel model and indicator every option is evaluated against (`baseline` key).
    public var baseline: ScenarioFile.Baseline
    /// How options are ranked (`rank_by` key); ``RankCriterion/populationBelow`` when left out.
    public var rankBy: RankCriterion
    /// The options in file order (at least one).
    public var options: [Option]

    /// The `rank_by` values; the raw value is the key as the file spells it.
    public enum RankCriterion: String, Sendable, CaseIterable {
        /// Largest fall in population below the under-served threshold first.
        case populationBelow = "population_below"
        /// Most population newly within the travel-time threshold first.
        case newlyCovered = "newly_covered"
        /// Lowest population-weighted minutes to the nearest GP after the option first.
        case meanMinutes = "mean_minutes"
        /// Highest population-weighted indicator after the option first.
        case meanScore = "mean_score"
        /// Most net population newly within the threshold per 100 k€ first (every option needs a cost).
        case newlyCoveredPer100k = "newly_covered_per_100k"
        /// Highest indicator gain (inhabitants × score change) per 100 k€ first (every option needs a cost).
        case scoreGainPer100k = "score_gain_per_100k"

        /// Whether the criterion divides by the options' costs.
        public var needsCosts: Bool { self == .newlyCoveredPer100k || self == .scoreGainPer100k }
    }

    /// One entry of `options`: a name and either scenario events or a placement.
    public struct Option: Sendable {
        /// The option's `name`, as tables and reports list it.
        public var name: String
        /// Line of the option in the file, for errors about it; `nil` for options not read from a file.
        public var line: Int?
        /// What the option does to the baseline.
        public var content: Content
        /// What the option costs, when the file says (comparison files only).
        public var cost: OptionCost? = nil
    }

    /// What an option changes: given events, or sites still to be chosen.
    public enum Content: Sendable {
        /// `events:` scenario events applied as written (openings, closures, GP changes…).
        case events([ScenarioEvent])
        /// `place:` new sites chosen by an objective on the baseline, turned into opening events.
        case place(PlaceSpec)
    }

    /// k new sites chosen among the studied communes by an objective, each with `gps` GPs of `kind`.
    public struct PlaceSpec: Sendable, Hashable {
        /// The objective that chooses the sites; one of ``CompareFile/objectives``.
        public var objective: ObjectiveSpec
        /// Number of new sites (≥ 1).
        public var k: Int
        /// GPs at each new site (> 0; 1 when left out).
        public var gps: Double
        /// Kind of each new site.
        public var kind: SiteKind
        /// Line of the `place` key in the file, for errors about it.
        public var line: Int?
    }

    /// The objectives a `place` option accepts (lscp is not one: it has no fixed number of sites).
    public static let objectives: Set<ObjectiveSpec> = [.mclp, .pmedian, .pcenter, .access]

    /// Reads and parses the comparison file at `path`; relative data paths are taken from its directory.
    /// Throws ``CareIO/InputError`` when the file cannot be read or is not valid (see ``parse(_:file:directory:)``).
    public static func load(path: String) throws -> CompareFile {
        let (text, directory) = try YAMLDocument.read(path: path)
        return try parse(text, file: path, directory: directory)
    }

    /// Parses a comparison file's YAML `text`; `file` names it in errors, `directory` resolves relative paths.
    /// Throws ``CareIO/InputError`` naming the file, line and key for an unknown key, a missing or empty
    /// `options` list, an unknown `rank_by` or objective, `k` < 1, `gps` ≤ 0 or a cost out of range.
    public static func parse(_ text: String, file: String, directory: String) throws(InputError) -> CompareFile {
        let y = YAMLDocument(file: file)
        let root = try y.parse(text)
        let top = try y.mapping(root, allowed: ["name", "baseline", "rank_by", "options", "cost_years"], context: "the comparison")
        let baseline = try top["baseline"].map { (b) throws(InputError) in
            try ScenarioFile.parseBaseline(b.value, y, directory: directory)
        } ?? ScenarioFile.Baseline()
        var rank = RankCriterion.populationBelow
        if let r = try y.string(top["rank_by"], "rank_by") {
            guard let c = RankCriterion(rawValue: r) else {
                throw y.error(top["rank_by"]?.value, "rank_by", "unknown criterion '\(r)' (expected \(RankCriterion.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            rank = c
        }
        guard let optionsEntry = top["options"], case .sequence(let seq) = optionsEntry.value, !seq.isEmpty else {
            throw y.error(top["options"]?.value ?? root, "options", "expected a non-empty list of options")
        }
        let costYears = try y.int(top["cost_years"], "cost_years")
        if let costYears, !(1...OptionCost.maximumYears).contains(costYears) {
            throw y.error(top["cost_years"]?.value, "cost_years", "\(costYears) is not a number of years in 1…\(OptionCost.maximumYears)")
        }
        var options: [Option] = []
        var names = Set<String>()
        for item in seq {
            var (option, nameNode) = try parseOption(item, y)
            guard names.insert(option.name).inserted else { throw y.error(nameNode, "name", "duplicate option name '\(option.name)'") }
            option.cost = try parseCost(item, y, defaultYears: costYears)
            if rank.needsCosts, option.cost == nil {
                throw y.error(item, "cost", "rank_by \(rank.rawValue) needs a cost on every option")
            }
            options.append(option)
        }
        let name = try y.string(top["name"], "name") ?? ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        return CompareFile(name: name, baseline: baseline, rankBy: rank, options: options)
    }

    /// One option of a comparison or a sweep: a `name` and either `events` or `place`; `nameNode` locates the
    /// name for duplicate errors.
    static func parseOption(_ item: Node, _ y: YAMLDocument, costs: Bool = true) throws(InputError) -> (option: Option, nameNode: Node?) {
        let m = try y.mapping(item, allowed: costs ? ["name", "events", "place", "cost"] : ["name", "events", "place"], context: "an option")
        guard let name = try y.string(m["name"], "name") else { throw y.error(item, "name", "each option needs a name") }
        switch (m["events"], m["place"]) {
        case let (e?, nil):
            return (Option(name: name, line: item.mark?.line, content: .events(try ScenarioFile.parseEvents(e.value, y))), m["name"]?.value)
        case let (nil, p?):
            let pm = try y.mapping(p.value, allowed: ["objective", "k", "gps", "kind"], context: "place")
            let objectiveName = try y.string(pm["objective"], "objective") ?? ObjectiveSpec.mclp.rawValue
            guard let objective = ObjectiveSpec(rawValue: objectiveName), objectives.contains(objective) else {
                throw y.error(pm["objective"]?.value, "objective", "unknown objective '\(objectiveName)' (expected \(objectives.map(\.rawValue).sorted().joined(separator: ", ")))")
            }
            guard let k = try y.int(pm["k"], "k"), k >= 1 else { throw y.error(p.value, "k", "place needs k ≥ 1 new sites") }
            let gps = try y.double(pm["gps"], "gps") ?? 1
            guard gps > 0 else { throw y.error(pm["gps"]?.value, "gps", "\(gps) must be > 0") }
            let kindText = try y.string(pm["kind"], "kind") ?? SiteKind.healthCentre.rawValue
            guard let kind = SiteKind(rawValue: kindText), kind != .practice else {
                throw y.error(pm["kind"]?.value, "kind", "unknown kind '\(kindText)'")
            }
            return (Option(name: name, line: item.mark?.line,
                           content: .place(PlaceSpec(objective: objective, k: k, gps: gps, kind: kind, line: p.key.mark?.line))),
                    m["name"]?.value)
        case (nil, nil): throw y.error(item, "events", "an option needs events or place")
        default: throw y.error(item, "place", "an option has events or place, not both")
        }
    }

    /// An option's `cost: {investment, yearly, years}`, each amount range-checked before any arithmetic.
    static func parseCost(_ item: Node, _ y: YAMLDocument, defaultYears: Int?) throws(InputError) -> OptionCost? {
        guard case .mapping(let m) = item else { return nil }
        guard let entry = m.first(where: { $0.key.string == "cost" }) else { return nil }
        let c = try y.mapping(entry.value, allowed: ["investment", "yearly", "years"], context: "cost")
        func euros(_ key: String) throws(InputError) -> Double {
            guard let v = try y.double(c[key], key) else { return 0 }
            guard PlausibleRange.euros.contains(v) else {
                throw y.error(c[key]?.value, key, "\(v) is not an amount in euros in \(PlausibleRange.text(PlausibleRange.euros))")
            }
            return v
        }
        let investment = try euros("investment"), yearly = try euros("yearly")
        guard c["investment"] != nil || c["yearly"] != nil else {
            throw y.error(entry.value, "cost", "a cost needs an investment, a yearly cost or both")
        }
        let years = try y.int(c["years"], "years") ?? defaultYears
        if yearly > 0, years == nil {
            throw y.error(entry.value, "years", "a yearly cost needs years (here or cost_years at the top of the file)")
        }
        do {
            return try OptionCost(investment: investment, yearly: yearly, years: years ?? 1)
        } catch {
            throw y.error(c["years"]?.value ?? entry.value, "years", "\(years ?? 1) is not a number of years in 1…\(OptionCost.maximumYears)")
        }
    }
}
