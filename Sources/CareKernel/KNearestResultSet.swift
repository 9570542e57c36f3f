/// Result set for the k nearest neighbours: a bounded max-heap on `(squared distance, index)`.
///
/// ```swift
/// var set = KNearestResultSet(capacity: 5)
/// view.search(x: q.x, y: q.y, into: &set, stack: stack)
/// let neighbours = set.sortedNeighbors()
/// ```
///
/// Complexity: O(log k) per accepted offer, O(k log k) to extract.
struct KNearestResultSet: SearchResultSet {
    private let capacity: Int
    private var squared: [Double] = []
    private var ids: [Int32] = []

    /// A set keeping at most `capacity` (> 0) points.
    init(capacity: Int) {
        self.capacity = capacity
        squared.reserveCapacity(Swift.min(capacity, 1024))
        ids.reserveCapacity(Swift.min(capacity, 1024))
    }

    var bound: Double {
        squared.count < capacity ? .infinity : squared[0]
    }

    @inline(__always)
    private func isGreater(_ i: Int, _ j: Int) -> Bool {
        squared[i] > squared[j] || (squared[i] == squared[j] && ids[i] > ids[j])
    }

    private mutating func swapEntries(_ i: Int, _ j: Int) {
        squared.swapAt(i, j)
        ids.swapAt(i, j)
    }

    mutating func offer(squaredDistance: Double, position: Int, id: Int32) {
        if squared.count < capacity {
            squared.append(squaredDistance)
            ids.append(id)
            var child = squared.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard isGreater(child, parent) else { break }
                swapEntries(child, parent)
                child = parent
            }
            return
        }
        // Full: replace the root (the worst) when strictly better in (distance, index) order.
        guard squaredDistance < squared[0] || (squaredDistance == squared[0] && id < ids[0]) else { return }
        squared[0] = squaredDistance
        ids[0] = id
        var parent = 0
        let n = squared.count
        while true {
            let left = 2 * parent + 1
            if left >= n { break }
            var largest = left
            if left + 1 < n && isGreater(left + 1, left) { largest = left + 1 }
            guard isGreater(largest, parent) else { break }
            swapEntries(largest, parent)
            parent = largest
        }
    }

    /// The kept points, ascending by `(distance, index)`.
    func sortedNeighbors() -> [Neighbor] {
        var pairs = Array(zip(squared, ids))
        pairs.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        return pairs.map { Neighbor(index: Int($0.1), distance: $0.0.squareRoot()) }
    }
}
