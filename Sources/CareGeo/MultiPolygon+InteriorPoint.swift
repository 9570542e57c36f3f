extension MultiPolygon {
    /// A point guaranteed strictly inside the shape (like PostGIS `ST_PointOnSurface`, not the box centre).
    ///
    /// Takes the largest part by area and a horizontal scanline through its area centroid
    /// (moved halfway to a neighbouring vertex y if it would pass through a vertex),
    /// intersects it with every ring, pairs the sorted crossings even-odd (so holes are
    /// respected) and returns the midpoint of the widest interior interval. If that fails it
    /// tries scanlines between vertex-y quantiles, then every gap between distinct vertex ys,
    /// then the smaller parts. Returns `nil` only for empty or zero-area input.
    ///
    /// ```swift
    /// let annulus = MultiPolygon(polygons: [Polygon(exterior: bigSquare, holes: [smallSquare])])
    /// annulus.interiorPoint()   // a point in the band, never in the hole
    /// ```
    /// Complexity: O(v log v) for the part's v vertices in the usual case (one scanline);
    /// O(v²) worst case on degenerate input.
    public func interiorPoint() -> XY? {
        let parts = polygons.indices
            .map { (index: $0, area: polygons[$0].area) }
            .filter { $0.area > 0 && $0.area.isFinite }
            .sorted { $0.area > $1.area }
        for part in parts {
            if let p = polygons[part.index].interiorPoint() { return p }
        }
        return nil
    }
}

extension Polygon {
    /// A point strictly inside this polygon (see ``MultiPolygon/interiorPoint()``); `nil` if none is found.
    ///
    /// Complexity: O(v log v) usually, O(v²) worst case.
    public func interiorPoint() -> XY? {
        guard area > 0 else { return nil }
        var ys: [Double] = []
        for ring in rings { for p in ring where p.y.isFinite { ys.append(p.y) } }
        ys.sort()
        var distinct: [Double] = []
        distinct.reserveCapacity(ys.count)
        for y in ys where distinct.last != y { distinct.append(y) }
        guard distinct.count >= 2 else { return nil }

        if let y = scanlineAvoidingVertices(near: centroidY, distinctYs: distinct), let p = scan(at: y) {
            return p
        }
        let gaps = distinct.count - 1
        for q in [0.5, 0.25, 0.75, 0.125, 0.375, 0.625, 0.875] {
            let k = Swift.min(gaps - 1, Int(q * Double(gaps)))
            if let y = gapMidpoint(distinct, k), let p = scan(at: y) { return p }
        }
        for k in 0..<gaps {
            if let y = gapMidpoint(distinct, k), let p = scan(at: y) { return p }
        }
        return nil
    }

    /// `y` itself if it lies strictly between two consecutive distinct vertex ys; else the
    /// midpoint of the wider gap next to it; `nil` if `y` is NaN or outside the vertex range.
    private func scanlineAvoidingVertices(near y: Double, distinctYs ys: [Double]) -> Double? {
        guard let first = ys.first, let last = ys.last, y > first, y < last else { return nil }
        // k = index of the first vertex y that is ≥ y.
        var low = 0, high = ys.count - 1
        while low < high {
            let mid = (low + high) / 2
            if ys[mid] < y { low = mid + 1 } else { high = mid }
        }
        guard ys[low] == y else { return y }
        let below = ys[low] - ys[low - 1], above = ys[low + 1] - ys[low]
        return below > above ? gapMidpoint(ys, low - 1) : gapMidpoint(ys, low)
    }

    /// Midpoint of the gap between `ys[k]` and `ys[k + 1]`, `nil` if it cannot avoid both.
    private func gapMidpoint(_ ys: [Double], _ k: Int) -> Double? {
        let y = ys[k] + (ys[k + 1] - ys[k]) / 2
        return y > ys[k] && y < ys[k + 1] ? y : nil
    }

    /// Midpoint of the widest inside interval along the horizontal line `y`, if strictly inside.
    private func scan(at y: Double) -> XY? {
        var xs: [Double] = []
        for ring in rings { Ring.appendCrossings(ring, y: y, into: &xs) }
        xs.sort()
        var best: (start: Double, width: Double)?
        var i = 0
        while i + 1 < xs.count {
            let width = xs[i + 1] - xs[i]
            if width > 0, width.isFinite, width > (best?.width ?? 0) { best = (xs[i], width) }
            i += 2
        }
        guard let best else { return nil }
        let candidate = XY(x: best.start + best.width / 2, y: y)
        guard contains(candidate), distanceToBoundary(candidate) > 0 else { return nil }
        return candidate
    }
}
