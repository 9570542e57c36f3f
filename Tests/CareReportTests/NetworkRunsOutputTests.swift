import CareReport
import CareStudy
import Foundation
import Testing

/// The CSV renderings of `network paths`: one row per reached node and source, rows of −1 for the
/// multi-source search, minutes that parse back to the very Doubles computed.
@Suite("Network runs: CSV")
struct NetworkRunsOutputTests {
    @Test func pathsCSV() throws {
        var spec = NetworkPathsRun.Spec(networkPath: "synthetic:8")
        spec.sources = 2
        spec.multiSource = true
        let run = try NetworkPathsRun.run(spec)
        let rows = run.csv.split(separator: "\n").map(String.init)
        #expect(rows.first == "source,node,minutes")
        let multi = try #require(run.multiSourceMinutes)
        #expect(rows.count == 1 + run.minutes.joined().filter(\.isFinite).count + multi.filter(\.isFinite).count)
        for row in rows.dropFirst() {
            let f = row.split(separator: ",")
            let (source, node, minutes) = (try #require(Int(f[0])), try #require(Int(f[1])), try #require(Double(f[2])))
            let expected = source == -1 ? multi[node] : run.minutes[try #require(run.sources.firstIndex(of: source))][node]
            #expect(minutes == expected, "row \(row)")
        }
    }
}
