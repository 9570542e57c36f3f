import CareModel

/// A place where a new site could open: a commune point or given coordinates.
///
/// ```swift
/// let c = PlacementCandidate(id: "08240", place: juniville.place, communeCode: "08240")
/// ```
public struct PlacementCandidate: Sendable, Hashable {
    /// Identifier reported with the results (commune code for commune candidates).
    public var id: String
    /// Where the site would be: the commune point for commune candidates, else the given coordinates.
    public var place: Place
    /// Commune the candidate lies in (or nearest to), when known.
    public var communeCode: String?
    /// What opening the site costs, in euros (the budgeted objectives; `nil` when not given).
    public var cost: Double?

    /// Creates a candidate; `id` must be unique within a problem (``PlacementError/duplicateCandidate(id:)``).
    public init(id: String, place: Place, communeCode: String? = nil, cost: Double? = nil) {
        self.id = id
        self.place = place
        self.communeCode = communeCode
        self.cost = cost
    }
}
