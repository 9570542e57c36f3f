import CareKernel
import Foundation
import Testing
import CareGeo

/// Random polygons from the kernel's seeded generator (SplitMix64), so the properties are reproducible.
@Suite("interiorPoint properties")
struct InteriorPointPropertyTests {
    /// Star-shaped ring around `centre`: sorted angles, radii in `radii`, angular gaps < π/2, closed.
    static func starRing(_ rng: inout SplitMix64, centre: XY, radii: ClosedRange<Double>, vertices: Int) -> [XY] {
        let step = 2 * Double.pi / Double(vertices)
        var ring: [XY] = []
        for i in 0..<vertices {
            let angle = (Double(i) + Double.random(in: 0..<0.9, using: &rng)) * step
            let r = Double.random(in: radii, using: &rng)
            ring.append(XY(x: centre.x + r * cos(angle), y: centre.y + r * sin(angle)))
        }
        ring.append(ring[0])
        return ring
    }

    @Test("random star-shaped polygons, some with a central hole", arguments: [UInt64(1), 2, 3, 4])
    func starShaped(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        for trial in 0..<300 {
            let large = trial % 2 == 0
            let centre = large ? XY(x: 826_554.5 + Double(trial), y: 6_405_333.25) : XY(x: 0, y: 0)
            let scale = large ? 5_000.0 : 1.0
            let vertices = Int.random(in: 5...80, using: &rng)
            // ≥ 8 vertices, radii ≥ 0.5 and angular gaps < 1.9·π/4 keep the disc of radius 0.5·cos(0.95·π/4) ≈ 0.37
            // inside the exterior, so a hole of radius ≤ 0.3 around the centre is always inside it.
            var exterior = Self.starRing(&rng, centre: .init(x: 0, y: 0), radii: 0.5...1, vertices: Swift.max(vertices, 8))
            var rings = [exterior]
            if trial % 3 != 0 {
                rings.append(Self.starRing(&rng, centre: .init(x: 0, y: 0), radii: 0.1...0.3, vertices: Int.random(in: 3...12, using: &rng) + 5))
            }
            rings = rings.map { ring in ring.map { XY(x: centre.x + $0.x * scale, y: centre.y + $0.y * scale) } }
            exterior = rings[0]
            let shape = MultiPolygon(polygons: [Polygon(rings: rings)])
            let p = try #require(shape.interiorPoint(), "seed \(seed) trial \(trial)")
            #expect(shape.contains(p), "seed \(seed) trial \(trial): \(p)")
            #expect(shape.distanceToBoundary(p) > 0)
            if rings.count > 1 {
                #expect(!Polygon(exterior: rings[1]).contains(p), "in the hole")
            }
        }
    }

    @Test("random x-monotone simple polygons (combs, zigzags)", arguments: [UInt64(10), 11, 12])
    func xMonotone(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        for trial in 0..<300 {
            let n = Int.random(in: 3...60, using: &rng)
            var xs = (0..<n).map { _ in Double.random(in: 0...100, using: &rng) }
            xs.sort()
            // Lower chain left→right below the upper chain right→left: always simple.
            var lower: [XY] = [], upper: [XY] = []
            for x in xs {
                let base = Double.random(in: -50...50, using: &rng)
                let gap = Double.random(in: 0.01...20, using: &rng)
                lower.append(XY(x: x, y: base))
                upper.append(XY(x: x, y: base + gap))
            }
            guard Set(xs).count == xs.count else { continue }
            var ring = lower + upper.reversed()
            if trial % 4 == 0 { ring = ring.map { XY(x: $0.y, y: $0.x) } }  // y-monotone variant
            ring.append(ring[0])
            let shape = MultiPolygon(polygons: [Polygon(exterior: ring)])
            let p = try #require(shape.interiorPoint(), "seed \(seed) trial \(trial)")
            #expect(shape.contains(p), "seed \(seed) trial \(trial): \(p)")
            #expect(shape.distanceToBoundary(p) > 0)
        }
    }

    @Test("integer-grid polygons where scanlines often hit vertices")
    func gridAligned() throws {
        var rng = SplitMix64(seed: 99)
        for trial in 0..<300 {
            // Staircase polygon: columns of random integer heights.
            let columns = Int.random(in: 1...12, using: &rng)
            var ring = [XY(x: 0, y: 0), XY(x: Double(columns), y: 0)]
            for c in stride(from: columns, to: 0, by: -1) {
                let h = Double(Int.random(in: 1...6, using: &rng))
                ring.append(XY(x: Double(c), y: h))
                ring.append(XY(x: Double(c - 1), y: h))
            }
            ring.append(ring[0])
            let shape = MultiPolygon(polygons: [Polygon(exterior: ring)])
            let p = try #require(shape.interiorPoint(), "trial \(trial)")
            #expect(shape.contains(p) && shape.distanceToBoundary(p) > 0, "trial \(trial): \(p)")
        }
    }
}
