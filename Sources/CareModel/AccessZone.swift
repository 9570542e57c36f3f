/// The zone a commune falls in by its accessibility score: under-served (below the under-served mark, the
/// DREES/ARS *zone d'intervention prioritaire* convention of an APL below 2.5), complementary (from that mark
/// to below a second, configurable one, the ARS *zone d'action complémentaire*), or neither.
///
/// ```swift
/// let marks = try ZoneMarks(underServed: 2.5, complementary: 4)
/// marks.zone(of: 2.5)   // .complementary (the marks are strict upper bounds)
/// ```
public enum AccessZone: String, Sendable, Hashable, CaseIterable {
    /// Score strictly below the under-served mark (``ZoneMarks/underServed``); raw value `under_served`.
    case underServed = "under_served"
    /// Score from the under-served mark to strictly below the complementary mark (``ZoneMarks/complementary``).
    case complementary
    /// Any other score: at or above the complementary mark, or at or above the under-served mark when there is no
    /// complementary band.
    case other

    /// Whether a commune of this zone lies within `level`: `.underServed` admits the under-served zones only,
    /// `.complementary` both under-served and complementary, `.other` every commune.
    public func isWithin(_ level: AccessZone) -> Bool {
        switch level {
        case .underServed: return self == .underServed
        case .complementary: return self != .other
        case .other: return true
        }
    }
}

/// The two marks that classify scores into ``AccessZone``s: a score strictly below `underServed` is
/// under-served; one from `underServed` to strictly below `complementary` is complementary.
public struct ZoneMarks: Sendable, Hashable {
    /// The under-served mark in the indicator's reported units (APL: consultations per standardised inhabitant per
    /// year); finite and ≥ 0.
    public var underServed: Double
    /// The complementary band's upper mark; `nil` for no complementary band.
    public var complementary: Double?

    /// The defaults for the APL: 2.5 (DREES's usual under-served mark) and 4 (a common ARS choice for the
    /// complementary zones; each ARS sets its own, hence configurable).
    public static let apl = ZoneMarks(checkedUnderServed: StudyDefaults.underServedAPL, complementary: StudyDefaults.complementaryAPL)

    /// - Throws: ``ModelError/invalidParameter(name:value:reason:)`` when a mark is not finite and ≥ 0, or the
    ///   complementary mark is not above the under-served one.
    public init(underServed: Double, complementary: Double?) throws(ModelError) {
        guard underServed.isFinite, underServed >= 0 else {
            throw .invalidParameter(name: "under-served mark", value: "\(underServed)", reason: "must be finite and ≥ 0")
        }
        if let c = complementary, !(c.isFinite && c > underServed) {
            throw .invalidParameter(name: "complementary mark", value: "\(c)",
                                    reason: "must be finite and above the under-served mark \(underServed)")
        }
        self.init(checkedUnderServed: underServed, complementary: complementary)
    }

    private init(checkedUnderServed: Double, complementary: Double?) {
        underServed = checkedUnderServed
        self.complementary = complementary
    }

    /// The zone of one score.
    public func zone(of score: Double) -> AccessZone {
        if score < underServed { return .underServed }
        if let c = complementary, score < c { return .complementary }
        return .other
    }
}
