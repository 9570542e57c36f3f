/// What ``BoundarySimplifier`` did to a set of boundaries: vertex counts, shared arcs, dropped parts and repairs.
///
/// ```swift
/// let result = BoundarySimplifier(tolerance: 50).simplify(shapes)
/// print(result.report.verticesBefore, "→", result.report.verticesAfter)
/// ```
public struct SimplificationReport: Sendable, Equatable {
    /// Ring vertices of the input (closing vertex included).
    public var verticesBefore = 0
    /// Ring vertices of the output (closing vertex included).
    public var verticesAfter = 0
    /// Distinct arcs (pieces of boundary between junctions) after building the topology.
    public var arcs = 0
    /// Arcs used by two or more rings (common borders), each simplified once.
    public var sharedArcs = 0
    /// Consecutive duplicate vertices removed from the input.
    public var duplicateVerticesRemoved = 0
    /// Input rings with fewer than 3 distinct vertices, dropped.
    public var degenerateRingsDropped = 0
    /// Isolated parts (islands sharing no border) smaller than the minimum area, dropped.
    public var partsDropped = 0
    /// Isolated holes smaller than the minimum area, filled.
    public var holesDropped = 0
    /// Vertices put back to prevent a crossing, an overlap or a collapsed ring.
    public var verticesReinserted = 0
    /// Conflicts between two original (unsimplifiable) segments: present in the input, left as they are.
    public var unresolvedConflicts = 0
    /// Arcs whose crossing repair was given up (their checks exceeded the work budget: a boundary crossing itself
    /// everywhere), kept with all their source vertices.
    public var arcsKeptAsSource = 0

    /// Creates an empty report.
    public init() {}

    /// The sum of two reports (e.g. one per projected CRS).
    public func adding(_ other: SimplificationReport) -> SimplificationReport {
        var r = self
        r.verticesBefore += other.verticesBefore
        r.verticesAfter += other.verticesAfter
        r.arcs += other.arcs
        r.sharedArcs += other.sharedArcs
        r.duplicateVerticesRemoved += other.duplicateVerticesRemoved
        r.degenerateRingsDropped += other.degenerateRingsDropped
        r.partsDropped += other.partsDropped
        r.holesDropped += other.holesDropped
        r.verticesReinserted += other.verticesReinserted
        r.unresolvedConflicts += other.unresolvedConflicts
        r.arcsKeptAsSource += other.arcsKeptAsSource
        return r
    }
}
