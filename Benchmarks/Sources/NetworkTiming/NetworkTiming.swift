// Timing harness for the road-network searches (moved out of the `careaccess` command line): best-of-N
// timings of multi-source and bounded Dijkstra for Scripts/bench-network-peer.sh (networkx / scipy peers), and
// the national catchments with the export for Scripts/network_catchments_peer.py.
//
//   swift run -c release --package-path Benchmarks NetworkTiming bench synthetic:1000 --sites 100 --limit 20
//   swift run -c release --package-path Benchmarks NetworkTiming catchments france.carn --territory t.catr --supply gp.csv
import ArgumentParser
import CareIO
import CareModel
import CareNetwork
import CareStudy
import Foundation

@main
struct NetworkTiming: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time road-network searches: multi-source and bounded Dijkstra, national catchments.",
        subcommands: [Bench.self, Catchments.self]
    )

    /// Fixed decimals, as the peers print them.
    static func fixed(_ v: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", v) }

    /// Milliseconds of a duration.
    static func milliseconds(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) / 1e15
    }

    /// The library's errors as one line on stderr and exit 1, as the command line does.
    static func exitOnFailure(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let e as ValidationError {
            throw e
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
