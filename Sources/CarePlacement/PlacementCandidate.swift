import CareModel

/// A place where a new site could open: a commune point or given coordinates.
///
/// ```swift
/// let c = PlacementCandidate(id: "08240", place: juniville.place, communeCode: "08240")
/// ```
public struct PlacementCandidate: Sendable, Hashable {
    /// Identifier reported with the results (commune code for commune candidates).
    public var id: String
    public var place: Place
    /// Commune the candidate lies in (or nearest to), when known.
    public var communeCode: String?

    public init(id: String, place: Place, communeCode: String? = nil) {
        self.id = id
        self.place = place
        self.communeCode = communeCode
    }
}
