/// Coverage of one commune: its nearest GP site and whether it lies within the threshold.
public struct CommuneCoverage: Sendable, Hashable {
    /// Index of the commune in the territory.
    public var commune: Int
    /// Index of the nearest site in the supply, `nil` when none is reachable.
    public var nearestSite: Int?
    /// Distance in metres to the nearest site along the model's path (crow-fly for ``CrowFlyModel``); `nil` when
    /// the model does not give one or no site is reachable.
    public var metres: Double?
    /// Minutes to the nearest site; `+infinity` when none is reachable.
    public var minutes: Double
    /// `minutes <= threshold` (inclusive).
    public var withinThreshold: Bool
}
