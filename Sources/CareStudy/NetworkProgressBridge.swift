import CareModel
import CareIO
import CareNetwork

/// A ``ProgressReporter`` seen as CareNetwork's `NetworkProgress` (CareNetwork sits below CareModel), so that a
/// road-network import tells the same progress bar as the rest of a run.
///
/// ```swift
/// let graph = try RoadGraph.load(path: "france.osm.pbf", progress: NetworkProgressBar(reporter))
/// ```
public struct NetworkProgressBar: NetworkProgress {
    /// The reporter that receives the network's progress.
    public let reporter: any ProgressReporter
    /// Wraps `reporter`.
    public init(_ reporter: any ProgressReporter) { self.reporter = reporter }
    /// Starts a task of `total` steps named `label` on the reporter.
    public func begin(total: Int, label: String) { reporter.begin(total: total, label: label) }
    /// Reports `count` more steps done.
    public func advance(by count: Int) { reporter.advance(by: count) }
    /// Ends the current task.
    public func end() { reporter.end() }
}
