import CareModel
import CarePlacement

/// How a comparison's `place` option chose its sites: the sites, the objective, the method and what is proven
/// about the result (``ComparePlacement``). Renderers turn it into text in English (terminal, CSV) or French.
public struct PlacementNote: Sendable, Hashable {
    /// The chosen sites, in the order they were picked: the commune, or the candidate's id when it has none.
    public var sites: [Site]
    /// The objective the sites were chosen for.
    public var objective: PlacementObjective
    /// The method that chose them (exact, greedy or local search).
    public var method: PlacementMethod
    /// The exact solver proved the result optimal.
    public var provenOptimal: Bool
    /// The exact solver's relative gap when not proven optimal (0.01 = 1 %).
    public var gap: Double?

    /// A chosen site: a commune of the territory, or a candidate named by its id.
    public enum Site: Sendable, Hashable {
        /// A studied commune, named and coded as in diagnostics.
        case commune(Diagnostic.Place)
        /// A candidate from a candidates file, by its id.
        case candidate(String)
    }

    /// Creates a note from its parts.
    public init(sites: [Site], objective: PlacementObjective, method: PlacementMethod, provenOptimal: Bool, gap: Double?) {
        self.sites = sites
        self.objective = objective
        self.method = method
        self.provenOptimal = provenOptimal
        self.gap = gap
    }
}
