/// Planar computations on one ring; the closing edge (last → first) is always included, so
/// rings may be given closed (first == last, as in WKB) or open.
enum Ring {
    /// Signed shoelace area (positive when counter-clockwise), computed relative to the first vertex
    /// to keep precision with large projected coordinates.
    ///
    /// Complexity: O(n).
    static func signedArea(_ ring: [XY]) -> Double {
        guard ring.count >= 3 else { return 0 }
        let origin = ring[0]
        var sum = 0.0
        var previous = XY(x: 0, y: 0)
        for i in 1..<ring.count {
            let current = XY(x: ring[i].x - origin.x, y: ring[i].y - origin.y)
            sum += previous.x * current.y - current.x * previous.y
            previous = current
        }
        return sum / 2  // closing edge back to the origin contributes 0
    }

    /// Signed area and the y of the area centroid (NaN when the area is 0).
    ///
    /// Complexity: O(n).
    static func areaAndCentroidY(_ ring: [XY]) -> (area: Double, centroidY: Double) {
        guard ring.count >= 3 else { return (0, .nan) }
        let origin = ring[0]
        var twiceArea = 0.0, moment = 0.0
        var previous = XY(x: 0, y: 0)
        for i in 1..<ring.count {
            let current = XY(x: ring[i].x - origin.x, y: ring[i].y - origin.y)
            let cross = previous.x * current.y - current.x * previous.y
            twiceArea += cross
            moment += (previous.y + current.y) * cross
            previous = current
        }
        guard twiceArea != 0 else { return (0, .nan) }
        return (twiceArea / 2, origin.y + moment / (3 * twiceArea))
    }

    /// Number of edges crossed by a ray from `p` towards +x (even-odd rule).
    ///
    /// Complexity: O(n).
    static func crossings(_ ring: [XY], _ p: XY) -> Int {
        guard var a = ring.last else { return 0 }
        var count = 0
        for b in ring {
            if (a.y > p.y) != (b.y > p.y) {
                let x = a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y)
                if p.x < x { count += 1 }
            }
            a = b
        }
        return count
    }

    /// Appends the x of every edge crossing the horizontal line `y` (edges with one end strictly above).
    static func appendCrossings(_ ring: [XY], y: Double, into xs: inout [Double]) {
        guard var a = ring.last else { return }
        for b in ring {
            if (a.y > y) != (b.y > y) {
                xs.append(a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y))
            }
            a = b
        }
    }

    /// Smallest squared distance from `p` to any edge of the ring.
    ///
    /// Complexity: O(n).
    static func squaredDistance(_ ring: [XY], _ p: XY) -> Double {
        guard var a = ring.last else { return .infinity }
        var best = Double.infinity
        for b in ring {
            best = Swift.min(best, squaredSegmentDistance(p, a, b))
            a = b
        }
        return best
    }

    static func squaredSegmentDistance(_ p: XY, _ a: XY, _ b: XY) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let lengthSquared = dx * dx + dy * dy
        var t = 0.0
        if lengthSquared > 0 {
            t = ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared
            t = Swift.max(0, Swift.min(1, t))
        }
        let ex = p.x - (a.x + t * dx), ey = p.y - (a.y + t * dy)
        return ex * ex + ey * ey
    }
}
