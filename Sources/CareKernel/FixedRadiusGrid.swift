/// A uniform grid over static 2-D points for fixed-radius searches: each point is bucketed by a counting sort
/// into square cells, and a radius query scans only the cells its disc overlaps.
///
/// ```swift
/// let grid = FixedRadiusGrid(points: communes, cellSize: 15_385 / 2)
/// let table = grid.neighbors(of: sites, within: 15_385)   // CSR, rows in grid order
/// ```
///
/// For catchments, where every query uses the same radius and only the set of points matters, this beats a
/// k-d tree: with cells half the radius a query scans a 5 × 5 block, with no traversal and no sort
/// (Bentley, Stanat & Williams 1977, "The complexity of finding fixed-radius near neighbors").
/// Results are exact and identical to ``BruteForceIndex/neighbors(of:within:)`` as sets: inclusion is
/// decided on the reported distance `((dx*dx + dy*dy).squareRoot()) <= radius`. Rows list their points cell by
/// cell (row-major) and by ascending index within a cell: deterministic, whatever `threads` is.
/// Points with a NaN or infinite coordinate are never returned.
/// Complexity: build O(n + cells); a query O(points in the scanned cells).
public struct FixedRadiusGrid: Sendable {
    /// Side of a cell in coordinate units (enlarged when needed so that cells ≤ 4 n + 16).
    public let cellSize: Double
    let originX: Double
    let originY: Double
    let columns: Int
    let rows: Int
    /// Points sorted by cell; `cellStart[c]..<cellStart[c+1]` are cell `c`'s entries.
    let cellStart: [Int32]
    let xs: [Double]
    let ys: [Double]
    let ids: [Int32]
    /// Number of points given at build, finite or not.
    public let count: Int

    /// Buckets `points` into cells of side `requested` (coordinate units, e.g. metres), doubled until there are at
    /// most 4 n + 16 cells (a non-positive or non-finite `requested` starts from the points' larger extent, at least 1).
    /// Points with a non-finite coordinate are left out of the cells but counted in ``count``.
    public init(points: [Point2D], cellSize requested: Double) {
        count = points.count
        let finite = points.indices.filter { points[$0].x.isFinite && points[$0].y.isFinite }
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for i in finite {
            minX = Swift.min(minX, points[i].x)
            maxX = Swift.max(maxX, points[i].x)
            minY = Swift.min(minY, points[i].y)
            maxY = Swift.max(maxY, points[i].y)
        }
        guard !finite.isEmpty else {
            cellSize = requested.isFinite && requested > 0 ? requested : 1
            originX = 0; originY = 0; columns = 1; rows = 1
            cellStart = [0, 0]; xs = []; ys = []; ids = []
            return
        }
        let width = maxX - minX, height = maxY - minY
        var size = requested.isFinite && requested > 0 ? requested : Swift.max(width, height, 1)
        let maxCells = 4 * Double(finite.count) + 16
        while ((width / size).rounded(.down) + 1) * ((height / size).rounded(.down) + 1) > maxCells { size *= 2 }
        cellSize = size
        originX = minX
        originY = minY
        columns = Int((width / size).rounded(.down)) + 1
        rows = Int((height / size).rounded(.down)) + 1
        let cells = columns * rows
        var cellOf = [Int32](repeating: 0, count: finite.count)
        var counts = [Int32](repeating: 0, count: cells + 1)
        for (k, i) in finite.enumerated() {
            let cx = Swift.min(columns - 1, Int((points[i].x - minX) / size))
            let cy = Swift.min(rows - 1, Int((points[i].y - minY) / size))
            let c = cy * columns + cx
            cellOf[k] = Int32(c)
            counts[c + 1] += 1
        }
        for c in 0..<cells { counts[c + 1] += counts[c] }
        cellStart = counts
        var next = counts
        var xs = [Double](repeating: 0, count: finite.count)
        var ys = [Double](repeating: 0, count: finite.count)
        var ids = [Int32](repeating: 0, count: finite.count)
        for (k, i) in finite.enumerated() {
            let slot = Int(next[Int(cellOf[k])])
            next[Int(cellOf[k])] += 1
            xs[slot] = points[i].x
            ys[slot] = points[i].y
            ids[slot] = Int32(i)
        }
        self.xs = xs
        self.ys = ys
        self.ids = ids
    }

    /// All points within `radius` (inclusive) of `query`, in grid order.
    public func neighbors(of query: Point2D, within radius: Double) -> [Neighbor] {
        var out: [Neighbor] = []
        scan(query, radius) { id, d in out.append(Neighbor(index: Int(id), distance: d)) }
        return out
    }

    /// All points within `radius` (inclusive) of each query, as a CSR table aligned with `queries`.
    /// Chunks of queries are searched in parallel on `threads` workers into chunk-local buffers, which are
    /// then concatenated in chunk order.
    public func neighbors(of queries: [Point2D], within radius: Double, threads: Int = KDTree.defaultThreadCount) -> NeighborTable {
        let m = queries.count
        var offsets = [Int](repeating: 0, count: m + 1)
        guard m > 0, radius >= 0, !ids.isEmpty else {
            return NeighborTable(offsets: offsets, indices: [], distances: [])
        }
        let plan = BatchChunks(count: m, chunkSize: BatchChunks.radiusChunkSize, threads: threads)
        var outputs = [RadiusChunkOutput](repeating: RadiusChunkOutput(), count: plan.chunkCount)
        offsets.withUnsafeMutableBufferPointer { ob in
            outputs.withUnsafeMutableBufferPointer { outb in
                guard let o = ob.baseAddress, let out = outb.baseAddress else { return }
                let writes = (DisjointWrites(base: o + 1), DisjointWrites(base: out))
                plan.run { (chunk: Int, range: Range<Int>) in
                    var local = RadiusChunkOutput()
                    local.ids.reserveCapacity(range.count * 64)
                    local.distances.reserveCapacity(range.count * 64)
                    for q in range {
                        let before = local.ids.count
                        scan(queries[q], radius) { id, d in
                            local.ids.append(id)
                            local.distances.append(d)
                        }
                        writes.0.base[q] = local.ids.count - before
                    }
                    writes.1.base[chunk] = local
                }
            }
        }
        for q in 0..<m { offsets[q + 1] += offsets[q] }
        var indices: [Int32] = []
        var distances: [Double] = []
        indices.reserveCapacity(offsets[m])
        distances.reserveCapacity(offsets[m])
        for chunk in outputs {
            indices.append(contentsOf: chunk.ids)
            distances.append(contentsOf: chunk.distances)
        }
        return NeighborTable(offsets: offsets, indices: indices, distances: distances)
    }

    /// Calls `visit(id, distance)` for every point within `radius` of `q`, cell by cell.
    @inline(__always)
    func scan(_ q: Point2D, _ radius: Double, _ visit: (Int32, Double) -> Void) {
        guard radius >= 0, q.x.isFinite, q.y.isFinite, !ids.isEmpty else { return }
        let fx0 = ((q.x - radius - originX) / cellSize).rounded(.down)
        let fx1 = ((q.x + radius - originX) / cellSize).rounded(.down)
        let fy0 = ((q.y - radius - originY) / cellSize).rounded(.down)
        let fy1 = ((q.y + radius - originY) / cellSize).rounded(.down)
        guard fx1 >= 0, fy1 >= 0, fx0 <= Double(columns - 1), fy0 <= Double(rows - 1) else { return }
        let lowX = Int(Swift.max(fx0, 0)), highX = Int(Swift.min(fx1, Double(columns - 1)))
        let lowY = Int(Swift.max(fy0, 0)), highY = Int(Swift.min(fy1, Double(rows - 1)))
        let bound = RadiusResultSet.pruningBound(radius: radius)
        xs.withUnsafeBufferPointer { xb in
            ys.withUnsafeBufferPointer { yb in
                ids.withUnsafeBufferPointer { ib in
                    cellStart.withUnsafeBufferPointer { cb in
                        for cy in lowY...highY {
                            // Cells of one grid row are contiguous in the sorted arrays.
                            let from = Int(cb[cy * columns + lowX]), to = Int(cb[cy * columns + highX + 1])
                            for k in from..<to {
                                let dx = q.x - xb[k], dy = q.y - yb[k]
                                let d2 = dx * dx + dy * dy
                                // Cheap squared pre-test with a safe margin; inclusion on the reported distance.
                                if d2 <= bound {
                                    let d = d2.squareRoot()
                                    if d <= radius { visit(ib[k], d) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
