import CareKernel
import Testing

/// Checks every query API of `KDTree` against `BruteForceIndex`, for several leaf sizes.
func expectAgreement(
    points: [Point2D], queries: [Point2D], leafSizes: [Int] = [1, 3, KDTree.defaultLeafSize, 32],
    ks: [Int] = [0, 1, 2, 5], extraRadii: [Double] = [],
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let reference = BruteForceIndex(points: points)
    for leafSize in leafSizes {
        let tree = KDTree(points: points, leafSize: leafSize)
        #expect(tree.count == points.count, sourceLocation: sourceLocation)
        for q in queries {
            let expectedNearest = reference.nearest(to: q)
            #expect(tree.nearest(to: q) == expectedNearest, "nearest \(q) leaf \(leafSize)",
                    sourceLocation: sourceLocation)
            for k in ks + [points.count, points.count + 3] {
                #expect(tree.nearest(to: q, k: k) == reference.nearest(to: q, k: k),
                        "k=\(k) \(q) leaf \(leafSize)", sourceLocation: sourceLocation)
            }
            var radii = extraRadii + [0, -1]
            if let d = expectedNearest?.distance { radii += [d, d * 2.5, d.nextDown] }
            let all = reference.nearest(to: q, k: 12)
            if let last = all.last { radii.append(last.distance) }  // exactly equal: inclusive
            for r in radii {
                #expect(tree.neighbors(of: q, within: r) == reference.neighbors(of: q, within: r),
                        "radius \(r) \(q) leaf \(leafSize)", sourceLocation: sourceLocation)
            }
        }
    }
}
