/// The summary figures of a scenario (`careaccess scenario`) after its events, that Monte-Carlo runs (`scenario
/// --draws`, sweeps) record for every draw and give bands for.
public enum ScenarioFigure: String, Sendable, CaseIterable {
    /// GPs in the supply (``ScenarioComparison/Summary/gpsAfter``).
    case gps = "gps"
    /// Population beyond the coverage threshold.
    case populationBeyond = "population_beyond"
    /// Population-weighted mean minutes to the nearest GP.
    case meanMinutes = "mean_minutes"
    /// Population-weighted mean indicator, reported units.
    case meanScore = "mean_score"
    /// Population strictly below the under-served mark.
    case populationBelow = "population_below"
    /// Communes strictly below the under-served mark.
    case communesBelow = "communes_below"
    /// Population newly within the threshold (a change: no baseline value).
    case newlyCoveredPopulation = "newly_covered_population"
    /// Population no longer within the threshold (a change: no baseline value).
    case newlyUncoveredPopulation = "newly_uncovered_population"
    /// Communes whose score rises (a change: no baseline value).
    case communesGaining = "communes_gaining"
    /// Communes whose score falls (a change: no baseline value).
    case communesLosing = "communes_losing"

    /// The figure after a task's events.
    public func after(_ s: ScenarioComparison.Summary) -> Double {
        switch self {
        case .gps: s.gpsAfter
        case .populationBeyond: Double(s.populationBeyondAfter)
        case .meanMinutes: s.meanMinutesAfter
        case .meanScore: s.meanScoreAfter
        case .populationBelow: Double(s.populationBelowAfter)
        case .communesBelow: Double(s.communesBelowAfter)
        case .newlyCoveredPopulation: Double(s.newlyCoveredPopulation)
        case .newlyUncoveredPopulation: Double(s.newlyUncoveredPopulation)
        case .communesGaining: Double(s.communesGaining)
        case .communesLosing: Double(s.communesLosing)
        }
    }

    /// The baseline's value, for figures that have one (changes such as "newly covered" have none).
    public func before(_ s: ScenarioComparison.Summary) -> Double? {
        switch self {
        case .gps: s.gpsBefore
        case .populationBeyond: Double(s.populationBeyondBefore)
        case .meanMinutes: s.meanMinutesBefore
        case .meanScore: s.meanScoreBefore
        case .populationBelow: Double(s.populationBelowBefore)
        case .communesBelow: Double(s.communesBelowBefore)
        default: nil
        }
    }

    /// Whether the figure only means something with an under-served mark.
    public var needsMark: Bool { self == .populationBelow || self == .communesBelow }

    /// A label for the report, e.g. `population below 2.5`.
    public func label(threshold: Double, underServed: Double?, indicator: String) -> String {
        let t = threshold.compactText, u = underServed?.compactText ?? "—"
        switch self {
        case .gps: return "GPs in the supply (FTE)"
        case .populationBeyond: return "population beyond \(t) min"
        case .meanMinutes: return "mean minutes to nearest GP"
        case .meanScore: return "mean \(indicator)"
        case .populationBelow: return "population below \(u)"
        case .communesBelow: return "communes below \(u)"
        case .newlyCoveredPopulation: return "newly within \(t) min (people)"
        case .newlyUncoveredPopulation: return "newly beyond \(t) min (people)"
        case .communesGaining: return "communes gaining"
        case .communesLosing: return "communes losing"
        }
    }
}

extension Double {
    /// `20` → `"20"`, `2.5` → `"2.5"`: the shortest text of a parameter.
    package var compactText: String {
        self == rounded() && Swift.abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
