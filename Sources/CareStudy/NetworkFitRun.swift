import CareIO
import CareKernel
import CareModel
import CareNetwork

/// `careaccess network calibrate` as a function of its spec, in one of two ways:
/// - ``crowFly(_:progress:)`` fits the crow-fly model's speed and circuity to the network's own fastest routes
///   on a seeded sample of node pairs (``CareNetwork/NetworkCalibration``);
/// - ``speeds(_:loaded:)`` scales the network's class speeds to observed drive times on the trips inside the
///   extract (``NetworkSpeedCalibration``).
///
/// ```swift
/// let fit = try NetworkFitRun.crowFly(.init(networkPath: "andorra.osm.pbf"))
/// print(fit.speedKmh, fit.circuity)
/// ```
public enum NetworkFitRun {
    /// The crow-fly fit: which node pairs are sampled.
    public struct CrowFlySpec: Sendable, Hashable, Codable {
        /// The road network (``CareNetwork/RoadGraph/open(_:progress:)``).
        public var networkPath: String
        /// Number of node pairs sampled (``CareIO/PlausibleRange/calibrationPairs``).
        public var pairs = 5_000
        /// Seed of the sample (``CareKernel/SplitMix64``).
        public var seed: UInt64 = 42
        /// Pairs closer than this crow-fly distance are not sampled, km (finite, ≥ 0).
        public var minimumKm = 1.0

        /// A fit on `networkPath` with the default sample.
        public init(networkPath: String) {
            self.networkPath = networkPath
        }

        /// Refuses a sample outside its range before the network is read.
        public func validate() throws {
            _ = try PlausibleRange.check(pairs, in: PlausibleRange.calibrationPairs, option: "--pairs", what: "a number of node pairs")
            guard minimumKm.isFinite, minimumKm >= 0 else { throw StudyError("--min-km must be a finite number of km ≥ 0") }
        }
    }

    /// The speed fit: the observed trips and how their ends are attached.
    public struct SpeedSpec: Sendable, Hashable, Codable {
        /// The road network.
        public var networkPath: String
        /// The observed drive times (``CareIO/ObservedTripsFile``).
        public var observedPath: String
        /// The territory that places the trips' ends (`nil`: the embedded Ardèche fixture's).
        public var territoryPath: String?
        /// Connector speed, km/h.
        public var accessSpeedKmh = RoadSnapper.defaultAccessSpeedKmh
        /// Trips with an end farther than this from the network are left out, metres.
        public var snapLimitMetres = RoadSnapper.defaultLimitMetres

        /// A speed fit of `networkPath` to the trips of `observedPath`.
        public init(networkPath: String, observedPath: String) {
            self.networkPath = networkPath
            self.observedPath = observedPath
        }
    }

    /// The crow-fly speed and circuity that best reproduce the network's route minutes on the sample; an error
    /// when no pair is far enough apart.
    public static func crowFly(_ spec: CrowFlySpec, progress: any ProgressReporter = SilentProgress()) throws -> NetworkCalibration {
        try spec.validate()
        let graph = try RoadGraph.open(spec.networkPath)
        progress.begin(total: spec.pairs, label: "calibration pairs")
        let fit = NetworkCalibration.fit(graph, pairs: spec.pairs, seed: spec.seed, minKm: spec.minimumKm) { progress.advance(by: $0) }
        progress.end()
        guard fit.pairs > 0 else {
            throw StudyError("\(spec.networkPath): no node pair found ≥ \(spec.minimumKm.fixed(1)) km apart (the graph spans less?); lower --min-km")
        }
        return fit
    }

    /// The factor on every class speed that best reproduces the observed trips inside the extract, with the
    /// trips as read. `loaded` is called once the territory is loaded.
    public static func speeds(_ spec: SpeedSpec, loaded: (TerritoryInput) -> Void = { _ in })
        throws -> (trips: ObservedTripsFile, fit: NetworkSpeedCalibration)
    {
        let input = try TerritoryInput.load(path: spec.territoryPath)
        loaded(input)
        let trips = try ObservedTripsFile.load(path: spec.observedPath, territory: input.territory)
        let graph = try RoadGraph.open(spec.networkPath)
        let model = try NetworkModel(graph: graph, accessSpeedKmh: spec.accessSpeedKmh, snapLimitMetres: spec.snapLimitMetres,
                                     threads: 2, name: spec.networkPath)
        return (trips, try NetworkSpeedCalibration(model: model, trips: trips.trips))
    }
}
