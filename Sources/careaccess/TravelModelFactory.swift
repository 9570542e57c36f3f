import ArgumentParser
import CareIO
import CareModel
import CareNetwork
import Foundation

/// The travel-time model a run uses (`--travel`).
enum TravelKind: String, CaseIterable, ExpressibleByArgument, Sendable {
    case crowfly, network, matrix
}

/// Builds the travel-time model chosen on the command line, with notes for the summary (places far from any
/// road, unreachable pairs in the matrix…). The lead wires it into `TravelOptions`:
///
/// ```swift
/// let (model, notes) = try makeTravelTimeModel(kind: travel.travel, networkPath: travel.network,
///     matrixPath: travel.matrix, symmetricMatrix: travel.symmetricMatrix, accessSpeedKmh: travel.accessSpeed,
///     snapLimitMetres: travel.snapLimit, threads: travel.threads, study: loaded, crowFly: travel.model)
/// ```
func makeTravelTimeModel(kind: TravelKind, networkPath: String?, matrixPath: String?, symmetricMatrix: Bool = false,
                         accessSpeedKmh: Double = RoadSnapper.defaultAccessSpeedKmh,
                         snapLimitMetres: Double = RoadSnapper.defaultLimitMetres, threads: Int?, study: Study,
                         crowFly: () throws -> CrowFlyModel) throws -> (model: any TravelTimeModel, notes: [String]) {
    switch kind {
    case .crowfly:
        if networkPath != nil || matrixPath != nil {
            throw ValidationError("--network/--matrix need --travel network or --travel matrix")
        }
        return (try crowFly(), [])
    case .network:
        guard let networkPath else { throw ValidationError("--travel network needs --network FILE (.osm.pbf, .osm, .osm.gz or a cache)") }
        let graph = try RoadGraph.load(path: networkPath)
        let model = try NetworkModel(graph: graph, accessSpeedKmh: accessSpeedKmh, snapLimitMetres: snapLimitMetres,
                                     threads: threads ?? ProcessInfo.processInfo.activeProcessorCount, name: networkPath)
        var notes: [String] = []
        let communes = study.demand.map { study.territory.communes[$0] }
        let farCommunes = model.snap(communes.map(\.place)).far
        let sites = study.supply.sites.filter { $0.gps > 0 }
        let siteSnap = model.snap(sites.map(\.place))
        let otherCRS = communes.filter { $0.crs != graph.crs }.count
        if !farCommunes.isEmpty {
            let names = farCommunes.prefix(6).map { "\(communes[$0].name) (\(communes[$0].code))" }
            notes.append("\(farCommunes.count) communes are more than \(Int(snapLimitMetres)) m from any road of the network (outside the extract?), counted unreachable: \(names.joined(separator: ", "))\(farCommunes.count > 6 ? ", …" : "").")
        }
        if otherCRS > 0 { notes.append("\(otherCRS) communes are in another projected CRS than the network (\(graph.crs)): unreachable.") }
        let unattached = siteSnap.nodes.filter { $0 < 0 }.count
        if unattached > 0 { notes.append("\(unattached) of \(sites.count) GP sites are off the network (beyond \(Int(snapLimitMetres)) m or another CRS) and are ignored.") }
        if graph.report.droppedNodes > 0 {
            notes.append("Network: kept the largest strongly connected component (\(graph.nodeCount) nodes), dropped \(graph.report.droppedNodes) nodes in \(graph.report.components - 1) smaller components.")
        }
        return (model, notes)
    case .matrix:
        guard let matrixPath else { throw ValidationError("--travel matrix needs --matrix FILE (CSV origin,destination,minutes)") }
        let model = try ODMatrixReader.read(path: matrixPath, territory: study.territory, symmetric: symmetricMatrix)
        let located = study.supply.sites.filter { $0.gps > 0 && model.keyOfPlace[$0.place] == nil }.count
        var notes = ["OD matrix: \(model.pairCount) pairs; pairs missing from the matrix are unreachable."]
        if located > 0 { notes.append("\(located) GP sites are not at a commune point and cannot be found in the matrix: ignored.") }
        return (model, notes)
    }
}
