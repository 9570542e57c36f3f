import CareIO
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
public struct TravelModelSpec: Sendable, Hashable, Codable {
    /// The travel-time models: calibrated on observed drive times (default), straight line, road network,
    /// origin–destination matrix.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case calibrated, crowfly, network, matrix
    }

    /// Which model ``make(for:)`` builds; the calibrated model by default.
    public var kind: Kind = .calibrated
    /// Calibrated model file for ``Kind/calibrated`` (`travel calibrate --out`); `nil`: the shipped METRIC model.
    public var modelPath: String?
    /// Crow-fly speed in km/h.
    public var speedKmh = StudyDefaults.crowFlySpeedKmh
    /// Crow-fly detour factor (≥ 1).
    public var circuity = StudyDefaults.crowFlyCircuity
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
    /// Network: class speeds multiplied by this (`network calibrate --observed` fits it).
    public var networkSpeedFactor = 1.0
    /// Run even when a road network or an OD matrix covers less than ``minimumCoveredShare`` of the studied
    /// communes or inhabitants (`--accept-partial-travel`, `accept_partial_travel: true`).
    public var acceptPartialCoverage = false
    /// The model serves only to score given pairs (`travel validate`): a pair it cannot reach is counted as
    /// unreachable and left out of the errors, so partial coverage is not refused, only stated.
    public var scoresPairsOnly = false

    /// The least share of the studied communes, and of their inhabitants, that a road network or an OD matrix
    /// must reach for a run to go ahead without ``acceptPartialCoverage``.
    public static let minimumCoveredShare = 0.95

    /// The default spec: the shipped calibrated METRIC model, default speeds and limits, all cores.
    public init() {}

    /// A short description for summaries: `crow-fly 60 km/h × 1.3`, `road network ardeche.osm.pbf`…
    public var label: String {
        switch kind {
        case .calibrated: "calibrated \(Self.fileName(modelPath) ?? "METRIC 2019 (DREES)")"
        case .crowfly: "crow-fly \(speedKmh.formatted2) km/h × \(circuity.formatted2)"
        case .network: "road network \(Self.fileName(networkPath) ?? "?")"
        case .matrix: "OD matrix \(Self.fileName(matrixPath) ?? "?")"
        }
    }

    /// The last component of `path`, as labels show a file.
    package static func fileName(_ path: String?) -> String? { path.map { ($0 as NSString).lastPathComponent } }

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
        throws -> (model: any TravelTimeModel, notes: [Diagnostic])
    {
        try make(territory: study.territory, demand: study.demand, sites: study.supply.sites, progress: progress)
    }

    /// Builds the model for the communes at `demand` of `territory` and the GP `sites` (see
    /// ``make(for:progress:)``); `sites` only serve the notes (sites off the network or the matrix).
    public func make(territory: Territory, demand: [Int], sites: [SupplySite],
                     progress: any ProgressReporter = SilentProgress()) throws -> (model: any TravelTimeModel, notes: [Diagnostic])
    {
        switch kind {
        case .calibrated:
            return try calibratedModel(territory: territory, demand: demand)
        case .crowfly:
            return (try crowFly(), [])
        case .network:
            guard let networkPath else {
                throw ModelError.invalidParameter(name: "network", value: "", reason: "network travel needs a road network file")
            }
            return try networkModel(path: networkPath, territory: territory, demand: demand, sites: sites, progress: progress)
        case .matrix:
            guard let matrixPath else {
                throw ModelError.invalidParameter(name: "matrix", value: "", reason: "matrix travel needs an OD matrix file")
            }
            let model = try ODMatrixReader.read(path: matrixPath, territory: territory, symmetric: symmetricMatrix)
            let unlocated = sites.filter { $0.gps > 0 && model.keyOfPlace[$0.place] == nil }.count
            var notes: [Diagnostic] = [.matrixPairs(model.pairCount)]
            if let note = try coverage(of: matrixPath, input: .odMatrix, territory: territory, demand: demand,
                                       covered: { model.keyOfPlace[territory.communes[$0].place].map(model.hasPairs) ?? false },
                                       restrict: "keep to the communes the matrix holds (--departement, or a territory of them)") {
                notes.append(note)
            }
            if unlocated > 0 { notes.append(.sitesOutsideMatrix(unlocated)) }
            return (model, notes)
        }
    }

    private func calibratedModel(territory: Territory, demand: [Int]) throws -> (model: any TravelTimeModel, notes: [Diagnostic]) {
        let parameters = try CalibratedModelFile.load(path: modelPath)
        let model = try threads.map { try CalibratedModel(parameters: parameters, territory: territory, threads: $0) }
            ?? CalibratedModel(parameters: parameters, territory: territory)
        var notes: [Diagnostic] = []
        let zones = Set(parameters.fields.map(\.epsg))
        let outside = demand.filter { !zones.contains(territory.communes[$0].crs.epsg) }.count
        if outside > 0 {
            notes.append(.zoneWithoutObservedTrips(communes: outside))
        }
        if model.communesWithoutArea > 0 {
            notes.append(.communesWithoutArea(communes: model.communesWithoutArea, fallbackDensity: parameters.density.fallback))
        }
        let landOfCode = Set(parameters.isolatedLand.flatMap(\.communes))
        let islanders = demand.filter { landOfCode.contains(territory.communes[$0].code) }
        if !islanders.isEmpty {
            notes.append(.islands(count: islanders.count, examples: islanders.prefix(6).map {
                Diagnostic.Place(name: territory.communes[$0].name, code: territory.communes[$0].code)
            }))
        }
        return (model, notes)
    }

    /// Refuses a travel input (`what`, read from `file`) that reaches less than ``minimumCoveredShare`` of the
    /// studied communes or of their inhabitants, unless ``acceptPartialCoverage``: every figure would count the
    /// others as unreachable (or at 0 minutes from a GP at their own point). Returns the note of an accepted
    /// partial input, `nil` when the input covers enough. `covered` takes a territory index, or with
    /// `byPosition` a position in `demand`.
    func coverage(of file: String, input: Diagnostic.PartialTravelInput.Input, territory: Territory, demand: [Int],
                  covered: (Int) -> Bool, byPosition: Bool = false, restrict: String) throws(InputError) -> Diagnostic? {
        guard !demand.isEmpty else { return nil }
        var communes = 0, people = 0, total = 0
        for (k, i) in demand.enumerated() {
            let population = territory.communes[i].population
            total += population
            if covered(byPosition ? k : i) {
                communes += 1
                people += population
            }
        }
        let shareCommunes = Double(communes) / Double(demand.count)
        let sharePeople = total > 0 ? Double(people) / Double(total) : shareCommunes
        guard shareCommunes < Self.minimumCoveredShare || sharePeople < Self.minimumCoveredShare else { return nil }
        let partial = { (handling: Diagnostic.PartialTravelInput.Handling) in
            Diagnostic.partialTravelInput(.init(input: input, communes: communes, studied: demand.count, population: people,
                                                studiedPopulation: total, handling: handling))
        }
        if scoresPairsOnly { return partial(.scoresPairs) }
        guard acceptPartialCoverage else {
            let what = input == .odMatrix ? "the OD matrix" : "the road network"
            let text = "\(what) covers \(communes.grouped) of the \(demand.count.grouped) studied communes (\(people.grouped) of \(total.grouped) inhabitants, \(String(format: "%.1f", sharePeople * 100)) %)"
            throw InputError(file: file, message: "\(text), less than \(Int(Self.minimumCoveredShare * 100)) %: every figure would count the others as unreachable (or at 0 min from a GP at their own point); \(restrict), or pass --accept-partial-travel")
        }
        return partial(.accepted)
    }

    private func networkModel(path: String, territory: Territory, demand: [Int], sites allSites: [SupplySite],
                              progress: any ProgressReporter) throws -> (model: any TravelTimeModel, notes: [Diagnostic])
    {
        let graph = try RoadGraph.load(path: path, progress: NetworkProgressBar(progress))
        let model = try NetworkModel(graph: graph, accessSpeedKmh: accessSpeedKmh, snapLimitMetres: snapLimitMetres,
                                     threads: threads ?? ProcessInfo.processInfo.activeProcessorCount, name: path,
                                     speedFactor: networkSpeedFactor, progress: progress)
        var notes: [Diagnostic] = []
        let communes = demand.map { territory.communes[$0] }
        let far = model.snap(communes.map(\.place)).far
        if !far.isEmpty {
            notes.append(.communesOffRoad(count: far.count, limitMetres: Int(snapLimitMetres), examples: far.prefix(6).map {
                Diagnostic.Place(name: communes[$0].name, code: communes[$0].code)
            }))
        }
        let otherCRS = communes.filter { $0.crs != graph.crs }.count
        if otherCRS > 0 { notes.append(.communesInOtherCRS(count: otherCRS, crs: "\(graph.crs)")) }
        let off = Set(far)
        if let note = try coverage(of: path, input: .roadNetwork, territory: territory, demand: demand,
                                   covered: { k in !off.contains(k) && communes[k].crs == graph.crs },
                                   byPosition: true,
                                   restrict: "restrict the study to them (careaccess network places \(path) --territory … --territory-out covered.csv)") {
            notes.append(note)
        }
        let sites = allSites.filter { $0.gps > 0 }
        let unattached = model.snap(sites.map(\.place)).nodes.filter { $0 < 0 }.count
        if unattached > 0 { notes.append(.sitesOffNetwork(count: unattached, sites: sites.count, limitMetres: Int(snapLimitMetres))) }
        if graph.report.droppedNodes > 0 {
            notes.append(.componentsDropped(keptNodes: graph.nodeCount, droppedNodes: graph.report.droppedNodes, components: graph.report.components - 1))
        }
        return (model, notes)
    }
}
