import CareGeo
import CareKernel

/// Which communes share a land mass: communes whose boundaries touch (a common vertex, or vertices closer
/// than a small gap, for borders the source did not make topologically common) are connected, and so are
/// communes joined by an observed road trip (a bridge, a causeway). What is not connected to the largest
/// land mass of its CRS zone is isolated: an island reached by boat or air only, never at road speed.
///
/// ```swift
/// let isolated = LandMasses.isolated(in: territory, linkedBy: [(origin, destination)])
/// // e.g. [["56009", "56069", "56152", "56241"]] for Belle-Île, ["85113"] for Île-d'Yeu, Corsica…
/// ```
/// Communes without a boundary count as part of the main land mass (nothing says otherwise).
/// Complexity: O(V log V) for V boundary vertices.
public enum LandMasses {
    /// Default gap, metres, under which two boundaries are taken to touch.
    public static let defaultGapMetres = 50.0

    /// The isolated land masses of `territory`, each as ascending commune indices, sorted by their first index.
    /// `links` are pairs of commune indices known to be connected by road (observed trips, bridges).
    public static func isolated(in territory: Territory, linkedBy links: [(Int, Int)] = [],
                                gapMetres: Double = defaultGapMetres) -> [[Int]] {
        guard territory.boundaries != nil else { return [] }
        var sets = DisjointSets(count: territory.count)
        var zones: [Int: [Int]] = [:]
        for i in territory.communes.indices where territory.boundary(at: i) != nil {
            zones[territory.communes[i].crs.epsg, default: []].append(i)
        }
        // Common vertices (boundaries are simplified together and rounded: shared borders share vertices).
        var table = VertexTable(capacity: territory.communes.indices.reduce(0) { $0 + vertexCount(of: $1, in: territory) })
        for i in territory.communes.indices {
            guard let boundary = territory.boundary(at: i) else { continue }
            let epsg = territory.communes[i].crs.epsg
            for polygon in boundary.polygons {
                for ring in polygon.rings {
                    for v in ring {
                        let first = table.insert(epsg: epsg, x: v.x, y: v.y, commune: i)
                        if first != i { sets.union(i, first) }
                    }
                }
            }
        }
        for (a, b) in links where a >= 0 && b >= 0 && a < territory.count && b < territory.count {
            sets.union(a, b)
        }
        var result: [[Int]] = []
        for (_, members) in zones.sorted(by: { $0.key < $1.key }) {
            // Near-misses: small masses whose vertices come within the gap of the main mass join it.
            var main = mainRoot(of: members, sets: &sets)
            var others: [Int: [Int]] = [:]
            for i in members where sets.find(i) != main { others[sets.find(i), default: []].append(i) }
            // Only the main mass's vertices near some other mass matter: keep those in the masses' boxes.
            let boxes = others.values.map { mass -> (Double, Double, Double, Double) in
                let points = mass.flatMap { vertices(of: $0, in: territory) }
                let xs = points.map(\.x), ys = points.map(\.y)
                return ((xs.min() ?? 0) - gapMetres, (ys.min() ?? 0) - gapMetres, (xs.max() ?? 0) + gapMetres, (ys.max() ?? 0) + gapMetres)
            }
            var near: [Point2D] = []
            for i in members where sets.find(i) == main {
                for v in vertices(of: i, in: territory) where boxes.contains(where: { v.x >= $0.0 && v.y >= $0.1 && v.x <= $0.2 && v.y <= $0.3 }) {
                    near.append(Point2D(x: v.x, y: v.y))
                }
            }
            let tree = KDTree(points: near)
            for (_, mass) in others.sorted(by: { $0.key < $1.key }) {
                let touches = mass.contains { i in
                    vertices(of: i, in: territory).contains { v in
                        (tree.nearest(to: Point2D(x: v.x, y: v.y))?.distance ?? .infinity) <= gapMetres
                    }
                }
                if touches, let first = mass.first {
                    sets.union(first, main)
                    main = sets.find(main)
                }
            }
            var isolated: [Int: [Int]] = [:]
            for i in members where sets.find(i) != main { isolated[sets.find(i), default: []].append(i) }
            result += isolated.values.map { $0.sorted() }
        }
        return result.sorted { ($0.first ?? 0) < ($1.first ?? 0) }
    }

    /// The root of the mass with the most communes (ties: the one holding the lowest index).
    private static func mainRoot(of members: [Int], sets: inout DisjointSets) -> Int {
        var counts: [Int: Int] = [:]
        for i in members { counts[sets.find(i), default: 0] += 1 }
        var best = -1, bestCount = -1
        for i in members {
            let r = sets.find(i), c = counts[r] ?? 0
            if c > bestCount { best = r; bestCount = c }
        }
        return best
    }

    private static func vertexCount(of i: Int, in territory: Territory) -> Int {
        territory.boundary(at: i)?.polygons.reduce(0) { $0 + $1.rings.reduce(0) { $0 + $1.count } } ?? 0
    }

    private static func vertices(of i: Int, in territory: Territory) -> [XY] {
        guard let b = territory.boundary(at: i) else { return [] }
        return b.polygons.flatMap { $0.rings.joined() }
    }
}

/// An open-addressing hash table from a vertex (CRS zone and exact coordinates) to the first commune that
/// has it (linear probing on a power-of-two table at most half full; SplitMix64 finaliser as the hash).
private struct VertexTable {
    private var epsgs: [Int32]
    private var xs: [UInt64]
    private var ys: [UInt64]
    private var communes: [Int32]
    private let mask: Int

    init(capacity: Int) {
        var size = 16
        while size < 2 * Swift.max(capacity, 1) { size <<= 1 }
        epsgs = Array(repeating: 0, count: size)
        xs = Array(repeating: 0, count: size)
        ys = Array(repeating: 0, count: size)
        communes = Array(repeating: -1, count: size)
        mask = size - 1
    }

    /// The commune already holding this vertex, else `commune` (now recorded).
    mutating func insert(epsg: Int, x: Double, y: Double, commune: Int) -> Int {
        let bx = (x == 0 ? 0 : x).bitPattern, by = (y == 0 ? 0 : y).bitPattern
        var h = bx &* 0x9e37_79b9_7f4a_7c15 ^ by ^ UInt64(truncatingIfNeeded: epsg) &* 0xbf58_476d_1ce4_e5b9
        h = SplitMix64.finalise(h)
        var slot = Int(truncatingIfNeeded: h) & mask
        while communes[slot] >= 0 {
            if xs[slot] == bx, ys[slot] == by, epsgs[slot] == Int32(truncatingIfNeeded: epsg) { return Int(communes[slot]) }
            slot = (slot + 1) & mask
        }
        epsgs[slot] = Int32(truncatingIfNeeded: epsg)
        xs[slot] = bx
        ys[slot] = by
        communes[slot] = Int32(commune)
        return commune
    }
}

/// Union–find with path halving and union by size (Tarjan 1975).
struct DisjointSets {
    private var parent: [Int]
    private var size: [Int]

    init(count: Int) {
        parent = Array(0..<count)
        size = Array(repeating: 1, count: count)
    }

    mutating func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != x {
            parent[x] = parent[parent[x]]
            x = parent[x]
        }
        return x
    }

    mutating func union(_ a: Int, _ b: Int) {
        var ra = find(a), rb = find(b)
        guard ra != rb else { return }
        if size[ra] < size[rb] || (size[ra] == size[rb] && rb < ra) { swap(&ra, &rb) }
        parent[rb] = ra
        size[ra] += size[rb]
    }
}
