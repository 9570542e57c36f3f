/// What a travel-time model is, as figures, so that a report can say it in its own language
/// (``TravelTimeModel/summary`` is the English line).
///
/// ```swift
/// if case .crowFly(let kmh, _) = try CrowFlyModel().summaryParts { print(kmh) }   // 60
/// ```
public enum TravelModelSummary: Sendable, Hashable {
    /// A model calibrated on observed drive times (``CalibratedModel``): the observations' name and, when
    /// measured, its held-out error on trips of 30 minutes or less over `folds` folds.
    case calibrated(name: String, heldOut: HeldOut?)
    /// The straight line at `speedKmh` with a `circuity` factor (``CrowFlyModel``).
    case crowFly(speedKmh: Double, circuity: Double)
    /// A model without figures of its own here (road network, OD matrix): its English summary.
    case text(String)

    /// Held-out error of a calibrated model on trips of 30 minutes or less.
    public struct HeldOut: Sendable, Hashable {
        /// Number of cross-validation folds the error was measured over.
        public var folds: Int
        /// Median relative error (a share), mean absolute error and mean signed error in minutes.
        public var medianRelativeError: Double
        /// Mean absolute error, minutes.
        public var meanAbsoluteError: Double
        /// Mean signed error (modelled − observed), minutes: negative when the model is too fast.
        public var bias: Double
        /// Creates the figures from their parts.
        public init(folds: Int, medianRelativeError: Double, meanAbsoluteError: Double, bias: Double) {
            self.folds = folds
            self.medianRelativeError = medianRelativeError
            self.meanAbsoluteError = meanAbsoluteError
            self.bias = bias
        }
    }
}
