/// Result set for a fixed-radius search: every point whose reported distance
/// `squaredDistance.squareRoot()` is `<= radius`.
///
/// ```swift
/// var set = RadiusResultSet(radius: 500)
/// view.search(x: q.x, y: q.y, into: &set, stack: stack)
/// ```
///
/// The traversal prunes on `bound`, the squared radius enlarged by a relative margin of 2^-40
/// (plus the smallest normal number), which is never below any squared distance whose square root
/// rounds to `<= radius`; inclusion itself is decided on the square root, exactly as reported.
/// Complexity: O(1) amortised per offer.
struct RadiusResultSet: SearchResultSet {
    /// Inclusive radius, metres.
    let radius: Double
    let bound: Double
    /// Accepted squared distances and original indices, in discovery order.
    var squared: [Double] = []
    var ids: [Int32] = []
    /// Reused scratch storage for sorting large result sets without allocating per query.
    private var scratch: [(Double, Int32)] = []

    /// A set for `radius` (must be `>= 0`; callers return early for a negative or NaN radius).
    init(radius: Double) {
        self.radius = radius
        bound = RadiusResultSet.pruningBound(radius: radius)
    }

    /// A squared-distance bound `b` such that `d2.squareRoot() <= radius` implies `d2 <= b`.
    static func pruningBound(radius: Double) -> Double {
        (radius * radius) * (1 + 0x1p-40) + Double.leastNormalMagnitude
    }

    @inline(__always)
    mutating func offer(squaredDistance: Double, position: Int, id: Int32) {
        if squaredDistance.squareRoot() <= radius {
            squared.append(squaredDistance)
            ids.append(id)
        }
    }

    /// Removes all results, keeping capacity.
    mutating func removeAll() {
        squared.removeAll(keepingCapacity: true)
        ids.removeAll(keepingCapacity: true)
    }

    /// Number of accepted points.
    var count: Int { ids.count }

    /// Sorts the accepted points ascending by `(squared distance, index)`.
    /// Complexity: O(m²) for m <= 16 (insertion sort), O(m log m) beyond.
    mutating func sort() {
        let m = ids.count
        if m < 2 { return }
        if m <= 16 {
            for i in 1..<m {
                let d = squared[i], id = ids[i]
                var j = i
                while j > 0 && (squared[j - 1] > d || (squared[j - 1] == d && ids[j - 1] > id)) {
                    squared[j] = squared[j - 1]
                    ids[j] = ids[j - 1]
                    j -= 1
                }
                squared[j] = d
                ids[j] = id
            }
            return
        }
        scratch.removeAll(keepingCapacity: true)
        for i in 0..<m { scratch.append((squared[i], ids[i])) }
        scratch.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        for i in 0..<m {
            squared[i] = scratch[i].0
            ids[i] = scratch[i].1
        }
    }

    /// The accepted points, ascending by `(distance, index)`.
    func sortedNeighbors() -> [Neighbor] {
        var pairs = Array(zip(squared, ids))
        pairs.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        return pairs.map { Neighbor(index: Int($0.1), distance: $0.0.squareRoot()) }
    }
}
