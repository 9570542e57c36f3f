import CareIO
import CareKernel
import CareModel

/// `careaccess travel calibrate` as a function of its spec: places the observed trips on the territory, fits the
/// calibrated travel model to them with k-fold held-out errors (``CareModel/TravelCalibration``: a national
/// distance curve corrected by end densities, département terms and a smooth regional field, fit by robust
/// penalised least squares after Huber 1964) and returns the fit with the trips it was fit on.
///
/// ```swift
/// var spec = TravelCalibrationRun.Spec(observedPath: "traveltime/su-smur-2019.csv")
/// spec.territoryPath = "territory.catr"
/// let run = try TravelCalibrationRun.run(spec)
/// run.result.parameters.heldOut?.upTo30Minutes.medianRelativeError
/// ```
public struct TravelCalibrationRun: Sendable {
    /// What `travel calibrate` is asked: the observed trips, where they are placed, and the fit's settings.
    public struct Spec: Sendable, Equatable, Codable {
        /// The observed drive times: the DREES access-to-emergency-care table or a pairs CSV
        /// (``CareIO/ObservedTripsFile``).
        public var observedPath: String
        /// The territory that places the trips' ends (`nil`: the embedded Ardèche fixture's).
        public var territoryPath: String?
        /// Bridges and causeways to islands (``CareIO/FixedLinksFile``); `nil`: the shipped list.
        public var fixedLinksPath: String?
        /// The model's name in every summary.
        public var name = "observed drive times"
        /// Folds and their seed, field spacing and penalties (defaults: ``CareModel/CalibratedParameters/FitSettings``).
        public var settings = CalibratedParameters.FitSettings()
        /// Worker threads, 1–256 (`nil`: all cores); the fit does not depend on it.
        public var threads: Int?

        /// A calibration of the trips in `observedPath`, every other setting at its default.
        public init(observedPath: String) {
            self.observedPath = observedPath
        }

        /// Refuses settings outside their range before any file is read.
        public func validate() throws {
            _ = try PlausibleRange.checkThreads(threads)
        }
    }

    /// The spec run.
    public var spec: Spec
    /// The territory the trips were placed on.
    public var input: TerritoryInput
    /// The observed trips as read (with what the reader repaired or left out).
    public var observed: ObservedTripsFile
    /// The fitted parameters, and per trip the in-sample and held-out minutes and its fold.
    public var result: TravelCalibration.Result

    /// Runs `spec`. `loaded` is called once the territory is loaded (the command line prints its import repairs
    /// there); `progress` is told of the folds.
    public static func run(_ spec: Spec, progress: any ProgressReporter = SilentProgress(),
                           loaded: (TerritoryInput) -> Void = { _ in }) throws -> TravelCalibrationRun {
        try spec.validate()
        let input = try TerritoryInput.load(path: spec.territoryPath)
        loaded(input)
        let observed = try ObservedTripsFile.load(path: spec.observedPath, territory: input.territory)
        var calibration = TravelCalibration(settings: spec.settings, name: spec.name)
        if let threads = spec.threads { calibration.threads = threads }
        let links = try FixedLinksFile.load(path: spec.fixedLinksPath, territory: input.territory)
        let result = try calibration.run(trips: observed.trips, territory: input.territory, source: observed.source,
                                         fixedLinks: links, progress: progress)
        return TravelCalibrationRun(spec: spec, input: input, observed: observed, result: result)
    }
}
