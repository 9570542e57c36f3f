/// A uniform grid of segments for finding, for a query segment, the segments whose bounding boxes share a cell.
///
/// ```swift
/// let grid = SegmentGrid(segments: [(XY(x: 0, y: 0), XY(x: 10, y: 0))], cellSize: 5)
/// grid.forEachCandidate(near: XY(x: 2, y: -1), XY(x: 2, y: 1)) { print($0) }   // 0
/// ```
/// Build-once, query-many (nanoflann style). Complexity: build O(Σ cells covered); a query visits the cells
/// of its bounding box and reports each candidate once.
struct SegmentGrid {
    private let cellSize: Double
    private var cells: [Int64: [Int32]] = [:]
    private var stamp: [Int32]
    private var query: Int32 = 0

    init(segments: [(XY, XY)], cellSize: Double) {
        let size = cellSize > 0 && cellSize.isFinite ? cellSize : 1
        self.cellSize = size
        stamp = [Int32](repeating: -1, count: segments.count)
        // A local dictionary: mutating `self.cells` from a closure passed to a method of `self` would copy it.
        var cells: [Int64: [Int32]] = [:]
        cells.reserveCapacity(segments.count)
        for (index, (a, b)) in segments.enumerated() {
            Self.forEachCell(a, b, size) { cells[$0, default: []].append(Int32(index)) }
        }
        self.cells = cells
    }

    /// Calls `body` once with the index of every segment sharing a cell with the box of `a`–`b`.
    mutating func forEachCandidate(near a: XY, _ b: XY, _ body: (Int) -> Void) {
        query &+= 1
        let q = query
        Self.forEachCell(a, b, cellSize) { key in
            guard let list = cells[key] else { return }
            for s in list where stamp[Int(s)] != q {
                stamp[Int(s)] = q
                body(Int(s))
            }
        }
    }

    private static func forEachCell(_ a: XY, _ b: XY, _ size: Double, _ body: (Int64) -> Void) {
        let x0 = cell(Swift.min(a.x, b.x), size), x1 = cell(Swift.max(a.x, b.x), size)
        let y0 = cell(Swift.min(a.y, b.y), size), y1 = cell(Swift.max(a.y, b.y), size)
        for x in x0...x1 {
            for y in y0...y1 { body(Int64(x) << 32 | Int64(UInt32(bitPattern: y))) }
        }
    }

    private static func cell(_ v: Double, _ size: Double) -> Int32 {
        let c = (v / size).rounded(.down)
        return Int32(Swift.max(-2_000_000_000, Swift.min(2_000_000_000, c.isFinite ? c : 0)))
    }
}
