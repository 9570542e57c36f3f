import CareIO
import CareStudy
/// Site symbols grouped by the scale of a map panel, so that thousands of discs do not turn a national map
/// black: nearby existing practices are merged into one disc of area ∝ their summed GPs, placed at their
/// GP-weighted centroid.
///
/// A panel is *crowded* when more than ``crowdedShare`` of its practice symbols overlap another one. Only then
/// are practices grouped, until no two drawn practice symbols are closer than `max(ra + rb, spacing)` pixels
/// (centre to centre): they no longer overlap and small ones keep a gap. A panel that is not crowded keeps
/// every site as it is (``isIdentity``). Opened sites (any kind but ``SiteKind/practice``) are never merged
/// nor moved. The result does not depend on the input order beyond ties of GPs, position and label.
///
/// ```swift
/// let a = SiteAggregation(symbols: sites, radius: { max(1.5, 11 * ($0 / 500).squareRoot()) })
/// a.groups.count    // ≤ sites.count; a.groups.map(\.gps).reduce(0, +) == total GPs of the sites
/// ```
/// Complexity: O(n) per pass with a grid index in pixels (a few passes), O(n log n) for the ordering.
struct SiteAggregation: Sendable {
    /// One site to draw, in screen pixels.
    struct Symbol: Sendable, Equatable {
        var x: Double
        var y: Double
        var gps: Double
        /// Whether it may be merged (existing practices only).
        var mergeable: Bool
        /// Index of the site in the caller's list.
        var index: Int
    }

    /// One drawn symbol: a site on its own or a group of practices.
    struct Group: Sendable, Equatable {
        var x: Double
        var y: Double
        var gps: Double
        /// Indices of the sites it holds, ascending.
        var members: [Int]
        var mergeable: Bool
    }

    /// Share of overlapping practice symbols above which a panel is grouped.
    static let crowdedShare = 0.25
    /// Smallest distance in pixels between the centres of two drawn practice symbols once grouped.
    static let spacing = 9.0

    /// The drawn symbols, in the order of the input for an identity, else by GPs then position.
    let groups: [Group]
    /// Whether every site is drawn on its own, where it is (the panel is not crowded).
    let isIdentity: Bool

    init(symbols: [Symbol], radius: (Double) -> Double, spacing: Double = Self.spacing,
         crowdedShare: Double = Self.crowdedShare) {
        let single = symbols.map { Group(x: $0.x, y: $0.y, gps: $0.gps, members: [$0.index], mergeable: $0.mergeable) }
        let practices = single.filter(\.mergeable)
        let overlapping = Self.overlapping(practices, radius: radius)
        guard practices.count > 1, Double(overlapping) > crowdedShare * Double(practices.count) else {
            (groups, isIdentity) = (single, true)
            return
        }
        var current = practices
        while true {
            let (merged, changed) = Self.pass(current, radius: radius, spacing: spacing)
            current = merged
            if !changed { break }
        }
        groups = Self.ordered(current + single.filter { !$0.mergeable })
        isIdentity = false
    }

    /// Number of symbols whose disc overlaps another's.
    static func overlapping(_ symbols: [Group], radius: (Double) -> Double) -> Int {
        let radii = symbols.map { radius($0.gps) }
        let grid = Grid(symbols, cell: 2 * (radii.max() ?? 1))
        var count = 0
        for (k, s) in symbols.enumerated() where grid.neighbours(of: s).contains(where: { j in
            j != k && distance(s, symbols[j]) < radii[k] + radii[j]
        }) { count += 1 }
        return count
    }

    /// One greedy pass: largest first, each symbol not yet taken absorbs the later ones too close to it.
    static func pass(_ symbols: [Group], radius: (Double) -> Double, spacing: Double) -> ([Group], Bool) {
        let order = ordered(symbols)
        let radii = order.map { radius($0.gps) }
        let largest = radii.max() ?? 1
        let grid = Grid(order, cell: max(2 * largest, spacing, 1))
        var taken = [Bool](repeating: false, count: order.count)
        var out: [Group] = []
        var changed = false
        for k in order.indices where !taken[k] {
            taken[k] = true
            let seed = order[k]
            var members = [seed]
            for j in grid.neighbours(of: seed).sorted() where !taken[j] {
                if distance(seed, order[j]) < max(radii[k] + radii[j], spacing) {
                    taken[j] = true
                    members.append(order[j])
                }
            }
            if members.count > 1 { changed = true }
            out.append(merge(members))
        }
        return (out, changed)
    }

    /// The group of `members`: summed GPs at their GP-weighted centroid (the plain centroid without GPs).
    static func merge(_ members: [Group]) -> Group {
        guard members.count > 1, let first = members.first else { return members.first ?? Group(x: 0, y: 0, gps: 0, members: [], mergeable: true) }
        let gps = members.reduce(0) { $0 + $1.gps }
        let w = { (g: Group) in gps > 0 ? g.gps / gps : 1 / Double(members.count) }
        let x = members.reduce(0) { $0 + $1.x * w($1) }, y = members.reduce(0) { $0 + $1.y * w($1) }
        return Group(x: x, y: y, gps: gps, members: members.flatMap(\.members).sorted(), mergeable: first.mergeable)
    }

    /// Largest first; ties by position then by first member, so that the order is reproducible.
    static func ordered(_ groups: [Group]) -> [Group] {
        groups.sorted { a, b in
            if a.gps != b.gps { return a.gps > b.gps }
            if a.mergeable != b.mergeable { return a.mergeable }
            if a.x != b.x { return a.x < b.x }
            if a.y != b.y { return a.y < b.y }
            return (a.members.first ?? 0) < (b.members.first ?? 0)
        }
    }

    static func distance(_ a: Group, _ b: Group) -> Double {
        ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
    }

    /// Symbols bucketed by square cells of `cell` pixels: the neighbours within one cell are in the 3 × 3 block.
    struct Grid {
        let cell: Double
        let buckets: [Cell: [Int]]

        struct Cell: Hashable { var i: Int, j: Int }

        init(_ symbols: [Group], cell: Double) {
            self.cell = cell
            var buckets: [Cell: [Int]] = [:]
            for (k, s) in symbols.enumerated() { buckets[Self.cell(s, cell), default: []].append(k) }
            self.buckets = buckets
        }

        static func cell(_ s: Group, _ size: Double) -> Cell {
            Cell(i: Int((s.x / size).rounded(.down)), j: Int((s.y / size).rounded(.down)))
        }

        /// Indices of the symbols in the 3 × 3 cells around `s` (in no particular order).
        func neighbours(of s: Group) -> [Int] {
            let c = Self.cell(s, cell)
            var out: [Int] = []
            for di in -1...1 {
                for dj in -1...1 { out += buckets[Cell(i: c.i + di, j: c.j + dj)] ?? [] }
            }
            return out
        }
    }
}
