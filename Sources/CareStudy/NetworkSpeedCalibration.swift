import CareModel
import CareIO
/// Scales a road network's class speeds to observed drive times: on the observed trips whose two ends
/// attach to the network, the factor `f` such that `connectors + path minutes / f` fits the observed
/// minutes best in least squares (path minutes at the car profile's speeds). `f < 1`: the profile is too fast.
///
/// ```swift
/// let fit = try NetworkSpeedCalibration(model: networkModel, trips: observed.trips)
/// let scaled = try NetworkModel(graph: graph, speedFactor: fit.factor)
/// ```
/// Trips with an end beyond the snap limit (outside the extract) are left out and counted.
/// Complexity: that of ``NetworkModel/minutes(between:)`` (one search per distinct origin).
public struct NetworkSpeedCalibration: Sendable {
    /// The fitted factor on class speeds.
    public var factor: Double
    /// The trips used (both ends on the network) and those left out.
    public var used: [Int]
    /// Number of trips left out because an end lies beyond the snap limit.
    public var leftOut: Int
    /// Errors on the used trips at the profile's speeds and with the factor.
    public var before: TravelErrorSummary
    /// Errors on the used trips with the class speeds divided by ``factor``.
    public var after: TravelErrorSummary

    /// Fits on `trips` with `model` (its own speed factor is ignored: searches at the profile's speeds).
    /// Throws when no trip has both ends on the network.
    public init(model: NetworkModel, trips: [ObservedTrip]) throws {
        let plain = try NetworkModel(graph: model.graph, accessSpeedKmh: model.snapper.accessSpeedKmh,
                                     snapLimitMetres: model.snapper.limitMetres, threads: model.threads, name: model.name)
        let pairs = trips.map { PlacePair(origin: $0.origin, destination: $0.destination) }
        let total = try plain.minutes(between: pairs)
        let o = plain.snap(trips.map(\.origin)), d = plain.snap(trips.map(\.destination))
        var used: [Int] = [], paths: [Double] = [], connectors: [Double] = []
        for k in trips.indices where total[k].isFinite && o.nodes[k] >= 0 && d.nodes[k] >= 0 {
            let c = o.minutes[k] + d.minutes[k]
            used.append(k)
            connectors.append(c)
            paths.append(total[k] - c)
        }
        guard !used.isEmpty else {
            throw ModelError.invalidParameter(name: "observed trips", value: "\(trips.count)",
                                              reason: "no trip has both ends within \(Int(model.snapper.limitMetres)) m of the network")
        }
        // minutes ≈ c + g·path, g = 1 / f: least squares on g.
        var num = 0.0, den = 0.0
        for (k, t) in used.enumerated() {
            num += paths[k] * (trips[t].minutes - connectors[k])
            den += paths[k] * paths[k]
        }
        let g = den > 0 ? num / den : 1
        let f = Swift.min(Swift.max(g > 0 ? 1 / g : 10, 0.1), 10)
        factor = (f * 1_000).rounded() / 1_000
        self.used = used
        leftOut = trips.count - used.count
        let observed = used.map { trips[$0].minutes }
        before = TravelErrorSummary(observed: observed, modelled: used.indices.map { connectors[$0] + paths[$0] })
        let fitted = factor
        after = TravelErrorSummary(observed: observed, modelled: used.indices.map { connectors[$0] + paths[$0] / fitted })
    }
}
