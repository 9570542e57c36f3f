import CareKernel
import Testing

/// Checks every single-query API of `KDTree` against `BruteForceIndex`, for several leaf sizes.
/// Radii tried per query: `extraRadii`, 0, -1, the nearest distance, just below it, 2.5× it, and
/// the 12th-nearest distance exactly (inclusive bound).
func expectAgreement(
    points: [Point2D], queries: [Point2D], leafSizes: [Int] = [1, 3, KDTree.defaultLeafSize, 32],
    ks: [Int] = [0, 1, 2, 5], extraRadii: [Double] = [],
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let reference = BruteForceIndex(points: points)
    let allKs = ks + (points.count <= 200 ? [points.count, points.count + 3] : [40])
    struct Expected {
        var nearest: Neighbor?
        var knn: [[Neighbor]]
        var radii: [Double]
        var within: [[Neighbor]]
    }
    let expected: [Expected] = queries.map { q in
        let nearest = reference.nearest(to: q)
        var radii = extraRadii + [0, -1]
        if let d = nearest?.distance { radii += [d, d * 2.5, d.nextDown] }
        if let twelfth = reference.nearest(to: q, k: 12).last { radii.append(twelfth.distance) }
        return Expected(nearest: nearest, knn: allKs.map { reference.nearest(to: q, k: $0) },
                        radii: radii, within: radii.map { reference.neighbors(of: q, within: $0) })
    }
    for leafSize in leafSizes {
        let tree = KDTree(points: points, leafSize: leafSize)
        #expect(tree.count == points.count, sourceLocation: sourceLocation)
        for (q, e) in zip(queries, expected) {
            #expect(tree.nearest(to: q) == e.nearest, "nearest \(q) leaf \(leafSize)",
                    sourceLocation: sourceLocation)
            for (k, knn) in zip(allKs, e.knn) {
                #expect(tree.nearest(to: q, k: k) == knn, "k=\(k) \(q) leaf \(leafSize)",
                        sourceLocation: sourceLocation)
            }
            for (r, within) in zip(e.radii, e.within) {
                #expect(tree.neighbors(of: q, within: r) == within, "radius \(r) \(q) leaf \(leafSize)",
                        sourceLocation: sourceLocation)
            }
        }
    }
}
