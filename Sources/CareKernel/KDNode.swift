/// One node of the implicit k-d tree layout: node `i` has children `2i + 1` (low) and `2i + 2`
/// (high); a leaf covers the contiguous tree positions `start..<end`.
///
/// An internal node records, along its split axis, the largest coordinate of its low child and
/// the smallest coordinate of its high child (nanoflann's `divlow`/`divhigh`). Both are real point
/// coordinates, so the distance bounds derived from them never exceed, in floating point, the
/// computed distance of any point below (rounding is monotone).
///
/// ```swift
/// let leaf = KDNode(leafStart: 0, end: 16)   // leaf.isLeaf == true
/// ```
///
/// Complexity: O(1); 24 bytes.
struct KDNode: Sendable {
    /// Internal: largest coordinate along the split axis in the low child. Leaf: unused.
    var lowMax: Double
    /// Internal: smallest coordinate along the split axis in the high child. Leaf: unused.
    var highMin: Double
    /// Internal: split axis (0 = x, 1 = y). Leaf: first tree position.
    var tag: Int32
    /// Internal: -1. Leaf: one past the last tree position (always > `tag`).
    var end: Int32

    /// A leaf over tree positions `leafStart..<end`.
    init(leafStart: Int, end: Int) {
        lowMax = 0
        highMin = 0
        tag = Int32(truncatingIfNeeded: leafStart)
        self.end = Int32(truncatingIfNeeded: end)
    }

    /// An internal node splitting along `axis` (0 = x, 1 = y).
    init(axis: Int, lowMax: Double, highMin: Double) {
        self.lowMax = lowMax
        self.highMin = highMin
        tag = Int32(truncatingIfNeeded: axis)
        end = -1
    }

    /// A placeholder for array slots the implicit layout leaves unused.
    static let unused = KDNode(leafStart: 0, end: 0)

    /// Whether the node is a leaf.
    @inline(__always)
    var isLeaf: Bool { end >= 0 }
}
