/// The nearest site of an origin under a travel-time model.
public struct NearestFacility: Sendable, Hashable {
    /// Index into the site array given to the model; `nil` when no site is reachable.
    public var site: Int?
    /// Travel time in minutes (`+infinity` when unreachable).
    public var minutes: Double
    /// Distance in metres along the model's path (crow-fly distance for ``CrowFlyModel``), when known.
    public var metres: Double?

    /// Creates a result from its parts.
    public init(site: Int?, minutes: Double, metres: Double?) {
        self.site = site
        self.minutes = minutes
        self.metres = metres
    }

    /// No site reachable.
    public static let unreachable = NearestFacility(site: nil, minutes: .infinity, metres: nil)
}
