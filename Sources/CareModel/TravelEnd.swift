/// One end of a trip as the calibrated model sees it: the point, and the terms that the commune it lies in
/// contributes (département intercept and slope, density terms as origin and as destination, land mass).
///
/// ```swift
/// let ends = context.ends(for: communes.map(\.place))
/// let t = model.minutes(from: ends[0], to: ends[1])
/// ```
/// Complexity: O(1) storage.
struct TravelEnd: Sendable {
    var x: Double
    var y: Double
    /// EPSG code of the CRS zone.
    var epsg: Int
    /// Land mass within the zone: 0 for the main one, k for ``CalibratedParameters/isolatedLand``[k − 1].
    var land: Int32
    /// Index of the zone's field in ``CalibratedParameters/fields``, −1 for none.
    var field: Int32
    /// Département intercept and slope (log-minutes).
    var departementIntercept: Double
    var departementSlope: Double
    /// `ln ρ − ln ρ₀`: the commune's log population density, centred.
    var logDensity: Double
    /// `c·(ln ρ − ln ρ₀)` with the origin and with the destination coefficient.
    var asOrigin: Double
    var asDestination: Double
    /// Index of the commune the end was resolved to (−1 when the territory has none in its zone).
    var commune: Int32
}
