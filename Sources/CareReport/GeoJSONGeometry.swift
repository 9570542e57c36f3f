import CareIO
import CareStudy
import CareGeo

/// A feature geometry as written: WGS84 longitude/latitude rounded to whole microdegrees (six decimals,
/// about 0.1 m), rings closed and oriented by the RFC 7946 right-hand rule (exteriors counter-clockwise,
/// holes clockwise).
///
/// ```swift
/// let g = GeoJSONGeometry(lonLat: squareInDegrees)   // .multiPolygon, exterior made counter-clockwise
/// GeoJSONGeometry(point: LonLat(lon: 4.5986, lat: 44.7356))   // .point(x: 4_598_600, y: 44_735_600)
/// ```
/// Complexity: O(vertices).
enum GeoJSONGeometry: Sendable, Equatable {
    /// A position in microdegrees.
    case point(x: Int64, y: Int64)
    /// Polygons → rings (exterior first) → interleaved x, y microdegrees, each ring closed.
    case multiPolygon([[[Int64]]])
    /// No usable position: written as `"geometry":null` (an unlocated feature, RFC 7946 §3.2).
    case none

    /// A point, or ``none`` when a coordinate is not a finite longitude/latitude.
    init(point p: LonLat) {
        guard let x = Self.microdegrees(p.lon), let y = Self.microdegrees(p.lat) else {
            self = .none
            return
        }
        self = .point(x: x, y: y)
    }

    /// The cleaned multipolygon of a lon/lat shape (x = longitude): consecutive duplicate positions (after
    /// rounding) dropped, rings closed and oriented; rings left with under four positions or no area are
    /// dropped, and so are polygons whose exterior is. `nil` when nothing is left.
    init?(lonLat shape: MultiPolygon) {
        var polygons: [[[Int64]]] = []
        for polygon in shape.polygons {
            guard let exterior = polygon.rings.first, let outer = Self.ring(exterior, counterClockwise: true) else {
                continue
            }
            var rings = [outer]
            for hole in polygon.rings.dropFirst() {
                if let inner = Self.ring(hole, counterClockwise: false) { rings.append(inner) }
            }
            polygons.append(rings)
        }
        guard !polygons.isEmpty else { return nil }
        self = .multiPolygon(polygons)
    }

    /// Writes the `geometry` member's value.
    ///
    /// Complexity: O(vertices).
    func write(to out: inout GeoJSONOutputStream) throws(OutputError) {
        switch self {
        case .none:
            try out.write("null")
        case let .point(x, y):
            try out.write("{\"type\":\"Point\",\"coordinates\":[")
            out.writeMicrodegrees(x)
            try out.write(",")
            out.writeMicrodegrees(y)
            try out.write("]}")
        case .multiPolygon(let polygons):
            try out.write("{\"type\":\"MultiPolygon\",\"coordinates\":[")
            for (p, rings) in polygons.enumerated() {
                try out.write(p == 0 ? "[" : ",[")
                for (r, ring) in rings.enumerated() {
                    try out.write(r == 0 ? "[" : ",[")
                    for k in stride(from: 0, to: ring.count, by: 2) {
                        try out.write(k == 0 ? "[" : ",[")
                        out.writeMicrodegrees(ring[k])
                        try out.write(",")
                        out.writeMicrodegrees(ring[k + 1])
                        try out.write("]")
                    }
                    try out.write("]")
                }
                try out.write("]")
            }
            try out.write("]}")
        }
    }

    /// `degrees` × 10⁶ rounded, or `nil` when not a finite value within ±360°.
    static func microdegrees(_ degrees: Double) -> Int64? {
        guard degrees.isFinite, abs(degrees) <= 360 else { return nil }
        return Int64((degrees * 1_000_000).rounded())
    }

    /// A closed ring in microdegrees with the requested orientation, or `nil` when degenerate.
    private static func ring(_ points: [XY], counterClockwise: Bool) -> [Int64]? {
        var xy: [Int64] = []
        xy.reserveCapacity(points.count * 2 + 2)
        for p in points {
            guard let x = microdegrees(p.x), let y = microdegrees(p.y) else { return nil }
            if xy.count >= 2, xy[xy.count - 2] == x, xy[xy.count - 1] == y { continue }
            xy.append(x)
            xy.append(y)
        }
        if xy.count >= 2, xy[0] != xy[xy.count - 2] || xy[1] != xy[xy.count - 1] {
            xy.append(xy[0])
            xy.append(xy[1])
        }
        guard xy.count >= 8 else { return nil }
        let area = twiceSignedArea(xy)
        guard area != 0 else { return nil }
        if (area > 0) == counterClockwise { return xy }
        var reversed: [Int64] = []
        reversed.reserveCapacity(xy.count)
        for k in stride(from: xy.count - 2, through: 0, by: -2) {
            reversed.append(xy[k])
            reversed.append(xy[k + 1])
        }
        return reversed
    }

    /// Twice the shoelace area of a closed ring (positive when counter-clockwise, x east and y north),
    /// relative to the first vertex.
    static func twiceSignedArea(_ xy: [Int64]) -> Double {
        guard xy.count >= 6 else { return 0 }
        let x0 = xy[0], y0 = xy[1]
        var sum = 0.0
        for k in stride(from: 2, to: xy.count - 2, by: 2) {
            let ax = Double(xy[k] - x0), ay = Double(xy[k + 1] - y0)
            let bx = Double(xy[k + 2] - x0), by = Double(xy[k + 3] - y0)
            sum += ax * by - bx * ay
        }
        return sum
    }
}
