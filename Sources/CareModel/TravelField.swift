/// A smooth surface over a projected CRS zone, in log-minutes: how much slower (positive) or faster (negative)
/// than the national curve driving is in each place, from mountain roads to plains and motorway corridors.
/// Values sit on the nodes of a regular grid and are interpolated bilinearly; a trip's correction is the
/// mean of the surface along its straight segment, as in straight-ray travel-time tomography (the road
/// analogue of seismic slowness tomography; Aki & Lee 1976), sampled at points spaced at most half a cell
/// apart.
///
/// ```swift
/// let field = TravelField(epsg: 2154, originX: 100_000, originY: 6_000_000, cellMetres: 10_000,
///                         columns: 3, rows: 3, values: Array(repeating: 0.1, count: 9))
/// field.segmentMean(fromX: 110_000, y: 6_010_000, toX: 115_000, y: 6_012_000)   // 0.1
/// ```
/// Points outside the grid take the value of the nearest edge. Complexity: O(1) per point, O(samples) per
/// segment (at most ``maximumSamples``).
public struct TravelField: Codable, Sendable, Equatable {
    /// EPSG code of the zone's projected CRS.
    public var epsg: Int
    /// Coordinates of node (0, 0), metres.
    public var originX: Double
    /// y coordinate of node (0, 0), metres (``originX`` is its x).
    public var originY: Double
    /// Node spacing, metres.
    public var cellMetres: Double
    /// Nodes along x and along y.
    public var columns: Int
    /// Number of nodes along y (``columns`` along x); at least 2 each.
    public var rows: Int
    /// Node values, row-major (`values[row × columns + column]`), log-minutes.
    public var values: [Double]

    /// The most samples taken along one segment.
    public static let maximumSamples = 64

    /// Creates a field from its parts, unchecked (``problem()`` checks a field read from a file).
    public init(epsg: Int, originX: Double, originY: Double, cellMetres: Double, columns: Int, rows: Int,
                values: [Double]) {
        self.epsg = epsg
        self.originX = originX
        self.originY = originY
        self.cellMetres = cellMetres
        self.columns = columns
        self.rows = rows
        self.values = values
    }

    /// Checks the sizes and values (for fields read from a file): a reason when invalid.
    public func problem() -> String? {
        guard cellMetres.isFinite, cellMetres >= 100, cellMetres <= 1_000_000 else { return "cell size \(cellMetres) m is not in 100–1,000,000" }
        guard originX.isFinite, originY.isFinite, abs(originX) < 1e8, abs(originY) < 1e8 else { return "grid origin is not a plausible coordinate" }
        guard columns >= 2, rows >= 2, columns <= 10_000, rows <= 10_000 else { return "grid of \(columns) × \(rows) nodes is not in 2–10,000 per side" }
        guard values.count == columns * rows else { return "\(values.count) values for \(columns) × \(rows) nodes" }
        guard values.allSatisfy({ $0.isFinite && abs($0) <= 5 }) else { return "a node value is not a finite log-factor within ±5" }
        return nil
    }

    /// Number of samples for a segment of `metres`: spaced at most half a cell apart, 2 to ``maximumSamples``.
    public func sampleCount(metres: Double) -> Int {
        let wanted = (2 * metres / cellMetres).rounded(.up)
        guard wanted.isFinite else { return Self.maximumSamples }
        return Swift.min(Self.maximumSamples, Swift.max(2, Int(wanted)))
    }

    /// The four nodes around `(x, y)` and their bilinear weights (summing to 1).
    @inline(__always)
    func corners(x: Double, y: Double) -> (index: Int, fx: Double, fy: Double) {
        let gx = Swift.min(Swift.max((x - originX) / cellMetres, 0), Double(columns - 1))
        let gy = Swift.min(Swift.max((y - originY) / cellMetres, 0), Double(rows - 1))
        let cx = Swift.min(Int(gx), columns - 2), cy = Swift.min(Int(gy), rows - 2)
        return (cy * columns + cx, gx - Double(cx), gy - Double(cy))
    }

    /// The interpolated value at `(x, y)`.
    public func value(x: Double, y: Double) -> Double {
        let (k, fx, fy) = corners(x: x, y: y)
        let v00 = values[k], v10 = values[k + 1], v01 = values[k + columns], v11 = values[k + columns + 1]
        return (v00 * (1 - fx) + v10 * fx) * (1 - fy) + (v01 * (1 - fx) + v11 * fx) * fy
    }

    /// The mean of the surface along the segment from `(ax, ay)` to `(bx, by)`: ``sampleCount(metres:)``
    /// points at the middles of equal parts.
    public func segmentMean(fromX ax: Double, y ay: Double, toX bx: Double, y by: Double) -> Double {
        let dx = bx - ax, dy = by - ay
        let n = sampleCount(metres: (dx * dx + dy * dy).squareRoot())
        var sum = 0.0
        for i in 0..<n {
            let s = (Double(i) + 0.5) / Double(n)
            sum += value(x: ax + dx * s, y: ay + dy * s)
        }
        return sum / Double(n)
    }

    /// The weight of each node in ``segmentMean(fromX:y:toX:y:)`` (a linear function of the node values),
    /// for the least-squares fit; `offset` is added to the node indices.
    func segmentWeights(fromX ax: Double, y ay: Double, toX bx: Double, y by: Double, offset: Int,
                        into entries: inout [(column: Int, value: Double)]) {
        let dx = bx - ax, dy = by - ay
        let n = sampleCount(metres: (dx * dx + dy * dy).squareRoot())
        let w = 1 / Double(n)
        for i in 0..<n {
            let s = (Double(i) + 0.5) / Double(n)
            let (k, fx, fy) = corners(x: ax + dx * s, y: ay + dy * s)
            entries.append((offset + k, w * (1 - fx) * (1 - fy)))
            entries.append((offset + k + 1, w * fx * (1 - fy)))
            entries.append((offset + k + columns, w * (1 - fx) * fy))
            entries.append((offset + k + columns + 1, w * fx * fy))
        }
    }

    /// The smallest node value (no interpolated value is smaller).
    public var minimum: Double { values.min() ?? 0 }

    /// The smallest node value that a segment starting at `(x, y)` and at most `radius` metres long can meet:
    /// the nodes of the cells the box `(x, y) ± radius` touches (clamped to the grid, like the points).
    func minimum(aroundX x: Double, y: Double, radius: Double) -> Double {
        func span(_ v: Double, _ origin: Double, _ count: Int) -> ClosedRange<Int> {
            let lo = ((v - radius - origin) / cellMetres).rounded(.down) - 1
            let hi = ((v + radius - origin) / cellMetres).rounded(.up) + 1
            guard lo.isFinite, hi.isFinite else { return 0...(count - 1) }
            let a = Int(Swift.min(Swift.max(lo, 0), Double(count - 1))), b = Int(Swift.min(Swift.max(hi, 0), Double(count - 1)))
            return a...b
        }
        var least = Double.infinity
        for r in span(y, originY, rows) {
            for c in span(x, originX, columns) { least = Swift.min(least, values[r * columns + c]) }
        }
        return least.isFinite ? least : minimum
    }
}
