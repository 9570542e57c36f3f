import CareModel

/// What a placement optimises. Existing sites always stay open; `k` new sites are chosen among candidates.
///
/// ```swift
/// let r = try place(problem, objective: .mclp, k: 5, method: .exact, timeLimit: 60)
/// ```
public enum PlacementObjective: Sendable, Hashable {
    /// Maximal covering (Church & ReVelle 1974): maximise the population newly within the threshold.
    case mclp
    /// Location set covering (Toregas, Swain, ReVelle & Bergman 1971): the fewest new sites so that every
    /// demand point some candidate reaches is within the threshold (`k` is ignored).
    case lscp
    /// p-median (Hakimi 1964; ReVelle & Swain 1970): minimise population-weighted minutes to the nearest site.
    case pMedian
    /// p-center (Hakimi 1965): minimise the largest minutes from a demand point to its nearest site.
    case pCenter
    /// Maximise the population lifted to at least an under-served mark of a floating-catchment indicator.
    case accessibility(AccessibilityGoal)

    /// Short name for reports: `"MCLP"`, `"LSCP"`, `"p-median"`, `"p-center"`, or the indicator and its mark.
    public var name: String {
        switch self {
        case .mclp: return "MCLP"
        case .lscp: return "LSCP"
        case .pMedian: return "p-median"
        case .pCenter: return "p-center"
        case .accessibility(let g): return "accessibility (\(g.method.name) ≥ \(g.underServed.placementText))"
        }
    }

    /// Whether larger objective values are better.
    public var maximises: Bool {
        switch self {
        case .mclp, .accessibility: return true
        case .lscp, .pMedian, .pCenter: return false
        }
    }

    /// The methods that apply, the first being the default heuristic.
    public var methods: [PlacementMethod] {
        switch self {
        case .mclp, .lscp, .pCenter: return [.greedy, .exact]
        case .pMedian: return [.localSearch, .greedy, .exact]
        case .accessibility: return [.greedy]
        }
    }
}

/// The floating-catchment target of ``PlacementObjective/accessibility(_:)``: lift demand points to
/// `score ≥ underServed` (reported units of ``method``: APL consultations, or GPs per 10,000 inhabitants)
/// by opening sites of `gpsPerSite` GPs each.
///
/// ```swift
/// let goal = AccessibilityGoal(method: .apl(APLOptions(referenceYear: 2026)), underServed: 2.5, gpsPerSite: 3)
/// ```
public struct AccessibilityGoal: Sendable, Hashable {
    /// The floating-catchment indicator whose score is to be lifted (2SFCA, E2SFCA, G2SFCA, 3SFCA or APL).
    public var method: AccessibilityMethod
    /// The under-served mark, in the indicator's reported unit; finite and ≥ 0 (checked when placing).
    public var underServed: Double
    /// GPs each new site opens with, > 0 (checked when placing).
    public var gpsPerSite: Double

    /// Creates a goal, unchecked (the accessibility placement checks `underServed` and `gpsPerSite`).
    public init(method: AccessibilityMethod, underServed: Double, gpsPerSite: Double) {
        self.method = method
        self.underServed = underServed
        self.gpsPerSite = gpsPerSite
    }
}

/// How a placement is computed.
public enum PlacementMethod: String, Sendable, Hashable, CaseIterable {
    /// A MILP solved by CBC (p-center: bisection over radii with exact LSCP feasibility), with a proven gap.
    case exact
    /// Greedy: lazy greedy (Minoux 1978) for MCLP and p-median, greedy covering for LSCP, and re-evaluated
    /// greedy for the accessibility objective.
    case greedy
    /// p-median: greedy start then vertex substitution (Teitz & Bart 1968) until no swap improves.
    case localSearch = "local-search"
}
