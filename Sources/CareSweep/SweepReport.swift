import CareModel
import Foundation

/// The text report of a merged sweep: what was swept and on which model and data, then for each scenario ×
/// horizon × option the baseline value, mean and 5th/50th/95th percentiles of every summary figure across its
/// draws, the communes most often under-served, and the notes (the first draw's assumptions).
struct SweepReport {
    let context: SweepContext
    let shardCount: Int
    private var sections: [String] = []
    private var groupNotes: [String] = []

    init(context: SweepContext, shardCount: Int) {
        self.context = context
        self.shardCount = shardCount
    }

    mutating func add(group g: SweepContext.Group, bands: [Bands], first: SweepTaskResult, below: [Double], beyond: [Double]) {
        let ctx = context
        var lines = ["== \(g.scenario)" + (g.horizon.map { " · horizon \($0)" } ?? "") + " · \(g.option) — "
                     + (g.draws == 1 ? "1 draw" : "\(g.draws.grouped) draws")]
        let header = "".padding(toLength: 34, withPad: " ", startingAt: 0)
            + ["baseline", "mean", "p5", "p50", "p95"].map { $0.leftPadded(12) }.joined()
        lines.append(header)
        for (f, figure) in ScenarioFigure.allCases.enumerated() where !(figure.needsMark && ctx.underServed == nil) {
            let before = ctx.baselines[g.baseline].figures[f]
            let b = bands[f]
            lines.append(figure.label(threshold: ctx.threshold, underServed: ctx.underServed, indicator: ctx.indicator)
                .padding(toLength: 34, withPad: " ", startingAt: 0)
                + ([before.isNaN ? "" : figure.text(before)] + [b.mean, b.p5, b.p50, b.p95].map(figure.text))
                .map { $0.leftPadded(12) }.joined())
        }
        if !first.opened.isEmpty {
            lines.append("Sites opened\(g.draws > 1 ? " (draw 0)" : ""): \(first.opened.joined(separator: ", "))")
        }
        if !first.placement.isEmpty { lines.append("Placement\(g.draws > 1 ? " (draw 0)" : ""): \(first.placement)") }
        if let u = ctx.underServed {
            let often = ctx.communes.indices.filter { below[$0] >= 0.5 && ctx.baselines[g.baseline].scores[$0] >= u }
            lines.append("Communes not below \(u.compactText) at baseline but below in ≥ 50 % of draws: \(often.count)"
                         + (often.isEmpty ? "" : " — " + Self.top(often, by: below, ctx: ctx)))
        }
        let newlyBeyond = ctx.communes.indices.filter { beyond[$0] >= 0.5 && ctx.baselines[g.baseline].within[$0] }
        if !newlyBeyond.isEmpty {
            lines.append("Communes within \(ctx.threshold.compactText) min at baseline but beyond in ≥ 50 % of draws: \(newlyBeyond.count) — "
                         + Self.top(newlyBeyond, by: beyond, ctx: ctx))
        }
        sections.append(lines.joined(separator: "\n"))
        for n in first.notes where !groupNotes.contains(n) { groupNotes.append(n) }
    }

    /// Up to five communes, highest probability first (then by code), with their probability.
    static func top(_ communes: [Int], by p: [Double], ctx: SweepContext) -> String {
        communes.sorted { (p[$0], ctx.communes[$1].code) > (p[$1], ctx.communes[$0].code) }.prefix(5)
            .map { "\(ctx.communes[$0].name) (\(ctx.communes[$0].code)) \(Int((p[$0] * 100).rounded())) %" }
            .joined(separator: "; ")
    }

    func text() -> String {
        let ctx = context
        let scenarios = Set(ctx.groups.map(\.scenario)).count, options = Set(ctx.groups.map(\.option)).count
        let horizons = ctx.horizons.isEmpty ? "(each at its own horizon)"
            : "× \(ctx.horizons.count) horizon\(ctx.horizons.count > 1 ? "s" : "") (\(ctx.horizons.map(String.init).joined(separator: ", ")))"
        var lines = ["CareAccess sweep — \(ctx.name)"]
        lines.append("\(ctx.taskCount.grouped) tasks: \(scenarios) scenario\(scenarios > 1 ? "s" : "") \(horizons) × \(options) option\(options > 1 ? "s" : "") × up to \(ctx.draws.grouped) draw\(ctx.draws > 1 ? "s" : "") (seed \(ctx.seed)); spec hash \(ctx.specHash), \(SweepEngine.engineVersion)")
        lines.append(contentsOf: ctx.description)
        lines.append("Indicator: \(ctx.indicator) (\(ctx.unit))")
        lines.append("Bands: mean and 5th, 50th and 95th percentiles across the draws (linear between order statistics, R type 7); per commune in communes.csv, per task in tasks.csv.")
        lines.append("")
        lines.append(sections.joined(separator: "\n\n"))
        lines.append("")
        lines.append(contentsOf: ctx.notes.map { "Note: " + $0 })
        lines.append(contentsOf: groupNotes.map { "Note (first draw): " + $0 })
        lines.append("Note: retirements with an assumed share are random draws under an assumption, not data; each draw reseeds them from the sweep seed (tasks.csv: seed), the same draw for every scenario and option. With few draws the 5th and 95th percentiles are rough (at 20 draws they are close to the extremes).")
        return lines.joined(separator: "\n")
    }
}
