import CareKernel
import CareGeo

/// A what-if on the GP supply: a list of events applied in order to a baseline supply.
///
/// ```swift
/// let s = Scenario(name: "MSP at Juniville", horizon: 2030, events: [
///     ScenarioEvent(.openSite(.init(location: .commune("08239"), kind: .msp, fte: 13)))])
/// let after = try s.apply(to: baseline, territory: ardennes)
/// ```
public struct Scenario: Sendable, Hashable {
    public var name: String
    /// The year the scenario describes (used by `retire`); events may change it.
    public var horizon: Int?
    public var events: [ScenarioEvent]

    public init(name: String, horizon: Int? = nil, events: [ScenarioEvent]) {
        self.name = name
        self.horizon = horizon
        self.events = events
    }

    /// The supply after the events, with a line of log per event and the assumptions made.
    public struct Outcome: Sendable {
        public var sites: [SupplySite]
        /// Kind of each site (existing sites are `.practice`).
        public var kinds: [SiteKind]
        /// What the scenario did, event by event (``Diagnostic/horizon(year:)`` … ``Diagnostic/retired(age:year:byBirthYear:byShare:)``).
        public var log: [Diagnostic]
        /// What it assumed (rotating and intern posts, retirement shares).
        public var assumptions: [Diagnostic]
    }

    public func apply(to baseline: [SupplySite], territory: Territory) throws(ScenarioError) -> Outcome {
        var sites = baseline
        var kinds = [SiteKind](repeating: .practice, count: baseline.count)
        var closed = [Bool](repeating: false, count: baseline.count)
        var closedBy: [String: Int?] = [:]
        var log: [Diagnostic] = [], assumptions: [Diagnostic] = []
        var year = horizon
        var ids = Set(baseline.map(\.id))

        func targets(_ t: ScenarioEvent.Target, line: Int?, key: String) throws(ScenarioError) -> [Int] {
            switch t {
            case .site(let id):
                guard let i = sites.indices.first(where: { sites[$0].id == id }) else {
                    throw ScenarioError(line: line, key: "site", message: "no site with id \(id)")
                }
                guard !closed[i] else {
                    throw ScenarioError(line: line, key: key, message: "site \(id) is closed\(Self.closedWhere(closedBy[id] ?? nil))")
                }
                return [i]
            case .commune(let code):
                guard let c = territory.index(ofCode: code) else {
                    throw ScenarioError(line: line, key: "commune", message: "unknown commune code \(MessageText.value(code))" + territory.hint(forUnknownCode: code))
                }
                let code = territory.communes[c].code
                let found = sites.indices.filter { sites[$0].communeCode == code && !closed[$0] }
                guard !found.isEmpty else {
                    let wasClosed = sites.indices.contains { sites[$0].communeCode == code && closed[$0] }
                    throw ScenarioError(line: line, key: key, message: wasClosed
                        ? "the sites of commune \(code) are already closed\(Self.closedWhere(closedBy[code] ?? nil))"
                        : "commune \(code) (\(territory.communes[c].name)) has no GP site")
                }
                return found
            }
        }

        for event in events {
            let line = event.line
            switch event.action {
            case .horizon(let y):
                year = y
                log.append(.horizon(year: y))
            case .openSite(let o):
                guard o.fte.isFinite, o.fte > 0 else { throw ScenarioError(line: line, key: "fte", message: "\(o.fte) must be > 0") }
                if o.kind == .rotatingPost, o.fte != 1 {
                    throw ScenarioError(line: line, key: "fte", message: "a rotating post has one GP present at a time (1 FTE), not \(o.fte)")
                }
                if let m = o.months, !(m > 0 && m <= 12) {
                    throw ScenarioError(line: line, key: "months", message: "\(m) is not a number of months in 1…12")
                }
                let point: ProjectedPointLike
                var communeCode: String?, departement: String?
                switch o.location {
                case .commune(let code):
                    guard let c = territory.index(ofCode: code) else {
                        throw ScenarioError(line: line, key: "commune", message: "unknown commune code \(MessageText.value(code))" + territory.hint(forUnknownCode: code))
                    }
                    let commune = territory.communes[c]
                    point = .init(commune.point, commune.crs)
                    communeCode = commune.code
                    departement = commune.departement
                case .lambert93(let x, let y):
                    guard x.isFinite, y.isFinite, (0...1_350_000).contains(x), (6_000_000...7_200_000).contains(y) else {
                        throw ScenarioError(line: line, key: "x", message: "(\(x), \(y)) is outside metropolitan Lambert-93")
                    }
                    point = .init(.init(x: x, y: y), .lambert93)
                }
                let id = o.id ?? "new-\(sites.count - baseline.count + 1)"
                guard ids.insert(id).inserted else { throw ScenarioError(line: line, key: "id", message: "duplicate site id \(id)") }
                sites.append(SupplySite(id: id, communeCode: communeCode, departement: departement, point: point.point,
                                        crs: point.crs, gps: o.capacity, kind: o.kind))
                kinds.append(o.kind)
                closed.append(false)
                let label = o.name ?? communeCode.flatMap { territory.index(ofCode: $0) }.map { territory.communes[$0].name } ?? id
                log.append(.opened(kind: o.kind, label: label, fte: o.capacity))
                if o.kind == .rotatingPost {
                    assumptions.append(.rotatingPost(label: label))
                }
                if o.kind == .internPost {
                    assumptions.append(.internPost(label: label, fte: o.fte, months: o.months ?? 12, capacity: o.capacity))
                }
            case .closeSite(let t):
                for i in try targets(t, line: line, key: "close_site") {
                    closed[i] = true
                    log.append(.closed(site: sites[i].id, gps: sites[i].gps))
                    sites[i].gps = 0
                    sites[i].practitioners = []
                }
                if case .site(let id) = t { closedBy[id] = line }
                if case .commune(let code) = t { closedBy[territory.index(ofCode: code).map { territory.communes[$0].code } ?? code] = line }
            case .addGPs(let t, let n):
                guard n.isFinite, n > 0 else { throw ScenarioError(line: line, key: "gps", message: "\(n) must be > 0") }
                let found = try targets(t, line: line, key: "add_gps")
                sites[found[0]].gps += n
                log.append(.added(gps: n, site: sites[found[0]].id))
            case .removeGPs(let t, let n):
                guard n.isFinite, n > 0 else { throw ScenarioError(line: line, key: "gps", message: "\(n) must be > 0") }
                let found = try targets(t, line: line, key: "remove_gps")
                let available = found.reduce(0.0) { $0 + sites[$1].gps }
                guard n <= available + 1e-9 else {
                    throw ScenarioError(line: line, key: "gps", message: "cannot remove \(Self.fmt(n)) GPs from \(t): it has \(Self.fmt(available))")
                }
                var left = n
                for i in found where left > 0 {
                    let take = Swift.min(left, sites[i].gps)
                    sites[i].gps -= take
                    left -= take
                    if !sites[i].practitioners.isEmpty { sites[i].practitioners.removeLast(Swift.min(sites[i].practitioners.count, Int(take.rounded()))) }
                }
                log.append(.removed(gps: n, target: "\(t)"))
            case .retire(let r):
                guard let y = year else {
                    throw ScenarioError(line: line, key: "retire", message: "no horizon year: set 'horizon' before a retire event")
                }
                guard r.age > 0 else { throw ScenarioError(line: line, key: "age", message: "\(r.age) must be > 0") }
                if let s = r.share, !(s >= 0 && s <= 1) {
                    throw ScenarioError(line: line, key: "share", message: "\(s) is not a share in 0…1")
                }
                let departements = Set(territory.communes.map(\.departement))
                for (code, s) in r.shares.sorted(by: { $0.key < $1.key }) {
                    guard s >= 0 && s <= 1 else {
                        throw ScenarioError(line: line, key: "shares", message: "\(code): \(s) is not a share in 0…1")
                    }
                    guard departements.contains(code) || territory.index(ofCode: code) != nil else {
                        throw ScenarioError(line: line, key: "shares", message: "\(code) is neither a commune nor a département of the territory")
                    }
                }
                var rng = SplitMix64(seed: r.seed)
                var leftKnown = 0.0, leftAssumed = 0.0, unknownKept = 0.0
                for i in sites.indices where !closed[i] && kinds[i] == .practice {
                    if sites[i].practitioners.isEmpty {
                        guard let share = r.share(commune: sites[i].communeCode, departement: sites[i].departement) else {
                            unknownKept += sites[i].gps
                            continue
                        }
                        let whole = sites[i].gps.rounded(.down)
                        var leaving = Self.assumedLeavers(of: whole, share: share, rng: &rng)
                        leaving += (sites[i].gps - whole) * share
                        sites[i].gps -= leaving
                        leftAssumed += leaving
                    } else {
                        let before = sites[i].practitioners
                        sites[i].practitioners.removeAll { p in p.birthYear.map { y - $0 >= r.age } ?? false }
                        let gone = before.count - sites[i].practitioners.count
                        if gone > 0 {
                            let fteGone = zip(before, before.map { p in p.birthYear.map { y - $0 >= r.age } ?? false })
                                .filter(\.1).reduce(0.0) { $0 + $1.0.fte }
                            sites[i].gps -= fteGone
                            leftKnown += fteGone
                        }
                    }
                }
                log.append(.retired(age: r.age, year: y, byBirthYear: leftKnown, byShare: leftAssumed))
                if leftAssumed > 0 || r.share != nil || !r.shares.isEmpty {
                    let byArea = r.shares.sorted { $0.key < $1.key }.map { Diagnostic.AreaShare(area: $0.key, share: $0.value) }
                    assumptions.append(.retirementAssumed(year: y, age: r.age, share: r.share, areaShares: byArea, seed: r.seed))
                }
                if unknownKept > 0 {
                    assumptions.append(.retirementKept(year: y, gps: unknownKept))
                }
            }
        }
        return Outcome(sites: sites, kinds: kinds, log: log, assumptions: assumptions)
    }

    static func closedWhere(_ line: Int??) -> String {
        if let l = line, let l { return " (closed on line \(l))" }
        return ""
    }

    package static func fmt(_ v: Double) -> String {
        let r = (v * 100).rounded() / 100
        return r == r.rounded() && Swift.abs(r) < 1e15 ? String(Int(r)) : String(r)
    }
}

/// A point with its CRS (local helper for scenario sites).
struct ProjectedPointLike {
    var point: ProjectedPoint
    var crs: CRS
    init(_ point: ProjectedPoint, _ crs: CRS) {
        self.point = point
        self.crs = crs
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014): a small seeded generator, so that assumed retirements are reproducible.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }
}
