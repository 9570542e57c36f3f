import CareKernel

/// The state of ``Scenario/apply(to:territory:)`` while it applies the events in order: the sites so far, which
/// are closed (and by which line), the log and the assumptions. One method per kind of event.
struct ScenarioApplication {
    let baselineCount: Int
    let territory: Territory
    var sites: [SupplySite]
    var kinds: [SiteKind]
    var closed: [Bool]
    /// The line that closed a site (by id) or a commune's sites (by code), for error messages.
    var closedBy: [String: Int?] = [:]
    var log: [Diagnostic] = []
    var assumptions: [Diagnostic] = []
    var year: Int?
    var ids: Set<String>

    init(baseline: [SupplySite], horizon: Int?, territory: Territory) {
        baselineCount = baseline.count
        self.territory = territory
        sites = baseline
        kinds = [SiteKind](repeating: .practice, count: baseline.count)
        closed = [Bool](repeating: false, count: baseline.count)
        year = horizon
        ids = Set(baseline.map(\.id))
    }

    mutating func apply(_ event: ScenarioEvent) throws(ScenarioError) {
        let line = event.line
        switch event.action {
        case .horizon(let y):
            year = y
            log.append(.horizon(year: y))
        case .openSite(let o):
            try open(o, line: line)
        case .closeSite(let t):
            try close(t, line: line)
        case .addGPs(let t, let n):
            try checkPositive(n, line: line)
            let found = try targets(t, line: line, key: "add_gps")
            sites[found[0]].addGPs(n)
            log.append(.added(gps: n, site: sites[found[0]].id))
        case .removeGPs(let t, let n):
            try removeGPs(n, from: t, line: line)
        case .retire(let r):
            try retire(r, line: line)
        }
    }

    /// The open sites an event targets; `key` names the event in errors about closed or missing sites.
    func targets(_ t: ScenarioEvent.Target, line: Int?, key: String) throws(ScenarioError) -> [Int] {
        switch t {
        case .site(let id):
            guard let i = sites.indices.first(where: { sites[$0].id == id }) else {
                throw ScenarioError(line: line, key: "site", message: "no site with id \(id)")
            }
            guard !closed[i] else {
                throw ScenarioError(line: line, key: key, message: "site \(id) is closed\(Scenario.closedWhere(closedBy[id] ?? nil))")
            }
            return [i]
        case .commune(let code):
            let c = try communeIndex(code, line: line)
            let code = territory.communes[c].code
            let found = sites.indices.filter { sites[$0].communeCode == code && !closed[$0] }
            guard !found.isEmpty else {
                let wasClosed = sites.indices.contains { sites[$0].communeCode == code && closed[$0] }
                throw ScenarioError(line: line, key: key, message: wasClosed
                    ? "the sites of commune \(code) are already closed\(Scenario.closedWhere(closedBy[code] ?? nil))"
                    : "commune \(code) (\(territory.communes[c].name)) has no GP site")
            }
            return found
        }
    }

    /// The territory index of commune `code`, or an error on the `commune` key.
    func communeIndex(_ code: String, line: Int?) throws(ScenarioError) -> Int {
        guard let c = territory.index(ofCode: code) else {
            throw ScenarioError(line: line, key: "commune", message: "unknown commune code \(MessageText.value(code))" + territory.hint(forUnknownCode: code))
        }
        return c
    }

    /// A GP count of `add_gps` and `remove_gps`: finite and > 0.
    func checkPositive(_ n: Double, line: Int?) throws(ScenarioError) {
        guard n.isFinite, n > 0 else { throw ScenarioError(line: line, key: "gps", message: "\(n) must be > 0") }
    }

    mutating func open(_ o: ScenarioEvent.OpenSite, line: Int?) throws(ScenarioError) {
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
            let commune = territory.communes[try communeIndex(code, line: line)]
            point = .init(commune.point, commune.crs)
            communeCode = commune.code
            departement = commune.departement
        case .lambert93(let x, let y):
            guard x.isFinite, y.isFinite, (0...1_350_000).contains(x), (6_000_000...7_200_000).contains(y) else {
                throw ScenarioError(line: line, key: "x", message: "(\(x), \(y)) is outside metropolitan Lambert-93")
            }
            point = .init(.init(x: x, y: y), .lambert93)
        }
        let id = o.id ?? "new-\(sites.count - baselineCount + 1)"
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
    }

    mutating func close(_ t: ScenarioEvent.Target, line: Int?) throws(ScenarioError) {
        for i in try targets(t, line: line, key: "close_site") {
            closed[i] = true
            log.append(.closed(site: sites[i].id, gps: sites[i].gps))
            sites[i].gps = 0
            sites[i].practitioners = []
        }
        switch t {
        case .site(let id): closedBy[id] = line
        case .commune(let code): closedBy[territory.index(ofCode: code).map { territory.communes[$0].code } ?? code] = line
        }
    }

    /// Removes `n` FTE from the target's open sites in order (``SupplySite/removeGPs(_:)``); asking for more
    /// than they have is an error on the `gps` key.
    mutating func removeGPs(_ n: Double, from t: ScenarioEvent.Target, line: Int?) throws(ScenarioError) {
        try checkPositive(n, line: line)
        let found = try targets(t, line: line, key: "remove_gps")
        let available = found.reduce(0.0) { $0 + sites[$1].gps }
        guard n <= available + 1e-9 else {
            throw ScenarioError(line: line, key: "gps", message: "cannot remove \(n.shortText) GPs from \(t): it has \(available.shortText)")
        }
        var left = n
        for i in found where left > 0 {
            let take = Swift.min(left, sites[i].gps)
            sites[i].removeGPs(take)
            left -= take
        }
        log.append(.removed(gps: n, target: "\(t)"))
    }

    mutating func retire(_ r: ScenarioEvent.Retirement, line: Int?) throws(ScenarioError) {
        guard let y = year else {
            throw ScenarioError(line: line, key: "retire", message: "no horizon year: set 'horizon' before a retire event")
        }
        try check(r, line: line)
        var rng = SplitMix64(seed: r.seed)
        var leftKnown = 0.0, leftAssumed = 0.0, unknownKept = 0.0
        for i in sites.indices where !closed[i] && kinds[i] == .practice {
            if sites[i].practitioners.isEmpty {
                guard let share = r.share(commune: sites[i].communeCode, departement: sites[i].departement) else {
                    unknownKept += sites[i].gps
                    continue
                }
                let whole = sites[i].gps.rounded(.down)
                var leaving = Scenario.assumedLeavers(of: whole, share: share, rng: &rng)
                leaving += (sites[i].gps - whole) * share
                sites[i].gps -= leaving
                leftAssumed += leaving
            } else {
                leftKnown += retireByBirthYear(site: i, age: r.age, year: y)
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

    /// The retirement's age and shares: age > 0, shares in 0…1, each area a commune or département of the territory.
    func check(_ r: ScenarioEvent.Retirement, line: Int?) throws(ScenarioError) {
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
    }

    /// Removes the practitioners of site `i` aged `age` or more in `year`; returns their FTE.
    mutating func retireByBirthYear(site i: Int, age: Int, year y: Int) -> Double {
        let leaves = { (p: Practitioner) in p.birthYear.map { y - $0 >= age } ?? false }
        let fteGone = sites[i].practitioners.filter(leaves).reduce(0.0) { $0 + $1.fte }
        guard sites[i].practitioners.contains(where: leaves) else { return 0 }
        sites[i].practitioners.removeAll(where: leaves)
        sites[i].gps -= fteGone
        return fteGone
    }
}
