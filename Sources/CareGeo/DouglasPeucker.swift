/// Douglas–Peucker line simplification (Douglas & Peucker 1973, "Algorithms for the reduction of the number of
/// points required to represent a digitized line or its caricature", The Canadian Cartographer 10(2)).
///
/// Keeps both endpoints, then recursively the vertex farthest from the current chord while it is farther than
/// the tolerance. A closed line (first == last) uses the distance to that point.
///
/// ```swift
/// let kept = DouglasPeucker.keptIndices([XY(x: 0, y: 0), XY(x: 1, y: 0.1), XY(x: 2, y: 0)], tolerance: 0.5)  // [0, 2]
/// ```
/// Complexity: O(n log n) typical, O(n²) worst case; iterative (no recursion depth limit).
enum DouglasPeucker {
    /// Marks in `keep` (same count as `points`) the vertices to keep; endpoints are always kept.
    static func mark(_ points: [XY], tolerance: Double, into keep: inout [Bool]) {
        let n = points.count
        guard n > 0 else { return }
        keep[0] = true
        keep[n - 1] = true
        guard n > 2 else { return }
        let limit = tolerance * tolerance
        var stack: [(Int, Int)] = [(0, n - 1)]
        while let (first, last) = stack.popLast() {
            guard last > first + 1 else { continue }
            let (index, distance) = farthest(points, first, last)
            if distance > limit {
                keep[index] = true
                stack.append((first, index))
                stack.append((index, last))
            }
        }
    }

    /// Indices of the vertices kept, in order.
    static func keptIndices(_ points: [XY], tolerance: Double) -> [Int] {
        var keep = [Bool](repeating: false, count: points.count)
        mark(points, tolerance: tolerance, into: &keep)
        return keep.indices.filter { keep[$0] }
    }

    /// The vertex strictly between `first` and `last` farthest from the chord, with its squared distance.
    static func farthest(_ points: [XY], _ first: Int, _ last: Int) -> (index: Int, squaredDistance: Double) {
        var best = -1.0, index = first + 1
        for i in (first + 1)..<last {
            let d = Ring.squaredSegmentDistance(points[i], points[first], points[last])
            if d > best { best = d; index = i }
        }
        return (index, best)
    }
}
