import CareGeo
import CareModel
import CareNetwork
import CarePlacement
import CareStudy
import Foundation
import Synchronization
import Testing

@testable import CareIO

/// Records every call, thread-safely, to check what long operations report.
final class RecordingProgress: ProgressReporter {
    enum Event: Equatable { case begin(Int, String), advance(Int), end }
    let events = Mutex<[Event]>([])
    func begin(total: Int, label: String) { events.withLock { $0.append(.begin(total, label)) } }
    func advance(by count: Int) { events.withLock { $0.append(.advance(count)) } }
    func end() { events.withLock { $0.append(.end) } }

    /// Checks one begin…end block: positive increments summing to the total, i.e. counts increasing
    /// monotonically to exactly the total. Returns the total.
    func checkOneRun(label: String) -> Int? {
        let e = events.withLock { $0 }
        guard case .begin(let total, let l)? = e.first, l == label, e.last == .end else {
            Issue.record("expected begin(\(label))…end, got \(e)")
            return nil
        }
        var done = 0
        for event in e.dropFirst().dropLast() {
            guard case .advance(let n) = event, n > 0 else { Issue.record("unexpected \(event)"); return nil }
            done += n
            #expect(done <= total)
        }
        #expect(done == total)
        return total
    }

    /// Every begin…end block in order, as (label, total); records an issue when a block is not closed or its
    /// positive increments do not sum to its total.
    func completeBlocks() -> [(label: String, total: Int)] {
        var out: [(label: String, total: Int)] = []
        var open: (label: String, total: Int, done: Int)?
        for event in events.withLock({ $0 }) {
            switch event {
            case .begin(let total, let label):
                if let o = open { Issue.record("\(o.label) not ended before \(label)") }
                open = (label, total, 0)
            case .advance(let n):
                guard n > 0, var o = open else { Issue.record("advance(\(n)) outside a block"); continue }
                o.done += n
                open = o
            case .end:
                guard let o = open else { Issue.record("end outside a block"); continue }
                #expect(o.done == o.total, "\(o.label): \(o.done) of \(o.total)")
                out.append((o.label, o.total))
                open = nil
            }
        }
        #expect(open == nil)
        return out
    }
}

@Suite("Progress: reporters of long operations and the terminal bar")
struct ProgressTests {
    @Test func lineShowsBarPercentCountsRateAndETA() {
        // 250 of 1,000 in 5 s: 50/s, 750 left → 15 s.
        #expect(ProgressBar.line(label: "catchments", done: 250, total: 1_000, seconds: 5, barWidth: 10)
            == "catchments [##--------]  25%  250/1,000  50.0/s  ETA 0:15")
        // 12,345 of 34,000 in 2.5 s: 4,938/s; 21,655 left → 4.385 s, rounded up to 0:05.
        #expect(ProgressBar.line(label: "import", done: 12_345, total: 34_000, seconds: 2.5, barWidth: 4)
            == "import [#---]  36%  12,345/34,000  4,938/s  ETA 0:05")
        // Nothing done yet: no rate, no ETA.
        #expect(ProgressBar.line(label: "x", done: 0, total: 10, seconds: 0, barWidth: 2) == "x [--]   0%  0/10  0.0/s  ETA --:--")
        // Finished: full bar and elapsed time.
        #expect(ProgressBar.line(label: "x", done: 10, total: 10, seconds: 61.2, barWidth: 2) == "x [##] 100%  10/10  0.2/s  done in 1:02")
    }

    @Test func clockAndGrouping() {
        #expect(ProgressBar.clock(0) == "0:00")
        #expect(ProgressBar.clock(59.01) == "1:00")
        #expect(ProgressBar.clock(3_725) == "1:02:05")
        #expect(ProgressBar.clock(.infinity) == "--:--")
        #expect(1_234_567.grouped == "1,234,567" && (-1_234).grouped == "-1,234")
        #expect(999.grouped == "999")
        #expect(ProgressBar.rateText(99.94) == "99.9")
        #expect(ProgressBar.rateText(1_500.4) == "1,500")
    }

    @Test func silentWhenNotATerminalOrQuiet() {
        #expect(ProgressBar.standardError(quiet: false, isTerminal: false) is SilentProgress)
        #expect(ProgressBar.standardError(quiet: true, isTerminal: true) is SilentProgress)
        #expect(ProgressBar.standardError(quiet: false, isTerminal: true) is ProgressBar)
    }

    @Test func barRedrawsAtMostOncePerIntervalAndClearsAtTheEnd() {
        let out = Mutex<[String]>([])
        let bar = ProgressBar(interval: .seconds(3_600), barWidth: 4) { s in out.withLock { $0.append(s) } }
        bar.begin(total: 100, label: "work")
        for _ in 0..<99 { bar.advance(by: 1) }   // within the interval: no redraw
        #expect(out.withLock { $0.count } == 1)
        bar.advance(by: 1)                        // the last unit always draws
        bar.end()
        let written = out.withLock { $0 }
        #expect(written.count == 3)
        #expect(written[0].hasPrefix("\rwork [----]   0%  0/100"))
        #expect(written[1].hasPrefix("\rwork [####] 100%  100/100"))
        #expect(written[2] == "\r" + String(repeating: " ", count: written[1].count - 1) + "\r")
        #expect(written.allSatisfy { !$0.contains("\n") })
    }

    @Test func networkCatchmentsReportOneUnitPerSite() throws {
        let g = try RoadGraph.synthetic(side: 20, seed: 3)   // synthetic, labelled
        let recorder = RecordingProgress()
        let model = try NetworkModel(graph: g, threads: 2, progress: recorder)
        let places = (0..<30).map { i in
            Place(point: ProjectedPoint(x: 700_000 + Double(i % 6) * 800, y: 6_400_000 + Double(i / 6) * 800), crs: .lambert93)
        }
        let silent = try NetworkModel(graph: g, threads: 2)
        let c = try model.catchments(from: Array(places.prefix(17)), to: places, within: 6)
        #expect(recorder.checkOneRun(label: "catchments") == 17)
        #expect(c == (try silent.catchments(from: Array(places.prefix(17)), to: places, within: 6)))
    }

    @Test(arguments: [PlacementObjective.mclp, .pMedian])
    func greedyPlacementReportsEveryPick(objective: PlacementObjective) throws {
        let problem = try syntheticProblem()
        let recorder = RecordingProgress()
        let method: PlacementMethod = objective == .pMedian ? .localSearch : .greedy
        let r = try place(problem, objective: objective, k: 4, method: method, progress: recorder)
        #expect(recorder.checkOneRun(label: "greedy picks") == 4)
        let quiet = try place(problem, objective: objective, k: 4, method: method)
        #expect(r.chosenIDs == quiet.chosenIDs && r.value == quiet.value)
    }

    @Test func accessibilityPlacementReportsEveryPickEvenWhenStoppingEarly() throws {
        let problem = try syntheticProblem()
        let goal = AccessibilityGoal(method: .twoStep, underServed: 1_000, gpsPerSite: 1)
        let recorder = RecordingProgress()
        _ = try place(problem, objective: .accessibility(goal), k: 5, method: .greedy, progress: recorder)
        #expect(recorder.checkOneRun(label: "placement picks") == 5)
        // A mark nobody is under: the search stops at once, and the count still reaches the total.
        let none = RecordingProgress()
        _ = try place(problem, objective: .accessibility(AccessibilityGoal(method: .twoStep, underServed: 0, gpsPerSite: 1)),
                      k: 3, method: .greedy, progress: none)
        #expect(none.checkOneRun(label: "placement picks") == 3)
    }

    @Test func csvDataLines() {
        #expect(CSVLineCount.dataLines([]) == 0)
        #expect(CSVLineCount.dataLines(Array("a,b\n".utf8)) == 0)
        #expect(CSVLineCount.dataLines(Array("a,b\n1,2\n3,4".utf8)) == 2)
        #expect(CSVLineCount.dataLines(Array("a,b\n1,2\n3,4\n".utf8)) == 2)
    }

    @Test func importReportsEveryRowRead() throws {
        typealias T = DataFranceImporterTests
        let rows = [T.row("1", "07001"), T.row("2", "07002"), T.row("3", "75056", "SRM"), T.row("4", "07003")]
        let recorder = RecordingProgress()
        let out = try DataFranceImporter().importBytes(Array(([T.header] + rows).joined(separator: "\n").utf8),
                                                       file: "communes.csv", progress: recorder)
        #expect(recorder.checkOneRun(label: "communes read") == 4)   // the SRM row is read, then ignored
        #expect(out.territory.count == 3)
    }

    /// A scenario whose baseline runs on a road network reports its catchment searches (before and after), one
    /// unit per site, and the same results as without a reporter. The network is a SYNTHETIC graph far from
    /// the embedded Ardèche communes: every search is empty, the wiring is what is checked.
    @Test func scenarioOnARoadNetworkReportsItsCatchments() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try RoadGraph.synthetic(side: 12, seed: 5).save(to: dir.appendingPathComponent("roads.carn").path)
        let yaml = dir.appendingPathComponent("s.yaml").path
        try """
            name: progress check
            baseline: {travel: network, network: roads.carn, accept_partial_travel: true}
            events:
              - open_site: {commune: "07001", gps: 2, kind: health_centre}
            """.write(toFile: yaml, atomically: true, encoding: .utf8)
        let recorder = RecordingProgress()
        let run = try ScenarioRun.run(path: yaml, progress: recorder)
        let blocks = recorder.completeBlocks()
        #expect(blocks.map(\.label) == ["catchments", "catchments"])
        #expect(blocks.map(\.total) == [run.study.supply.sites.count, run.outcome.sites.count])
        #expect(run.comparison.rows == (try ScenarioRun.run(path: yaml)).comparison.rows)
    }

    /// A comparison reports the greedy picks of its accessibility placement option and, on a road network,
    /// the catchment searches of every option.
    @Test func compareReportsPlacementPicksAndCatchments() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try RoadGraph.synthetic(side: 12, seed: 5).save(to: dir.appendingPathComponent("roads.carn").path)
        let options = """
            options:
              - name: MSP at Accons
                events: [{open_site: {commune: "07001", gps: 2, kind: msp}}]
              - name: 2 centres for the APL
                place: {objective: access, k: 2, gps: 1, kind: salaried_centre}
            """
        let crowFly = dir.appendingPathComponent("crowfly.yaml").path
        try "name: picks\n\(options)\n".write(toFile: crowFly, atomically: true, encoding: .utf8)
        let recorder = RecordingProgress()
        let run = try CompareRun.run(path: crowFly, progress: recorder)
        #expect(recorder.completeBlocks().map(\.label) == ["placement picks"])
        #expect(recorder.completeBlocks().first?.total == 2)
        let quiet = try CompareRun.run(path: crowFly)
        #expect(run.results.map(\.placementNote) == quiet.results.map(\.placementNote))

        let network = dir.appendingPathComponent("network.yaml").path
        try "name: picks\nbaseline: {travel: network, network: roads.carn, accept_partial_travel: true}\n\(options)\n"
            .write(toFile: network, atomically: true, encoding: .utf8)
        let onRoads = RecordingProgress()
        _ = try CompareRun.run(path: network, progress: onRoads)
        let labels = onRoads.completeBlocks().map(\.label)
        #expect(labels.contains("placement picks"))
        // Before and after for each of the two options at least (the placement problem may search too).
        #expect(labels.filter { $0 == "catchments" }.count >= 4)
    }

    func temporaryFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("careaccess-progress-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// SYNTHETIC instance: a 6 × 6 grid of demand points 2 km apart, one existing site, 12 candidates.
    func syntheticProblem() throws -> PlacementProblem {
        func p(_ x: Double, _ y: Double) -> Place { Place(point: ProjectedPoint(x: 700_000 + x, y: 6_400_000 + y), crs: .lambert93) }
        let demand = (0..<36).map { p(Double($0 % 6) * 2_000, Double($0 / 6) * 2_000) }
        let existing = [SupplySite(id: "e0", communeCode: nil, departement: nil, point: ProjectedPoint(x: 700_000, y: 6_400_000),
                                   crs: .lambert93, gps: 1)]
        let candidates = (0..<12).map { PlacementCandidate(id: "c\($0)", place: p(Double($0 % 4) * 3_000 + 500, Double($0 / 4) * 4_000 + 500)) }
        return try PlacementProblem(demand: demand, population: (0..<36).map { Double(100 + $0 * 10) }, existing: existing,
                                    candidates: candidates, model: try CrowFlyModel(speedKmh: 60, circuity: 1.3, threads: 1),
                                    threshold: 5)
    }
}
