/// A directed road segment between two graph nodes, as given to ``RoadGraph/init(points:edges:crs:source:keepLargestComponent:)``.
///
/// ```swift
/// let e = RoadEdge(from: 0, to: 1, minutes: 0.6, metres: 500)
/// ```
public struct RoadEdge: Sendable, Hashable {
    public var from: Int32
    public var to: Int32
    /// Travel time in minutes (finite, ≥ 0).
    public var minutes: Double
    /// Length in projected metres (≥ 0).
    public var metres: Double

    public init(from: Int32, to: Int32, minutes: Double, metres: Double) {
        self.from = from
        self.to = to
        self.minutes = minutes
        self.metres = metres
    }
}
