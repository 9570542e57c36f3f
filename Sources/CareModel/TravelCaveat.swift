/// What a travel-time model is known to get wrong (``TravelTimeModel/caveats``), as a case with its figures
/// rather than as a sentence. Renderers turn it into text: English for the terminal and the CSV sidecars'
/// known limitations, French or English for reports.
///
/// ```swift
/// let c = TravelCaveat.isolatedIslands(3)
/// if case .isolatedIslands(let n) = c { print(n) }   // 3
/// ```
public enum TravelCaveat: Sendable, Hashable {
    /// Held-out error of a calibrated model (``CalibratedParameters/HeldOutFigures``): on trips of at most
    /// 30 observed minutes and on the short trips of at most 10.
    public struct HeldOutError: Sendable, Hashable {
        /// Number of cross-validation folds the figures come from.
        public var folds: Int
        /// Trips ≤ 30 min: median relative error (a share), mean absolute error in minutes, share of trips
        /// off by more than 5 minutes.
        public var medianRelativeError: Double
        /// Trips ≤ 30 min: mean absolute error, minutes.
        public var meanAbsoluteError: Double
        /// Trips ≤ 30 min: share (0…1) of trips off by more than 5 minutes.
        public var shareOver5Minutes: Double
        /// Trips ≤ 10 min: median relative error (a share) and mean absolute error in minutes.
        public var shortMedianRelativeError: Double
        /// Trips ≤ 10 min: mean absolute error, minutes.
        public var shortMeanAbsoluteError: Double

        /// Creates the figures (errors as shares and minutes, as ``TravelErrorSummary`` gives them).
        public init(folds: Int, medianRelativeError: Double, meanAbsoluteError: Double, shareOver5Minutes: Double,
                    shortMedianRelativeError: Double, shortMeanAbsoluteError: Double) {
            self.folds = folds
            self.medianRelativeError = medianRelativeError
            self.meanAbsoluteError = meanAbsoluteError
            self.shareOver5Minutes = shareOver5Minutes
            self.shortMedianRelativeError = shortMedianRelativeError
            self.shortMeanAbsoluteError = shortMeanAbsoluteError
        }
    }

    /// ``CrowFlyModel``: straight lines at one speed and detour factor, blind to roads, relief and the sea.
    case crowFly
    /// ``CalibratedModel``: fit to `trips` observed drive times described by `source`
    /// (``CalibratedParameters/ObservedSource/description``); no individual road, no congestion, one point
    /// per commune.
    case calibrated(trips: Int, source: String)
    /// A calibrated model's held-out error.
    case heldOutError(HeldOutError)
    /// A calibrated model's islands without a road to the mainland, unreachable from it.
    case isolatedIslands(Int)
    /// ``ODMatrixModel``: minutes as given; missing pairs and places off the commune points are unreachable.
    case odMatrix
    /// A road network: class speeds in free flow; places join the nearest node at `accessSpeedKmh` and are
    /// unreachable beyond `limitMetres` of any road.
    case roadNetwork(accessSpeedKmh: Double, limitMetres: Int)
}
