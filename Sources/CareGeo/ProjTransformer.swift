internal import CProj
import Synchronization

/// Owns one PROJ context and one WGS84 → target transformation and serialises every use of them.
///
/// PROJ objects are not thread-safe, so all calls happen inside `Mutex.withLock`; the PROJ
/// objects are destroyed when the last ``Projection`` sharing this box goes away.
final class ProjTransformer: Sendable {
    /// The PROJ objects; only reachable through the mutex.
    private let state: Mutex<ProjState>

    /// The area of use of the target CRS, read once at creation.
    let areaOfUse: AreaOfUse

    /// Creates the context and the normalised (lon, lat → easting, northing) transformation.
    init(target: CRS) throws(ProjectionError) {
        guard let context = proj_context_create() else {
            throw ProjectionError(message: "proj_context_create failed", code: 0)
        }
        let log = ProjLog()
        proj_log_func(context, Unmanaged.passUnretained(log).toOpaque(), ProjLog.callback)

        func failure(_ what: String) -> ProjectionError {
            let code = proj_context_errno(context)
            let text = ProjState.describe(code: code, context: context, log: log)
            proj_context_destroy(context)
            return ProjectionError(message: "\(what): \(text)", code: code)
        }

        guard let targetCRS = proj_create(context, target.description) else {
            throw failure("cannot create \(target)")
        }
        var west = 0.0, south = 0.0, east = 0.0, north = 0.0
        var areaName: UnsafePointer<CChar>?
        let hasArea = proj_get_area_of_use(context, targetCRS, &west, &south, &east, &north, &areaName) != 0
        let name = areaName.map { String(cString: $0) } ?? ""
        proj_destroy(targetCRS)
        // -1000 is PROJ's "unknown" marker; fall back to the whole world.
        areaOfUse = hasArea && west > -1000
            ? AreaOfUse(west: west, south: south, east: east, north: north, name: name)
            : AreaOfUse(west: -180, south: -90, east: 180, north: 90, name: name)

        guard let raw = proj_create_crs_to_crs(context, CRS.wgs84.description, target.description, nil) else {
            throw failure("cannot create transformation \(CRS.wgs84) → \(target)")
        }
        let normalised = proj_normalize_for_visualization(context, raw)
        proj_destroy(raw)
        guard let normalised else {
            throw failure("cannot normalise axis order of \(CRS.wgs84) → \(target)")
        }
        state = Mutex(ProjState(context: context, pj: normalised, log: log))
    }

    /// Transforms interleaved (x, y) pairs in place; throws at the first failing pair.
    ///
    /// Complexity: O(n), one lock acquisition and one `proj_trans_generic` call.
    func transform(_ xy: inout [Double], direction: PJ_DIRECTION, single: Bool) throws(ProjectionError) {
        let count = xy.count / 2
        guard count > 0 else { return }
        for i in 0..<count where !xy[2 * i].isFinite || !xy[2 * i + 1].isFinite {
            throw ProjectionError(
                message: "\(Self.label(i, single: single)): non-finite input (\(xy[2 * i]), \(xy[2 * i + 1]))",
                code: PROJ_ERR_COORD_TRANSFM_INVALID_COORD, pointIndex: i)
        }
        let stride = 2 * MemoryLayout<Double>.stride
        try state.withLock { (s: inout sending ProjState) throws(ProjectionError) in
            proj_errno_reset(s.pj)
            s.log.last = nil
            xy.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                _ = proj_trans_generic(
                    s.pj, direction,
                    base, stride, count,
                    base + 1, stride, count,
                    nil, 0, 0, nil, 0, 0)
            }
            let code = proj_errno(s.pj)
            for i in 0..<count where !xy[2 * i].isFinite || !xy[2 * i + 1].isFinite {
                let text = ProjState.describe(code: code, context: s.context, log: s.log)
                throw ProjectionError(message: "\(Self.label(i, single: single)): \(text)", code: code, pointIndex: i)
            }
            if code != 0 {
                let text = ProjState.describe(code: code, context: s.context, log: s.log)
                throw ProjectionError(message: "\(single ? "point" : "batch"): \(text)", code: code, pointIndex: 0)
            }
        }
    }

    private static func label(_ index: Int, single: Bool) -> String {
        single ? "point" : "point \(index)"
    }
}
