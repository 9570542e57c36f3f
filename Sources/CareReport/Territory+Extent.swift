import CareIO
import CareStudy
import CareGeo
import CareModel

extension Territory {
    /// The box of commune `i` on a map: its boundary's box, or its point when it has no boundary (`nil` for a
    /// point that is not finite).
    func extent(of i: Int) -> BoundingBox? {
        boundary(at: i)?.boundingBox ?? BoundingBox(points: [XY(x: communes[i].point.x, y: communes[i].point.y)])
    }
}
