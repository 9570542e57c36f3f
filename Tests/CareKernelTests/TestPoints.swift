import CareKernel

/// Point sets for the exactness tests.
enum TestPoints {
    static func uniform(_ n: Int, seed: UInt64, extent: Double = 1_000, x0: Double = 0, y0: Double = 0) -> [Point2D] {
        var rng = SplitMix64(seed: seed)
        return (0..<n).map { _ in
            let x = x0 + rng.unit() * extent
            let y = y0 + rng.unit() * extent
            return Point2D(x: x, y: y)
        }
    }

    /// A few tight clusters (Gaussian-ish via sums of uniforms) plus sparse background.
    static func clustered(_ n: Int, seed: UInt64) -> [Point2D] {
        var rng = SplitMix64(seed: seed)
        let centres = (0..<5).map { _ in Point2D(x: rng.unit() * 10_000, y: rng.unit() * 10_000) }
        return (0..<n).map { i in
            if i % 10 == 0 { return Point2D(x: rng.unit() * 10_000, y: rng.unit() * 10_000) }
            let c = centres[Int(rng.next() % 5)]
            let dx = (rng.unit() + rng.unit() + rng.unit() - 1.5) * 50
            let dy = (rng.unit() + rng.unit() + rng.unit() - 1.5) * 50
            return Point2D(x: c.x + dx, y: c.y + dy)
        }
    }

    /// Integer grid, each node repeated `repeats` times (many exact ties).
    static func grid(side: Int, repeats: Int = 1, step: Double = 1) -> [Point2D] {
        var points: [Point2D] = []
        for _ in 0..<repeats {
            for i in 0..<side {
                for j in 0..<side { points.append(Point2D(x: Double(i) * step, y: Double(j) * step)) }
            }
        }
        return points
    }

    /// Queries: uniform over the padded bounding box, on the data points, at grid half-steps and
    /// far outside.
    static func queries(for points: [Point2D], seed: UInt64, count: Int = 60) -> [Point2D] {
        var rng = SplitMix64(seed: seed ^ 0xABCD)
        let xs = points.map(\.x), ys = points.map(\.y)
        let minX = xs.min() ?? 0, maxX = xs.max() ?? 1, minY = ys.min() ?? 0, maxY = ys.max() ?? 1
        let w = Swift.max(maxX - minX, 1), h = Swift.max(maxY - minY, 1)
        var qs: [Point2D] = (0..<count).map { _ in
            Point2D(x: minX - 0.1 * w + rng.unit() * 1.2 * w, y: minY - 0.1 * h + rng.unit() * 1.2 * h)
        }
        for i in stride(from: 0, to: points.count, by: Swift.max(1, points.count / 20)) { qs.append(points[i]) }
        qs.append(Point2D(x: minX + w / 2, y: minY + h / 2))
        qs.append(Point2D(x: minX - 1_000 * w, y: minY - 1_000 * h))
        qs.append(Point2D(x: maxX + 1e7, y: minY + h / 3))
        qs.append(Point2D(x: minX + w / 3, y: maxY + 5e6))
        return qs
    }
}
