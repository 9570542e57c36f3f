import CareModel
import CarePlacement

/// Where new sites should go, as a study's specification names it: `careaccess place --objective` and the
/// `place:` options of compare files decode into this one type, and ``objective(accessibility:)`` is the one place
/// that turns it into the placement layer's ``CarePlacement/PlacementObjective``.
///
/// MCLP: Church & ReVelle (1974); LSCP: Toregas et al. (1971); p-median: Hakimi (1964); p-center: Hakimi (1965);
/// `access`: the population lifted to the under-served mark of an FCA indicator (greedy).
public enum ObjectiveSpec: String, Sendable, Hashable, Codable, CaseIterable {
    /// The raw value is the name `--objective` and the `place:` options use.
    case mclp, lscp, pmedian, pcenter, access

    /// Whether the objective's radius is the indicator's catchment (`access`) rather than the coverage threshold.
    public var usesCatchment: Bool { self == .access }

    /// The placement objective; `access` needs its goal (the indicator and its mark), any other objective ignores it.
    public func objective(accessibility goal: AccessibilityGoal?) throws(ModelError) -> PlacementObjective {
        switch self {
        case .mclp: return .mclp
        case .lscp: return .lscp
        case .pmedian: return .pMedian
        case .pcenter: return .pCenter
        case .access:
            guard let goal else {
                throw .invalidParameter(name: "objective", value: rawValue, reason: "needs an accessibility indicator and its under-served mark")
            }
            return .accessibility(goal)
        }
    }
}
