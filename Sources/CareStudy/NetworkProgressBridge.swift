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
    public let reporter: any ProgressReporter
    public init(_ reporter: any ProgressReporter) { self.reporter = reporter }
    public func begin(total: Int, label: String) { reporter.begin(total: total, label: label) }
    public func advance(by count: Int) { reporter.advance(by: count) }
    public func end() { reporter.end() }
}
