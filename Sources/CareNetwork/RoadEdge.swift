/// A directed road segment between two graph nodes, as given to ``RoadGraph/init(points:edges:crs:source:keepLargestComponent:)``.
///
/// ```swift
/// let e = RoadEdge(from: 0, to: 1, minutes: 0.6, metres: 500)
/// ```
public struct RoadEdge: Sendable, Hashable {
    /// The tail node (index into the graph's points).
    public var from: Int32
    /// The head node (index into the graph's points).
    public var to: Int32
    /// Travel time in minutes (finite, ≥ 0).
    public var minutes: Double
    /// Length in projected metres (≥ 0).
    public var metres: Double

    /// Creates an edge from its parts.
    public init(from: Int32, to: Int32, minutes: Double, metres: Double) {
        self.from = from
        self.to = to
        self.minutes = minutes
        self.metres = metres
    }
}
