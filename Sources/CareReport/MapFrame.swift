import CareIO
import CareStudy
import CareGeo
import Foundation

/// The window of a projected CRS a map shows and how it lands in SVG units: y flipped (north up),
/// coordinates rounded to the map's resolution (half a screen pixel) so that paths stay small.
///
/// ```swift
/// let frame = MapFrame(box: BoundingBox(minX: 0, minY: 0, maxX: 10_000, maxY: 5_000), width: 400, maxHeight: 600)
/// frame.unit(XY(x: 10_000, y: 0))   // (800, 400): x right, y down, 2 units per pixel
/// ```
/// Each transform is O(1); ``pathData(_:)`` is linear in the number of vertices.
struct MapFrame: Sendable {
    /// SVG units per screen pixel: coordinates are integers in these units.
    static let unitsPerPixel = 2.0

    /// The projected window (metres), padded.
    let box: BoundingBox
    /// Screen pixels per metre.
    let scale: Double
    /// Size in screen pixels.
    let width: Double
    let height: Double

    /// Fits `box` (padded by 3 % on each side) into `width` pixels, or fewer when the height would exceed
    /// `maxHeight`.
    init(box raw: BoundingBox, width: Double, maxHeight: Double) {
        let padX = max(raw.width, raw.height, 1) * 0.03
        let box = BoundingBox(minX: raw.minX - padX, minY: raw.minY - padX, maxX: raw.maxX + padX, maxY: raw.maxY + padX)
        let s = min(width / max(box.width, 1), maxHeight / max(box.height, 1))
        self.box = box
        self.scale = s
        self.width = (box.width * s).rounded()
        self.height = (box.height * s).rounded()
    }

    /// Size of the viewBox in SVG units.
    var viewWidth: Int { Int(width * Self.unitsPerPixel) }
    var viewHeight: Int { Int(height * Self.unitsPerPixel) }

    /// A projected point in integer SVG units (y grows downwards).
    func unit(_ p: XY) -> (x: Int, y: Int) {
        let k = scale * Self.unitsPerPixel
        return (Int(((p.x - box.minX) * k).rounded()), Int(((box.maxY - p.y) * k).rounded()))
    }

    /// Screen pixels → SVG units.
    func units(_ pixels: Double) -> Double { pixels * Self.unitsPerPixel }

    /// Whether `b` overlaps the window.
    func overlaps(_ b: BoundingBox) -> Bool { box.intersects(b) }

    /// SVG path data of `shape`: each ring as an absolute move then relative line segments, repeated vertices
    /// (after rounding) dropped, rings that collapse to fewer than three vertices skipped. Empty when nothing
    /// is left.
    func pathData(_ shape: MultiPolygon) -> String { path(shape).data }

    /// ``pathData(_:)`` and the number of vertices it draws.
    func path(_ shape: MultiPolygon) -> (data: String, vertices: Int) {
        var d = ""
        var vertices = 0
        for polygon in shape.polygons {
            for ring in polygon.rings {
                var points: [(x: Int, y: Int)] = []
                points.reserveCapacity(ring.count)
                for p in ring where p.x.isFinite && p.y.isFinite {
                    let u = unit(p)
                    if let last = points.last, last == u { continue }
                    points.append(u)
                }
                if points.count > 1, let first = points.first, let last = points.last, first == last { points.removeLast() }
                guard points.count >= 3 else { continue }
                vertices += points.count
                d += "M\(points[0].x) \(points[0].y)l"
                var previous = points[0]
                for p in points.dropFirst() {
                    d += "\(p.x - previous.x) \(p.y - previous.y) "
                    previous = p
                }
                d.removeLast()
                d += "z"
            }
        }
        return (d, vertices)
    }

    /// SVG path data of a circle of `radius` pixels centred on `p`.
    func circleData(at p: XY, radius: Double) -> String { circleData(atUnit: unit(p), radius: radius) }

    /// ``circleData(at:radius:)`` centred on `c`, in SVG units.
    func circleData(atUnit c: (x: Int, y: Int), radius: Double) -> String {
        let r = max(1, Int(units(radius).rounded()))
        return "M\(c.x - r) \(c.y)a\(r) \(r) 0 1 0 \(2 * r) 0a\(r) \(r) 0 1 0 \(-2 * r) 0z"
    }
}
