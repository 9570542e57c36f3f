/// Result set for a single nearest neighbour: keeps the point with the smallest
/// `(squared distance, original index)`.
///
/// ```swift
/// var best = NearestResultSet()                       // or seeded with a known candidate
/// view.search(x: q.x, y: q.y, into: &best, stack: stack)
/// ```
///
/// Seeding with any real candidate (its exact squared distance to the new query) is safe: the
/// bound only shrinks the search, never changes the answer. Complexity: O(1) per offer.
struct NearestResultSet: SearchResultSet {
    /// Squared distance of the best point so far (`+infinity` if none).
    var bestSquaredDistance: Double
    /// Tree position of the best point so far (-1 if none).
    var bestPosition: Int
    /// Original index of the best point so far (`Int32.max` if none).
    var bestID: Int32

    /// An empty set.
    init() {
        bestSquaredDistance = .infinity
        bestPosition = -1
        bestID = .max
    }

    /// A set seeded with a candidate at `position` with original index `id`.
    init(squaredDistance: Double, position: Int, id: Int32) {
        bestSquaredDistance = squaredDistance
        bestPosition = position
        bestID = id
    }

    @inline(__always)
    var bound: Double { bestSquaredDistance }

    @inline(__always)
    mutating func offer(squaredDistance: Double, position: Int, id: Int32) {
        // Called with squaredDistance <= bound, so "smaller, or equal with a lower index".
        if squaredDistance < bestSquaredDistance || id < bestID {
            bestSquaredDistance = squaredDistance
            bestPosition = position
            bestID = id
        }
    }
}
