/// What a road graph was built from and what the build dropped, for `careaccess network info` and notes.
///
/// ```swift
/// for line in graph.report.summaryLines() { print(line) }
/// ```
public struct RoadGraphReport: Sendable, Hashable {
    /// Source file (or a label for synthetic graphs).
    public var source: String = ""
    /// Format: `osm.pbf`, `osm`, `osm.gz`, `cache`, `edges`.
    public var format: String = ""
    /// Elements in the OSM file.
    public var fileNodes = 0
    /// Ways in the OSM file, drivable or not.
    public var fileWays = 0
    /// Relations in the OSM file (skipped by the readers).
    public var fileRelations = 0
    /// Ways with a `highway` tag, and those the profile keeps.
    public var highwayWays = 0
    /// Highway ways the profile keeps as drivable.
    public var drivableWays = 0
    /// Highway ways dropped because of `access`/`motor_vehicle`/`motorcar`/`area`.
    public var accessExcludedWays = 0
    /// Highway ways dropped by class, e.g. `["footway": 120, "track": 30]`.
    public var excludedClasses: [String: Int] = [:]
    /// Drivable way references to nodes absent from the file (clipped extracts): segments touching them are dropped.
    public var missingNodeRefs = 0
    /// Nodes and directed edges before keeping the largest strongly connected component.
    public var nodesBeforeComponents = 0
    /// Directed edges before keeping the largest strongly connected component (after merging and self-loops).
    public var edgesBeforeComponents = 0
    /// Parallel edges merged (fastest kept) and self-loops dropped.
    public var mergedParallelEdges = 0
    /// Self-loop edges (from a node to itself) dropped.
    public var selfLoops = 0
    /// Strongly connected components found, and what keeping the largest dropped.
    public var components = 0
    /// Nodes outside the largest strongly connected component, dropped.
    public var droppedNodes = 0
    /// Directed edges with an end outside the largest strongly connected component, dropped.
    public var droppedEdges = 0
    /// The speed table used (km/h by highway class), empty for graphs not built from OSM.
    public var speeds: [String: Double] = [:]
    /// Drivable ways by class (kept before components), for the info table.
    public var waysByClass: [String: Int] = [:]

    /// An empty report: no source, every count 0, no speed table.
    public init() {}

    /// Human-readable lines: sizes, what was dropped.
    public func summaryLines() -> [String] {
        var lines: [String] = []
        if fileNodes > 0 || fileWays > 0 {
            lines.append("file: \(fileNodes) nodes, \(fileWays) ways, \(fileRelations) relations (\(format))")
            lines.append("highway ways: \(highwayWays); drivable: \(drivableWays); excluded by access/area: \(accessExcludedWays); by class: \(excludedClasses.values.reduce(0, +))")
        }
        if missingNodeRefs > 0 { lines.append("references to nodes missing from the file: \(missingNodeRefs) (segments dropped)") }
        lines.append("before components: \(nodesBeforeComponents) nodes, \(edgesBeforeComponents) edges (\(mergedParallelEdges) parallel edges merged, \(selfLoops) self-loops dropped)")
        lines.append("strongly connected components: \(components); kept the largest, dropped \(droppedNodes) nodes and \(droppedEdges) edges")
        return lines
    }
}
