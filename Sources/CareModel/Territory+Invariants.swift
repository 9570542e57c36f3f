import CareKernel

extension Territory: InvariantChecking {
    /// The first broken invariant, described, or `nil`: commune codes unique, each indexed at its own position;
    /// populations ≥ 0, points and locations finite (``recordViolation(_:)``); every alias pointing at a commune;
    /// every subdivision a code that is neither a commune nor an alias, split into communes; boundaries, when
    /// present, one per commune.
    /// The initialiser and ``setBoundaries(_:)`` check them in debug builds (``CareKernel/InvariantChecking/_checkInvariants()``).
    /// Complexity: O(communes + aliases + subdivision units).
    public func invariantViolation() -> String? {
        guard indexByCode.count == communes.count else { return "\(communes.count) communes, \(indexByCode.count) codes" }
        for (i, c) in communes.enumerated() {
            guard indexByCode[c.code] == i else { return "commune \(i) (\(c.code)) is not indexed at its position" }
            if let problem = Self.recordViolation(c) { return "commune \(c.code): \(problem.value) \(problem.reason)" }
        }
        if let (alias, target) = aliases.first(where: { indexByCode[$0.value] == nil }) {
            return "alias \(alias) points at \(target), not a commune"
        }
        for (code, parts) in subdivisions {
            guard indexByCode[code] == nil, aliases[code] == nil, !parts.isEmpty,
                  parts.allSatisfy({ indexByCode[$0] != nil }) else { return "subdivision \(code) → \(parts) does not resolve" }
        }
        if let boundaries, boundaries.count != communes.count {
            return "\(boundaries.count) boundaries for \(communes.count) communes"
        }
        return nil
    }

    /// What a commune record must satisfy in a territory: population ≥ 0, point and location finite.
    static func recordViolation(_ c: Commune) -> (value: String, reason: String)? {
        if c.population < 0 { return ("population \(c.population)", "must be ≥ 0") }
        guard c.point.x.isFinite, c.point.y.isFinite else { return ("point (\(c.point.x), \(c.point.y))", "must be finite") }
        guard c.location.lon.isFinite, c.location.lat.isFinite else {
            return ("location (\(c.location.lon), \(c.location.lat))", "must be finite")
        }
        return nil
    }
}
