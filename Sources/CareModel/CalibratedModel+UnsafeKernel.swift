import Foundation

/// The calibrated model's pair formula on raw buffers: the hot loop of nearest-site and catchment searches.
/// Built by ``CalibratedModel/withKernel(_:)`` for the duration of one search (the buffers belong to the model's
/// arrays, alive for that scope); read-only, shared by the search's workers.
struct PairKernel: @unchecked Sendable {
    let logKnots: UnsafeBufferPointer<Double>
    let curveValues: UnsafeBufferPointer<Double>
    let fields: UnsafeBufferPointer<FieldGeometry>
    let fieldValues: UnsafeBufferPointer<Double>
    let samePlaceMetres: Double, minimumKm: Double, maximumKm: Double, logReferenceKm: Double
    let logSmearing: Double
    /// No field value is below this (the pre-filter's bound on the field term).
    let fieldMinimum: Double

    /// A field's grid, without its values (those are in ``fieldValues`` from `offset`).
    struct FieldGeometry {
        var originX: Double, originY: Double, cellMetres: Double
        var columns: Int, rows: Int, offset: Int
    }

    /// ``CalibratedModel/minutes(from:to:)``, and `.infinity` without evaluating the field whenever the minutes
    /// are certainly above `limit` (the field term is at least ``fieldMinimum``).
    @inline(__always)
    func minutes(from o: TravelEnd, to s: TravelEnd, limit: Double = .infinity) -> Double {
        guard o.epsg == s.epsg, o.land == s.land else { return .infinity }
        let dx = s.x - o.x, dy = s.y - o.y
        let metres = (dx * dx + dy * dy).squareRoot()
        if metres <= samePlaceMetres { return 0 }
        let km = metres / 1000
        let clamped = Swift.min(Swift.max(km, minimumKm), maximumKm)
        let logKm = log(clamped)
        let u = logKm - logReferenceKm
        var eta = curve(logKm)
        eta += o.asOrigin + s.asDestination
        eta += 0.5 * (o.departementIntercept + s.departementIntercept)
        eta += 0.5 * (o.departementSlope + s.departementSlope) * u
        eta += logSmearing + log(km / clamped)
        if o.field < 0 { return exp(eta) }
        if limit.isFinite, eta + fieldMinimum > log(limit) + 1e-9 { return .infinity }
        return exp(eta + segmentMean(fields[Int(o.field)], o.x, o.y, s.x, s.y))
    }

    @inline(__always)
    func curve(_ x: Double) -> Double {
        let n = logKnots.count
        if x <= logKnots[0] { return curveValues[0] }
        if x >= logKnots[n - 1] { return curveValues[n - 1] }
        var k = 1
        while logKnots[k] < x { k += 1 }
        let t = (x - logKnots[k - 1]) / (logKnots[k] - logKnots[k - 1])
        return curveValues[k - 1] + t * (curveValues[k] - curveValues[k - 1])
    }

    /// ``TravelField/segmentMean(fromX:y:toX:y:)`` on the flat buffers (same samples, same order).
    @inline(__always)
    func segmentMean(_ g: FieldGeometry, _ ax: Double, _ ay: Double, _ bx: Double, _ by: Double) -> Double {
        let dx = bx - ax, dy = by - ay
        let wanted = (2 * (dx * dx + dy * dy).squareRoot() / g.cellMetres).rounded(.up)
        let n = wanted.isFinite ? Swift.min(TravelField.maximumSamples, Swift.max(2, Int(wanted))) : TravelField.maximumSamples
        var sum = 0.0
        for i in 0..<n {
            let s = (Double(i) + 0.5) / Double(n)
            let gx = Swift.min(Swift.max((ax + dx * s - g.originX) / g.cellMetres, 0), Double(g.columns - 1))
            let gy = Swift.min(Swift.max((ay + dy * s - g.originY) / g.cellMetres, 0), Double(g.rows - 1))
            let cx = Swift.min(Int(gx), g.columns - 2), cy = Swift.min(Int(gy), g.rows - 2)
            let fx = gx - Double(cx), fy = gy - Double(cy)
            let k = g.offset + cy * g.columns + cx
            let v00 = fieldValues[k], v10 = fieldValues[k + 1]
            let v01 = fieldValues[k + g.columns], v11 = fieldValues[k + g.columns + 1]
            sum += (v00 * (1 - fx) + v10 * fx) * (1 - fy) + (v01 * (1 - fx) + v11 * fx) * fy
        }
        return sum / Double(n)
    }
}

extension CalibratedModel {
    /// Runs `body` with the pair kernel over this model's buffers.
    func withKernel<T>(_ body: (PairKernel) -> T) -> T {
        logKnots.withUnsafeBufferPointer { knots in
            curve.values.withUnsafeBufferPointer { values in
                fieldGeometry.withUnsafeBufferPointer { fields in
                    fieldValues.withUnsafeBufferPointer { fieldValues in
                        body(PairKernel(logKnots: knots, curveValues: values, fields: fields, fieldValues: fieldValues,
                                        samePlaceMetres: samePlaceMetres, minimumKm: minimumKm, maximumKm: maximumKm,
                                        logReferenceKm: logReferenceKm, logSmearing: log(smearing),
                                        fieldMinimum: fieldValues.min() ?? 0))
                    }
                }
            }
        }
    }
}
