import CareModel
import CareIO
import CareReport
import CareStudy
import Foundation

/// Combines the shards of a sweep into its outputs: `tasks.csv` (one row per task), `bands.csv` (mean and
/// percentile bands of every summary figure per scenario × horizon × option), `communes.csv` (bands per
/// commune, probability of falling below the under-served mark and beyond the threshold) and `report.txt`.
///
/// The outputs depend only on the task results taken in task order, so they are byte-identical whatever the
/// number of shards and the order in which they finished. Every file is published whole (written to a hidden
/// temporary file, then renamed), and only after every shard checked out.
///
/// ```swift
/// let merged = try SweepMerge.run(directory: "out")      // out/tasks.csv, bands.csv, communes.csv, report.txt
/// print(merged.report)
/// ```
/// Complexity: O(tasks × communes) time, O(draws × communes) memory (one group at a time).
public enum SweepMerge {
    /// The output files, in the order they are written.
    public static let outputs = ["tasks.csv", "bands.csv", "communes.csv", "report.txt"]

    /// The merge's outcome: the report text and where the files are.
    public struct Merged: Sendable {
        /// The text of `report.txt` (without its final line break), also for the terminal.
        public var report: String
        /// The folder the four outputs were written to.
        public var directory: String
        /// Number of tasks merged: every task of the sweep.
        public var taskCount: Int
        /// Number of shard files merged.
        public var shardCount: Int
    }

    /// Checks the shard set in `directory` and writes the outputs into `output` (default: the same folder).
    public static func run(directory: String, output: String? = nil) throws -> Merged {
        let set = try SweepShardSet.open(directory: directory)
        let out = output ?? directory
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            throw OutputError(file: out, message: "cannot create folder: \(FileInput.reason(error))")
        }
        let ctx = set.context
        let files = try outputs.map { (name) throws(OutputError) in try AtomicStream(path: out + "/" + name) }
        let (tasks, bands, communes) = (files[0], files[1], files[2])
        var report = SweepReport(context: ctx, shardCount: set.readers.count)
        let figures = ScenarioFigure.allCases
        try tasks.write("task,scenario,horizon,option,draw,seed," + figures.map(\.rawValue).joined(separator: ",") + ",sites_opened,placement\n")
        try bands.write("scenario,horizon,option,draws,figure,baseline,mean,p5,p50,p95,min,max\n")
        try communes.write("scenario,horizon,option,draws,code,name,departement,population,minutes_baseline,minutes_mean,minutes_p5,minutes_p50,minutes_p95,score_baseline,score_mean,score_p5,score_p50,score_p95,p_below,p_beyond\n")
        for g in ctx.groups {
            let label = [CSVWriter.escape(g.scenario), g.horizon.map(String.init) ?? "", CSVWriter.escape(g.option), String(g.draws)]
                .joined(separator: ",")
            var results: [SweepTaskResult] = []
            results.reserveCapacity(g.draws)
            for d in 0..<g.draws {
                let r = try set.result(g.firstTask + d)
                results.append(r)
                try tasks.write([String(r.task), CSVWriter.escape(g.scenario), g.horizon.map(String.init) ?? "", CSVWriter.escape(g.option),
                                 String(d), String(r.seed)].joined(separator: ",") + ","
                                + r.figures.map(CSVWriter.number).joined(separator: ",") + ","
                                + CSVWriter.escape(r.opened.joined(separator: ";")) + "," + CSVWriter.escape(r.placement) + "\n")
            }
            let baseline = ctx.baselines[g.baseline]
            let drawn = DrawBands(figures: results.map(\.figures), minutes: results.map(\.minutes), scores: results.map(\.scores),
                                  within: results.map(\.within), underServed: ctx.underServed)
            for (f, figure) in figures.enumerated() {
                let b = drawn.figures[f]
                try bands.write(label + "," + figure.rawValue + "," + CSVWriter.number(baseline.figures[f]) + ","
                                + [b.mean, b.p5, b.p50, b.p95, b.min, b.max].map(CSVWriter.number).joined(separator: ",") + "\n")
            }
            let below = drawn.probabilityBelow ?? [Double](repeating: 0, count: ctx.communes.count)
            for (c, commune) in ctx.communes.enumerated() {
                let (minutes, scores) = (drawn.minutes[c], drawn.scores[c])
                var line = label + "," + [commune.code, CSVWriter.escape(commune.name), commune.departement, String(commune.population)]
                    .joined(separator: ",")
                line += "," + ([baseline.minutes[c], minutes.mean, minutes.p5, minutes.p50, minutes.p95,
                                baseline.scores[c], scores.mean, scores.p5, scores.p50, scores.p95].map(CSVWriter.number)
                               + [drawn.probabilityBelow.map { CSVWriter.number($0[c]) } ?? "", CSVWriter.number(drawn.probabilityBeyond[c])])
                    .joined(separator: ",") + "\n"
                try communes.write(line)
            }
            report.add(group: g, bands: drawn.figures, first: results[0], below: below, beyond: drawn.probabilityBeyond)
        }
        for r in set.readers where r.read != r.recordCount {
            throw InputError(file: r.path, message: "damaged shard file: \(r.recordCount - r.read) records were not read")
        }
        let text = report.text()
        try files[3].write(text + "\n")
        for f in files { try f.commit() }
        return Merged(report: text, directory: out, taskCount: ctx.taskCount, shardCount: set.readers.count)
    }
}
