import CareGeo

/// Independent checks for simplified boundaries (brute force, for small and fixture-sized cases).
enum RingChecks {
    static func orient(_ a: XY, _ b: XY, _ c: XY) -> Double {
        (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
    }

    /// Whether segments a–b and c–d cross at a point interior to both.
    static func properlyCross(_ a: XY, _ b: XY, _ c: XY, _ d: XY) -> Bool {
        let o1 = orient(a, b, c), o2 = orient(a, b, d), o3 = orient(c, d, a), o4 = orient(c, d, b)
        return o1 * o2 < 0 && o3 * o4 < 0
    }

    /// Pairs of edges of `ring` (closed) that properly cross; O(n²).
    static func crossings(_ ring: [XY]) -> Int {
        let edges = Array(zip(ring, ring.dropFirst()))
        var count = 0
        for i in edges.indices {
            for j in (i + 1)..<edges.count where properlyCross(edges[i].0, edges[i].1, edges[j].0, edges[j].1) {
                count += 1
            }
        }
        return count
    }

    /// Rings must be closed with at least 4 positions.
    static func isValidRing(_ ring: [XY]) -> Bool { ring.count >= 4 && ring.first == ring.last }
}
