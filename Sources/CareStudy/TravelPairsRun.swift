import CareIO
import CareKernel
import CareModel

/// `careaccess travel pairs` as a function of its spec: the minutes of the stated travel model between each pair
/// of places of a pairs file (commune codes, Lambert-93 or WGS84 ends), like OSRM's table service for any model.
///
/// ```swift
/// var spec = TravelPairsRun.Spec(pairsPath: "pairs.csv")
/// spec.travel.kind = .crowfly
/// let run = try TravelPairsRun.run(spec)
/// print(run.csv)
/// ```
public struct TravelPairsRun: Sendable {
    /// What `travel pairs` is asked: the pairs, where they are placed, and the model.
    public struct Spec: Sendable, Hashable, Codable {
        /// The pairs CSV (``CareIO/PairsFile``).
        public var pairsPath: String
        /// The territory that places commune codes (`nil`: the embedded Ardèche fixture's).
        public var territoryPath: String?
        /// The travel-time model (calibrated on METRIC by default).
        public var travel = TravelModelSpec()

        /// The default model's minutes between the pairs in `pairsPath`.
        public init(pairsPath: String) {
            self.pairsPath = pairsPath
        }
    }

    /// The spec run.
    public var spec: Spec
    /// The territory the pairs were placed on.
    public var input: TerritoryInput
    /// The pairs as read.
    public var pairs: PairsFile
    /// The model that gave the minutes.
    public var model: any TravelTimeModel
    /// Minutes per pair, in file order; infinite when the model cannot reach one end from the other.
    public var minutes: [Double]

    /// The input columns plus `minutes` (empty when unreachable).
    public var csv: String { pairs.csv(minutes: minutes, model: model.summary) }

    /// Runs `spec`. `loaded` is called once the territory is loaded; `progress` is told of network searches.
    public static func run(_ spec: Spec, progress: any ProgressReporter = SilentProgress(),
                           loaded: (TerritoryInput) -> Void = { _ in }) throws -> TravelPairsRun {
        let input = try TerritoryInput.load(path: spec.territoryPath)
        loaded(input)
        let pairs = try PairsFile.load(path: spec.pairsPath, territory: input.territory)
        let (model, _) = try spec.travel.make(territory: input.territory, demand: [], sites: [], progress: progress)
        let minutes = try model.minutes(between: pairs.pairs)
        return TravelPairsRun(spec: spec, input: input, pairs: pairs, model: model, minutes: minutes)
    }
}
