import CareIO
import CareKernel
import CareModel

/// `careaccess travel validate` as a function of its spec: places the observed trips on the territory, builds
/// the travel model the spec states and measures its minutes against theirs (``CareModel/TravelValidation``:
/// errors overall, on trips up to 30 minutes, by band and by département).
///
/// A road network or OD matrix that covers only part of the trips' communes is not refused here (unlike
/// coverage or access): a trip with an end the model cannot reach is counted as unreachable and left out of the
/// errors, and ``notes`` say how much the travel input covers.
///
/// ```swift
/// var spec = TravelValidationRun.Spec(observedPath: "traveltime/su-smur-2019.csv")
/// spec.travel.kind = .crowfly
/// let run = try TravelValidationRun.run(spec)
/// run.validation.upTo30Minutes.meanAbsoluteError
/// ```
public struct TravelValidationRun: Sendable {
    /// What `travel validate` is asked: the observed trips, where they are placed, and the model measured.
    public struct Spec: Sendable, Hashable, Codable {
        /// The observed drive times (``CareIO/ObservedTripsFile``).
        public var observedPath: String
        /// The territory that places the trips' ends (`nil`: the embedded Ardèche fixture's).
        public var territoryPath: String?
        /// The travel-time model measured (calibrated on METRIC by default).
        public var travel = TravelModelSpec()

        /// A validation of the default model on the trips in `observedPath`.
        public init(observedPath: String) {
            self.observedPath = observedPath
        }
    }

    /// The spec run.
    public var spec: Spec
    /// The territory the trips were placed on.
    public var input: TerritoryInput
    /// The observed trips as read.
    public var observed: ObservedTripsFile
    /// The model measured.
    public var model: any TravelTimeModel
    /// What the model notes about the trips' own communes (off the network, outside the matrix…).
    public var notes: [Diagnostic]
    /// The errors of the model's minutes against the observed ones.
    public var validation: TravelValidation
    /// Whether the model is a calibrated model fit on these very trips (same bytes): its errors are then
    /// in-sample, not a validation.
    public var inSample: Bool

    /// Runs `spec`. `loaded` is called once the territory is loaded; `progress` is told of network searches.
    public static func run(_ spec: Spec, progress: any ProgressReporter = SilentProgress(),
                           loaded: (TerritoryInput) -> Void = { _ in }) throws -> TravelValidationRun {
        let input = try TerritoryInput.load(path: spec.territoryPath)
        loaded(input)
        let observed = try ObservedTripsFile.load(path: spec.observedPath, territory: input.territory)
        // Notes (communes off the network…) about the trips' own communes only.
        let ends = Set(observed.trips.flatMap { [$0.originCode, $0.destinationCode] }.compactMap { $0 })
        let demand = input.territory.communes.indices.filter { ends.contains(input.territory.communes[$0].code) }
        var travel = spec.travel
        travel.scoresPairsOnly = true
        let (model, notes) = try travel.make(territory: input.territory, demand: demand, sites: [], progress: progress)
        let validation = try TravelValidation(model: model, trips: observed.trips, territory: input.territory)
        let inSample = (model as? CalibratedModel).map {
            $0.parameters.observed.fnv1a == observed.source.fnv1a && $0.parameters.observed.bytes == observed.source.bytes
        } ?? false
        return TravelValidationRun(spec: spec, input: input, observed: observed, model: model, notes: notes,
                                   validation: validation, inSample: inSample)
    }
}
