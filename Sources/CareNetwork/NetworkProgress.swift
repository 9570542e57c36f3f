/// Something told how far a long road-network step (the two passes over a PBF file) has got: a total, then
/// increments, then the end. CareNetwork sits below CareModel, so it has its own minimal protocol; the
/// `careaccess` tool adapts its terminal progress bar to it. Implementations must be thread-safe.
///
/// ```swift
/// let graph = try RoadGraph.load(path: "france.osm.pbf", progress: myBar)   // "PBF pass 1/2: ways", then nodes
/// ```
/// Complexity: each call O(1) for the reporters of this project.
public protocol NetworkProgress: Sendable {
    /// A new step of `total` units starts (`label` says what).
    func begin(total: Int, label: String)
    /// `count` more units are done.
    func advance(by count: Int)
    /// The step is over.
    func end()
}

/// The reporter that ignores everything: the default of every `progress:` parameter of CareNetwork.
///
/// ```swift
/// let quiet: any NetworkProgress = SilentNetworkProgress()
/// ```
public struct SilentNetworkProgress: NetworkProgress {
    /// The silent reporter (stateless).
    public init() {}
    /// Ignores the start of a step.
    public func begin(total: Int, label: String) {}
    /// Ignores progress.
    public func advance(by count: Int) {}
    /// Ignores the end of a step.
    public func end() {}
}
