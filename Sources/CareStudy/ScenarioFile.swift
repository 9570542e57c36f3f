import CareIO
import CareModel
import Foundation
import Yams

/// A scenario file (YAML, or JSON): a baseline and a list of events. See `Fixtures/scenarios/` for commented
/// examples.
///
/// ```yaml
/// name: Ardennes — three health houses
/// baseline:
///   territory: ../ardennes/communes.csv   # paths are relative to this file
///   supply: ../ardennes/gp.csv
///   departements: ["08"]
///   threshold: 20          # minutes: coverage (who is within T)
///   catchment: 20          # minutes: the indicator's catchment (default 20, whatever the threshold)
///   indicator: apl         # 2sfca | e2sfca | 3sfca | apl
///   demand: age_standardised   # apl: age_standardised (default, département age structure) | population
/// horizon: 2030
/// events:
///   - open_site: {commune: "08239", gps: 4, kind: msp, name: MSP de Juniville}   # 13 practitioners, 4 GPs assumed
///   - retire: {age: 67, share: 0.25, seed: 7}
///   - retire: {age: 67, shares: {"23": 0.3, "23096": 0.5}}   # by département or commune
/// ```
public struct ScenarioFile: Sendable {
    /// The named events to apply, with their horizon year (`name` defaults to the file name without extension).
    public var scenario: Scenario
    /// The study the events change; paths in it are resolved relative to the scenario file's folder.
    public var baseline: Baseline
    /// What the scenario costs (`cost: {investment, yearly, years}` at the top), when the file says.
    public var cost: OptionCost? = nil

    /// A scenario built in code (``InternsAccess``) rather than read from a file.
    public init(scenario: Scenario, baseline: Baseline, cost: OptionCost? = nil) {
        self.scenario = scenario
        self.baseline = baseline
        self.cost = cost
    }

    /// What a scenario is compared with: the study it changes (``StudySpec``).
    public typealias Baseline = StudySpec

    /// Reads and parses the scenario file at `path` (UTF-8 YAML or JSON); throws an ``InputError`` locating an
    /// unreadable file, a bad key or value, or a missing `events` list.
    public static func load(path: String) throws -> ScenarioFile {
        let (text, directory) = try YAMLDocument.read(path: path)
        return try parse(text, file: path, directory: directory)
    }

    /// Parses scenario `text` read from `file`, resolving relative paths from `directory`. Throws an ``InputError``
    /// with the line and key of an unknown or invalid entry, a missing `events` list, or a horizon outside 1900–2200.
    public static func parse(_ text: String, file: String, directory: String) throws(InputError) -> ScenarioFile {
        let y = YAMLDocument(file: file)
        let root = try y.parse(text)
        let top = try y.mapping(root, allowed: ["name", "baseline", "horizon", "events", "cost"], context: "the scenario")
        var baseline = Baseline()
        if let b = top["baseline"] { baseline = try parseBaseline(b.value, y, directory: directory) }
        guard let eventsEntry = top["events"] else { throw y.error(root, "events", "missing: a scenario needs a list of events") }
        let events = try parseEvents(eventsEntry.value, y)
        let name = try y.string(top["name"], "name") ?? ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let horizon = try y.int(top["horizon"], "horizon")
        if let h = horizon, !(1900...2200).contains(h) { throw y.error(top["horizon"]?.value, "horizon", "\(h) is not a plausible year") }
        return ScenarioFile(scenario: Scenario(name: name, horizon: horizon, events: events), baseline: baseline,
                            cost: try CompareFile.parseCost(root, y, defaultYears: nil))
    }

    /// Removes `dir/..` pairs from a relative or absolute path (kept relative, for readable messages).
    static func tidy(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            if part == "..", let last = parts.last, last != "..", !last.isEmpty {
                parts.removeLast()
            } else if part != "." || parts.isEmpty {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    static let indicators: Set<IndicatorSpec.Method> = [.twoStep, .enhanced, .threeStep, .apl]

    static func parseBaseline(_ node: Node, _ y: YAMLDocument, directory: String) throws(InputError) -> Baseline {
        let m = try y.mapping(node, allowed: ["territory", "supply", "departements", "departement", "threshold", "catchment", "speed",
                                               "circuity", "travel", "model", "network", "matrix", "symmetric_matrix", "access_speed",
                                               "snap_limit", "speed_factor", "indicator", "under_served", "demand", "activity_per_gp",
                                               "accept_supply_gaps", "accept_partial_travel"],
                                      context: "baseline")
        var b = Baseline()
        b.line = node.mark?.line
        let resolve = { (p: String) in
            p.hasPrefix("/") ? p : Self.tidy((directory as NSString).appendingPathComponent(p))
        }
        b.territoryPath = try y.string(m["territory"], "territory").map(resolve)
        b.supplyPath = try y.string(m["supply"], "supply").map(resolve)
        if (b.territoryPath == nil) != (b.supplyPath == nil) {
            throw y.error(node, b.territoryPath == nil ? "territory" : "supply", "give both territory and supply, or neither (embedded Ardèche fixture)")
        }
        b.departements = try y.strings(m["departements"] ?? m["departement"], "departements") ?? []
        if let t = try y.double(m["threshold"], "threshold") {
            guard t > 0, t <= MinutesLimit.maximum else {
                throw y.error(m["threshold"]?.value, "threshold", "\(t) must be > 0 minutes and at most \(Int(MinutesLimit.maximum))")
            }
            b.threshold = t
        }
        if let c = try y.double(m["catchment"], "catchment") {
            guard c > 0, c <= MinutesLimit.maximum else {
                throw y.error(m["catchment"]?.value, "catchment", "\(c) must be > 0 minutes and at most \(Int(MinutesLimit.maximum))")
            }
            b.indicator.catchment = c
        }
        b.travel = try parseTravel(node, m, y, resolve: resolve)
        if let i = try y.string(m["indicator"], "indicator") {
            guard let method = IndicatorSpec.Method(rawValue: i), indicators.contains(method) else {
                throw y.error(m["indicator"]?.value, "indicator", "unknown indicator '\(i)' (expected \(indicators.map(\.rawValue).sorted().joined(separator: ", ")))")
            }
            b.indicator.method = method
        }
        b.underServed = try y.double(m["under_served"], "under_served")
        b.acceptSupplyGaps = try y.bool(m["accept_supply_gaps"], "accept_supply_gaps") ?? false
        b.travel.acceptPartialCoverage = try y.bool(m["accept_partial_travel"], "accept_partial_travel") ?? false
        for key in ["demand", "activity_per_gp"] where m[key] != nil && b.indicator.method != .apl {
            throw y.error(m[key]?.value, key, "\(key) applies to indicator apl, not \(b.indicator.method.rawValue)")
        }
        if let d = try y.string(m["demand"], "demand") {
            guard d == "age_standardised" || d == "population" else {
                throw y.error(m["demand"]?.value, "demand", "unknown demand '\(d)' (expected age_standardised or population)")
            }
            b.indicator.demand = d == "population" ? .population : .standardised
        }
        if let a = try y.double(m["activity_per_gp"], "activity_per_gp") {
            guard a.isFinite, a > 0, a <= 20_000 else {
                throw y.error(m["activity_per_gp"]?.value, "activity_per_gp", "\(a) is not a yearly activity per GP in (0, 20000]")
            }
            b.indicator.activityPerGP = a
            b.indicator.activitySource = "activity_per_gp in the scenario file"
        }
        return b
    }

    /// The baseline's travel keys: `travel: calibrated|crowfly|network|matrix` (default calibrated, or crowfly
    /// when `speed` or `circuity` is given), `model: FILE` (a calibrated model), `speed`, `circuity`,
    /// `network: FILE`, `matrix: FILE`, `symmetric_matrix`, `access_speed`, `snap_limit`.
    static func parseTravel(_ node: Node, _ m: [String: (key: Node, value: Node)], _ y: YAMLDocument,
                            resolve: (String) -> String) throws(InputError) -> TravelModelSpec {
        var t = TravelModelSpec()
        if m["speed"] != nil || m["circuity"] != nil { t.kind = .crowfly }
        if let k = try y.string(m["travel"], "travel") {
            guard let kind = TravelModelSpec.Kind(rawValue: k) else {
                throw y.error(m["travel"]?.value, "travel", "unknown travel model '\(k)' (expected calibrated, crowfly, network or matrix)")
            }
            t.kind = kind
        }
        func positive(_ key: String, _ unit: String, minimum: Double = 0, strict: Bool = true) throws(InputError) -> Double? {
            guard let v = try y.double(m[key], key) else { return nil }
            guard v.isFinite, strict ? v > minimum : v >= minimum else {
                throw y.error(m[key]?.value, key, "\(v) must be \(strict ? ">" : "≥") \(minimum.formatted2)\(unit)")
            }
            return v
        }
        func plausible(_ key: String, _ v: Double, _ range: ClosedRange<Double>) throws(InputError) -> Double {
            guard range.contains(v) else { throw y.error(m[key]?.value, key, "\(v) is outside \(PlausibleRange.text(range))") }
            return v
        }
        if let s = try positive("speed", " km/h") { t.speedKmh = try plausible("speed", s, PlausibleRange.crowFlySpeedKmh) }
        if let c = try positive("circuity", "", minimum: 1, strict: false) { t.circuity = try plausible("circuity", c, PlausibleRange.circuity) }
        if let a = try positive("access_speed", " km/h") { t.accessSpeedKmh = try plausible("access_speed", a, PlausibleRange.accessSpeedKmh) }
        if let l = try positive("snap_limit", " m") { t.snapLimitMetres = l }
        if let f = try positive("speed_factor", "") { t.networkSpeedFactor = f }
        t.modelPath = try y.string(m["model"], "model").map(resolve)
        t.networkPath = try y.string(m["network"], "network").map(resolve)
        t.matrixPath = try y.string(m["matrix"], "matrix").map(resolve)
        t.symmetricMatrix = try y.bool(m["symmetric_matrix"], "symmetric_matrix") ?? false
        switch t.kind {
        case .network where t.networkPath == nil:
            throw y.error(m["travel"]?.value ?? node, "network", "travel: network needs a network file (network: FILE)")
        case .matrix where t.matrixPath == nil:
            throw y.error(m["travel"]?.value ?? node, "matrix", "travel: matrix needs an OD matrix file (matrix: FILE)")
        case _ where t.kind != .crowfly && (m["speed"] != nil || m["circuity"] != nil):
            throw y.error(m["speed"]?.value ?? m["circuity"]?.value ?? node, m["speed"] != nil ? "speed" : "circuity",
                          "speed and circuity set the crow-fly model: use them with travel: crowfly (or alone)")
        case _ where t.kind != .calibrated && t.modelPath != nil:
            throw y.error(m["model"]?.value ?? node, "model", "a calibrated model file needs travel: calibrated (the default)")
        case .crowfly where t.networkPath != nil || t.matrixPath != nil, .calibrated where t.networkPath != nil || t.matrixPath != nil:
            throw y.error(m["network"]?.value ?? m["matrix"]?.value ?? node, m["network"] != nil ? "network" : "matrix",
                          "a network or matrix file needs travel: network or travel: matrix")
        default:
            return t
        }
    }

    static let eventKeys: [String: Set<String>] = [
        "open_site": ["commune", "x", "y", "gps", "fte", "kind", "name", "id", "months"],
        "close_site": ["site", "commune"],
        "add_gps": ["site", "commune", "gps", "fte"],
        "remove_gps": ["site", "commune", "gps", "fte"],
        "retire": ["age", "share", "shares", "seed", "horizon"],
    ]

    static func parseEvents(_ node: Node, _ y: YAMLDocument) throws(InputError) -> [ScenarioEvent] {
        guard case .sequence(let seq) = node else { throw y.error(node, "events", "expected a list of events") }
        var events: [ScenarioEvent] = []
        for item in seq {
            guard case .mapping(let m) = item, m.count == 1, let (k, v) = m.first, let kind = k.string else {
                throw y.error(item, nil, "each event is one key (\(eventKeys.keys.sorted().joined(separator: ", ")), horizon) with its parameters")
            }
            let line = k.mark?.line
            if kind == "horizon" {
                guard case .scalar(let s) = v, let year = Int(s.string), (1900...2200).contains(year) else {
                    throw y.error(v, "horizon", "expected a year")
                }
                events.append(ScenarioEvent(.horizon(year), line: line))
                continue
            }
            guard let allowed = eventKeys[kind] else {
                throw y.error(k, kind, "unknown event (expected \((eventKeys.keys.sorted() + ["horizon"]).joined(separator: ", ")))")
            }
            let p = try y.mapping(v, allowed: allowed, context: kind)
            switch kind {
            case "open_site":
                let location: ScenarioEvent.Location
                if let commune = try y.string(p["commune"], "commune") {
                    if p["x"] != nil || p["y"] != nil { throw y.error(v, "commune", "give a commune or x,y, not both") }
                    location = .commune(commune)
                } else if let x = try y.double(p["x"], "x"), let yy = try y.double(p["y"], "y") {
                    location = .lambert93(x: x, y: yy)
                } else {
                    throw y.error(v, "commune", "open_site needs a commune code or Lambert-93 x and y")
                }
                let kindText = try y.string(p["kind"], "kind") ?? SiteKind.healthCentre.rawValue
                guard let siteKind = SiteKind(rawValue: kindText), siteKind != .practice else {
                    throw y.error(p["kind"]?.value, "kind", "unknown kind '\(kindText)' (expected msp, health_centre, salaried_centre, rotating_post, intern_post)")
                }
                let fte = try amount(p, y, v, default: siteKind == .rotatingPost ? 1 : nil)
                events.append(ScenarioEvent(.openSite(.init(
                    id: try y.string(p["id"], "id"), name: try y.string(p["name"], "name"), location: location, kind: siteKind,
                    fte: fte, months: try y.double(p["months"], "months"))), line: line))
            case "close_site":
                events.append(ScenarioEvent(.closeSite(try target(p, y, v)), line: line))
            case "add_gps":
                events.append(ScenarioEvent(.addGPs(try target(p, y, v), try amount(p, y, v, default: nil)), line: line))
            case "remove_gps":
                events.append(ScenarioEvent(.removeGPs(try target(p, y, v), try amount(p, y, v, default: nil)), line: line))
            default:  // retire
                if let h = try y.int(p["horizon"], "horizon") {
                    guard PlausibleRange.year.contains(h) else {
                        throw y.error(p["horizon"]?.value, "horizon", "\(h) is not a plausible year (\(PlausibleRange.text(PlausibleRange.year)))")
                    }
                    events.append(ScenarioEvent(.horizon(h), line: line))
                }
                guard let age = try y.int(p["age"], "age") else { throw y.error(v, "age", "retire needs an age") }
                guard PlausibleRange.age.contains(age) else {
                    throw y.error(p["age"]?.value, "age", "\(age) is not an age in \(PlausibleRange.text(PlausibleRange.age))")
                }
                let seed = try y.int(p["seed"], "seed") ?? Int(StudyDefaults.drawSeed)
                guard seed >= 0 else { throw y.error(p["seed"]?.value, "seed", "\(seed) must be ≥ 0") }
                let shares = try y.numbers(p["shares"], "shares") ?? [:]
                events.append(ScenarioEvent(.retire(.init(age: age, share: try y.double(p["share"], "share"), shares: shares,
                                                          seed: UInt64(seed))), line: line))
            }
        }
        return events
    }

    static func target(_ p: [String: (key: Node, value: Node)], _ y: YAMLDocument, _ v: Node) throws(InputError) -> ScenarioEvent.Target {
        switch (try y.string(p["site"], "site"), try y.string(p["commune"], "commune")) {
        case let (site?, nil): return .site(site)
        case let (nil, commune?): return .commune(commune)
        case (nil, nil): throw y.error(v, "site", "give a site id or a commune code")
        default: throw y.error(v, "site", "give a site id or a commune code, not both")
        }
    }

    static func amount(_ p: [String: (key: Node, value: Node)], _ y: YAMLDocument, _ v: Node, default d: Double?) throws(InputError) -> Double {
        let gps = try y.double(p["gps"], "gps"), fte = try y.double(p["fte"], "fte")
        if gps != nil, fte != nil { throw y.error(v, "gps", "give gps or fte, not both") }
        guard let n = gps ?? fte ?? d else { throw y.error(v, "gps", "missing: the number of GPs (gps) or FTE (fte)") }
        guard n > 0 else { throw y.error((p["gps"] ?? p["fte"])?.value, gps != nil ? "gps" : "fte", "\(n) must be > 0") }
        guard PlausibleRange.gpsAmount.contains(n) else {
            throw y.error((p["gps"] ?? p["fte"])?.value, gps != nil ? "gps" : "fte",
                          "\(n) is more than \(PlausibleRange.text(PlausibleRange.gpsAmount)) GPs in one event")
        }
        return n
    }
}
