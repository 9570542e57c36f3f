import CareStudy
import Testing

@testable import CareReport

/// ``SiteAggregation``: grouping of overlapping practice symbols by the panel's scale.
@Suite("Site symbols grouped by scale")
struct SiteAggregationTests {
    static func radius(_ gps: Double) -> Double { max(1.5, 11 * (gps / 500).squareRoot()) }

    /// A deterministic pseudo-random crowd: `n` sites in a `size` × `size` pixel square, some opened.
    static func crowd(_ n: Int, size: Double, openedEvery: Int = 0, seed: UInt64 = 7) -> [SiteAggregation.Symbol] {
        var state = seed
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        return (0..<n).map { k in
            let gps = (1 + 40 * next() * next()).rounded()
            return .init(x: size * next(), y: size * next(), gps: gps,
                         mergeable: openedEvery == 0 || k % openedEvery != 0, index: k)
        }
    }

    static func distance(_ a: SiteAggregation.Group, _ b: SiteAggregation.Group) -> Double {
        ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
    }

    @Test func groupingConservesTheGPsAndEverySite() {
        let sites = Self.crowd(3_000, size: 300, openedEvery: 50)
        let a = SiteAggregation(symbols: sites, radius: Self.radius(_:))
        #expect(!a.isIdentity)
        #expect(a.groups.count < sites.count / 3)
        let total = sites.reduce(0) { $0 + $1.gps }, grouped = a.groups.reduce(0) { $0 + $1.gps }
        #expect(abs(total - grouped) < 1e-6 * total)
        #expect(a.groups.flatMap(\.members).sorted() == Array(sites.indices))
    }

    @Test func openedSitesAreNeverMergedNorMoved() {
        let sites = Self.crowd(3_000, size: 300, openedEvery: 50)
        let a = SiteAggregation(symbols: sites, radius: Self.radius(_:))
        for s in sites where !s.mergeable {
            let g = a.groups.filter { $0.members.contains(s.index) }
            #expect(g.count == 1 && g[0].members == [s.index] && g[0].x == s.x && g[0].y == s.y && !g[0].mergeable)
        }
        #expect(a.groups.allSatisfy { $0.members.count == 1 || $0.mergeable })
    }

    /// Brute force over every pair: once grouped, no two practice symbols are closer than the rule allows.
    @Test func groupedSymbolsKeepTheirDistance() {
        let a = SiteAggregation(symbols: Self.crowd(2_000, size: 250), radius: Self.radius(_:))
        let practices = a.groups.filter(\.mergeable)
        for i in practices.indices {
            for j in practices.indices where j > i {
                let limit = max(Self.radius(practices[i].gps) + Self.radius(practices[j].gps), SiteAggregation.spacing)
                #expect(Self.distance(practices[i], practices[j]) >= limit - 1e-9)
            }
        }
    }

    @Test func theResultDoesNotDependOnTheInputOrder() {
        let sites = Self.crowd(2_000, size: 250, openedEvery: 30)
        let a = SiteAggregation(symbols: sites, radius: Self.radius(_:))
        let b = SiteAggregation(symbols: sites.reversed(), radius: Self.radius(_:))
        #expect(a.groups == b.groups)
    }

    /// Sites whose discs do not overlap are drawn as they are, in their order.
    @Test func sparseSitesAreLeftAlone() {
        let sites = (0..<200).map { k in
            SiteAggregation.Symbol(x: Double(k % 20) * 30, y: Double(k / 20) * 30, gps: Double(1 + k % 90), mergeable: true, index: k)
        }
        let a = SiteAggregation(symbols: sites, radius: Self.radius(_:))
        #expect(a.isIdentity)
        #expect(a.groups.map(\.members) == sites.map { [$0.index] })
        #expect(a.groups.map(\.x) == sites.map(\.x) && a.groups.map(\.gps) == sites.map(\.gps))
    }

    /// A few overlaps (below the crowded share) leave the panel as it is too.
    @Test func aFewOverlapsAreNotACrowd() {
        var sites = (0..<100).map { k in
            SiteAggregation.Symbol(x: Double(k % 10) * 40, y: Double(k / 10) * 40, gps: 5, mergeable: true, index: k)
        }
        sites.append(.init(x: 1, y: 1, gps: 5, mergeable: true, index: 100))
        #expect(SiteAggregation(symbols: sites, radius: Self.radius(_:)).isIdentity)
    }
}
