import CareModel
import CareNetwork
import Foundation

/// Which travel-time model a run uses and its parameters, as given on the command line (`--travel`) or in a
/// scenario file's baseline (`travel:`); ``make(for:)`` builds it and explains what it could not reach.
///
/// ```swift
/// var spec = TravelModelSpec()
/// spec.kind = .network
/// spec.networkPath = "ardeche.osm.pbf"
/// let (model, notes) = try spec.make(for: study)   // notes: communes far from any road, dropped components…
/// ```
public struct TravelModelSpec: Sendable, Equatable {
    /// The three travel-time models.
    public enum Kind: String, Sendable, CaseIterable {
        case crowfly, network, matrix
    }

    public var kind: Kind = .crowfly
    /// Crow-fly speed in km/h.
    public var speedKmh = 60.0
    /// Crow-fly detour factor (≥ 1).
    public var circuity = 1.3
    /// Worker threads (default: all cores).
    public var threads: Int?
    /// Road network for ``Kind/network``: `.osm.pbf`, `.osm`, `.osm.gz` or a cache file.
    public var networkPath: String?
    /// OD matrix for ``Kind/matrix``: CSV `origin,destination,minutes`.
    public var matrixPath: String?
    /// A matrix pair given one way holds both ways.
    public var symmetricMatrix = false
    /// Network: speed on the connector from a place to its road node, km/h.
    public var accessSpeedKmh = RoadSnapper.defaultAccessSpeedKmh
    /// Network: places farther than this from any road are unreachable, metres.
    public var snapLimitMetres = RoadSnapper.defaultLimitMetres

    public init() {}

    /// A short description for summaries: `crow-fly 60 km/h × 1.3`, `road network ardeche.osm.pbf`…
    public var label: String {
        switch kind {
        case .crowfly: "crow-fly \(speedKmh.formatted2) km/h × \(circuity.formatted2)"
        case .network: "road network \(networkPath.map { ($0 as NSString).lastPathComponent } ?? "?")"
        case .matrix: "OD matrix \(matrixPath.map { ($0 as NSString).lastPathComponent } ?? "?")"
        }
    }

    /// The crow-fly model with these parameters (also used where a network model does not apply).
    public func crowFly() throws -> CrowFlyModel {
        if let threads { return try CrowFlyModel(speedKmh: speedKmh, circuity: circuity, threads: threads) }
        return try CrowFlyModel(speedKmh: speedKmh, circuity: circuity)
    }

    /// Builds the model for `study`, with notes for the summary (places far from any road, sites off the
    /// network, communes in another CRS, unreachable matrix pairs). A road-network model tells `progress` of
    /// its catchment searches (one unit per site); crow-fly and matrix models have no long step to report.
    /// - Throws: ``ModelError/invalidParameter(name:value:reason:)`` when the file the kind needs is missing,
    ///   and the network or matrix readers' errors.
    public func make(for study: Study, progress: any ProgressReporter = SilentProgress())
        throws -> (model: any TravelTimeModel, notes: [String])
    {
        switch kind {
        case .crowfly:
            return (try crowFly(), [])
        case .network:
            guard let networkPath else {
                throw ModelError.invalidParameter(name: "network", value: "", reason: "network travel needs a road network file")
            }
            return try networkModel(path: networkPath, study: study, progress: progress)
        case .matrix:
            guard let matrixPath else {
                throw ModelError.invalidParameter(name: "matrix", value: "", reason: "matrix travel needs an OD matrix file")
            }
            let model = try ODMatrixReader.read(path: matrixPath, territory: study.territory, symmetric: symmetricMatrix)
            let unlocated = study.supply.sites.filter { $0.gps > 0 && model.keyOfPlace[$0.place] == nil }.count
            var notes = ["OD matrix: \(model.pairCount) pairs; pairs missing from the matrix are unreachable."]
            if unlocated > 0 { notes.append("\(unlocated) GP sites are not at a commune point and cannot be found in the matrix: ignored.") }
            return (model, notes)
        }
    }

    private func networkModel(path: String, study: Study, progress: any ProgressReporter)
        throws -> (model: any TravelTimeModel, notes: [String])
    {
        let graph = try RoadGraph.load(path: path)
        let model = try NetworkModel(graph: graph, accessSpeedKmh: accessSpeedKmh, snapLimitMetres: snapLimitMetres,
                                     threads: threads ?? ProcessInfo.processInfo.activeProcessorCount, name: path,
                                     progress: progress)
        var notes: [String] = []
        let communes = study.demand.map { study.territory.communes[$0] }
        let far = model.snap(communes.map(\.place)).far
        if !far.isEmpty {
            let names = far.prefix(6).map { "\(communes[$0].name) (\(communes[$0].code))" }
            notes.append("\(far.count) communes are more than \(Int(snapLimitMetres)) m from any road of the network (outside the extract?): they reach no GP by road (a GP site at the commune's own point still counts, at 0 min): \(names.joined(separator: ", "))\(far.count > 6 ? ", …" : "").")
        }
        let otherCRS = communes.filter { $0.crs != graph.crs }.count
        if otherCRS > 0 { notes.append("\(otherCRS) communes are in another projected CRS than the network (\(graph.crs)): unreachable.") }
        let sites = study.supply.sites.filter { $0.gps > 0 }
        let unattached = model.snap(sites.map(\.place)).nodes.filter { $0 < 0 }.count
        if unattached > 0 { notes.append("\(unattached) of \(sites.count) GP sites are off the network (beyond \(Int(snapLimitMetres)) m or another CRS) and are ignored.") }
        if graph.report.droppedNodes > 0 {
            notes.append("Network: kept the largest strongly connected component (\(graph.nodeCount) nodes), dropped \(graph.report.droppedNodes) nodes in \(graph.report.components - 1) smaller components.")
        }
        return (model, notes)
    }
}
