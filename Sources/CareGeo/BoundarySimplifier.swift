/// Simplifies neighbouring boundaries together, so that common borders stay common: no gaps, no overlaps.
///
/// Steps: the rings are cut into shared arcs (``ArcTopology``); small isolated islands and holes are dropped
/// (never a shape's largest part, never a part that touches another ring); each arc is simplified once with
/// Douglas–Peucker (Douglas & Peucker 1973) keeping its ends, and every ring using it gets the same result; the
/// kept vertices are snapped to ``gridSize``; then simplified segments are checked against nearby segments (a
/// uniform grid) and, where one would cross, touch or overlap another, or a ring would fall below 3 distinct
/// vertices, the original vertex farthest from the offending chord is put back, until nothing conflicts
/// (the topology-preserving repair of Saalfeld 1999, "Topologically consistent line simplification with the
/// Douglas–Peucker algorithm", Cartography and GIS 26(1), done by local re-insertion rather than a convex-hull
/// test). Coordinates are planar (projected metres): simplify lon/lat only after projecting.
///
/// ```swift
/// let result = BoundarySimplifier(tolerance: 50).simplify(communeShapesInLambert93)
/// result.shapes.count == communeShapesInLambert93.count   // same order, nil stays nil
/// print(result.report.verticesBefore, result.report.verticesAfter)
/// ```
/// Complexity: O(V log V) typical for V input vertices (hashing, Douglas–Peucker, grid checks), plus one grid
/// pass over the changed arcs per repair round.
public struct BoundarySimplifier: Sendable {
    /// Douglas–Peucker tolerance: largest distance, in coordinate units, between an original vertex and the
    /// simplified line. 0 only removes duplicate vertices (and snaps to the grid).
    public var tolerance: Double
    /// Isolated islands and holes with a smaller area (units²) are dropped.
    public var minimumPartArea: Double
    /// Output coordinates are rounded to multiples of this (1 = whole metres); `nil` keeps them as they are.
    /// Rounding happens before the crossing checks, so the rounded result is the one guaranteed free of new
    /// crossings.
    public var gridSize: Double?
    /// Bound on repair rounds (each round re-checks only the arcs changed by the previous one).
    public var maximumRepairRounds = 64

    /// The simplified shapes, in input order, and what was done.
    public struct Result: Sendable {
        /// One entry per input shape (`nil` for `nil` input or when nothing valid remained).
        public var shapes: [MultiPolygon?]
        /// Counts of vertices, arcs, drops and repairs.
        public var report: SimplificationReport
    }

    /// Creates a simplifier. A negative or non-finite tolerance counts as 0; the minimum part area defaults to
    /// (2 × tolerance)², the area of a square the tolerance cannot tell from a point at map scale.
    public init(tolerance: Double, minimumPartArea: Double? = nil, gridSize: Double? = 1) {
        let t = tolerance.isFinite ? Swift.max(0, tolerance) : 0
        self.tolerance = t
        self.minimumPartArea = minimumPartArea ?? 4 * t * t
        self.gridSize = gridSize.flatMap { $0 > 0 && $0.isFinite ? $0 : nil }
    }

    /// Simplifies every shape, keeping shared borders identical between the shapes that share them.
    ///
    /// ```swift
    /// let r = BoundarySimplifier(tolerance: 100).simplify([left, right])   // the common edge stays common
    /// ```
    /// Complexity: see the type.
    public func simplify(_ shapes: [MultiPolygon?]) -> Result {
        var work = SimplificationWork(shapes: shapes, simplifier: self)
        work.dropSmallParts()
        work.simplifyArcs()
        work.repair()
        return Result(shapes: work.assemble(), report: work.report)
    }
}
