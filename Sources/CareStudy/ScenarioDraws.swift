import CareIO
import CareModel
import Foundation

/// A scenario evaluated over many Monte-Carlo draws of its assumed retirements (`careaccess scenario --draws`):
/// the bands of every summary figure and of every commune's minutes and score, and the probability that a
/// commune falls below the under-served mark or beyond the threshold.
///
/// Retirements with an assumed `share` are random: one draw is one possible outcome, not the expected one.
/// Draw `d` reseeds every such event from the run's `seed` and `d` alone (``DrawSeeds``, the rule a sweep
/// uses), so the bands do not depend on the number of threads or on the order in which draws finish, and
/// `scenario --draws N --seed S` gives the bands of a one-scenario sweep with `draws: N` and `seed: S`. The
/// baseline is evaluated once; each draw is one scenario application and one evaluation (coverage and the
/// indicator) of its supply, with each site's catchment searched once across draws (``CatchmentMemo``).
///
/// ```swift
/// let d = try ScenarioDraws.run(path: "Fixtures/scenarios/creuse-medecins-solidaires.yaml", draws: 200, seed: 1)
/// print(d.bands(of: .populationBelow).p95)
/// ```
/// Complexity: draws × (one evaluation of the studied communes); memory O(draws × communes) (bounded by
/// ``maximumValues``).
public struct ScenarioDraws: Sendable {
    /// Draw 0 as a one-draw run: the baseline, the parameters, the events' log and notes of one draw.
    public var first: ScenarioRun
    /// The seed the draws derive from.
    public var seed: UInt64
    /// Each draw's seed (``DrawSeeds/drawSeed(sweepSeed:draw:)``), in draw order.
    public var drawSeeds: [UInt64]
    /// Each draw's summary figures (``ScenarioFigure/allCases`` order), in draw order.
    public var figures: [[Double]]
    /// Baseline values of the figures that have one (NaN otherwise).
    public var baselineFigures: [Double]
    /// Bands across the draws, per figure and per studied commune (``ScenarioComparison/rows`` order).
    public var bands: DrawBands
    /// Worker threads used (each draw runs on one).
    public var threads: Int

    /// Draws when `--draws` is not given and the scenario has a random event: enough for 5th/95th
    /// percentiles that move by a few per cent between seeds.
    public static let defaultDraws = 200
    /// The most draws of one run (a sweep takes more, sharded).
    public static let maximumDraws = 100_000
    /// The most draws × studied communes kept in memory (two doubles and a flag each: about 680 MB).
    public static let maximumValues = 40_000_000

    /// The bands of one summary figure across the draws.
    public func bands(of figure: ScenarioFigure) -> Bands {
        bands.figures[ScenarioFigure.allCases.firstIndex(of: figure) ?? 0]
    }

    /// The baseline value of one figure (NaN for a change such as "newly within").
    public func baseline(of figure: ScenarioFigure) -> Double {
        baselineFigures[ScenarioFigure.allCases.firstIndex(of: figure) ?? 0]
    }

    /// Whether `scenario` has an event drawn at random (a retirement with an assumed share).
    public static func isRandom(_ scenario: Scenario) -> Bool {
        scenario.events.contains { e in
            if case .retire(let r) = e.action { return r.share != nil || !r.shares.isEmpty }
            return false
        }
    }

    /// Loads the scenario file at `path` and runs `draws` draws from `seed` on `threads` threads (default: all
    /// cores).
    /// - Throws: ``InputError`` naming the file, line and key (also for a draw whose events fail), ``ModelError``.
    public static func run(path: String, draws: Int, seed: UInt64, threads: Int? = nil,
                           progress: any ProgressReporter = SilentProgress()) throws -> ScenarioDraws {
        try run(file: ScenarioFile.load(path: path), path: path, draws: draws, seed: seed, threads: threads, progress: progress)
    }

    /// Runs `draws` draws of an already read scenario `file` (read from `path`): loads its baseline study and
    /// travel model, then evaluates the draws.
    public static func run(file: ScenarioFile, path: String, draws: Int, seed: UInt64, threads: Int? = nil,
                           progress: any ProgressReporter = SilentProgress()) throws -> ScenarioDraws {
        let loaded = try file.baseline.study()
        let threads = max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount)
        try check(draws: draws, communes: loaded.demand.count, file: path)
        var travel = file.baseline.travel
        // Several draws at once: one thread each; one at a time: every thread for the travel model.
        if threads > 1 { travel.threads = 1 }
        let (built, notes) = try travel.make(for: loaded, progress: progress)
        let model = CatchmentMemo(model: built)
        let study = try file.baseline.handlingSupplyGaps(loaded, model: model)
        return try run(file: file, study: study, path: path, model: model, draws: draws, seed: seed,
                       threads: threads, travelNotes: notes, progress: progress)
    }

    /// How many draws a run makes: `requested` (1…``maximumDraws``), else ``defaultDraws`` when `scenario` has
    /// an event drawn at random and 1 otherwise. A scenario with nothing random is evaluated once whatever was
    /// asked, with a note saying so.
    public static func drawCount(requested: Int?, scenario: Scenario) throws(InputError) -> (draws: Int, note: String?) {
        if let requested, !(1...maximumDraws).contains(requested) {
            throw InputError(file: "--draws", message: "\(requested) is not in 1…\(maximumDraws.grouped)")
        }
        guard isRandom(scenario) else {
            return (1, (requested ?? 1) > 1 ? "--draws \(requested ?? 1): the scenario has no event drawn at random (no retirement with an assumed share), so it is evaluated once" : nil)
        }
        return (requested ?? defaultDraws, nil)
    }

    /// `draws` must lie in 2…``maximumDraws`` and draws × `communes` within ``maximumValues``.
    public static func check(draws: Int, communes: Int, file: String = "--draws") throws(InputError) {
        guard (2...maximumDraws).contains(draws) else {
            throw InputError(file: "--draws", message: "\(draws) is not in 2…\(maximumDraws.grouped) (--draws 1 runs the file's own seed once)")
        }
        guard draws <= maximumValues / max(1, communes) else {
            throw InputError(file: "--draws", message: "\(draws.grouped) draws × \(communes.grouped) communes exceed \(maximumValues.grouped) values held in memory: at most \((maximumValues / max(1, communes)).grouped) draws here; use `careaccess sweep` (sharded) for more")
        }
    }

    /// Runs the draws of `file`'s scenario on an already loaded study and model (wrap a model in
    /// ``CatchmentMemo`` so that catchments are searched once).
    public static func run(file: ScenarioFile, study: Study, path: String, model: any TravelTimeModel, draws: Int, seed: UInt64,
                           threads: Int, travelNotes: [Diagnostic] = [], progress: any ProgressReporter = SilentProgress()) throws -> ScenarioDraws {
        try check(draws: draws, communes: study.demand.count, file: path)
        let evaluation = try file.baseline.evaluation(horizon: file.scenario.horizon)
        let before = try evaluation.evaluate(territory: study.territory, communes: study.demand, sites: study.supply.sites, model: model)
        let seeds = (0..<draws).map { DrawSeeds.drawSeed(sweepSeed: seed, draw: $0) }
        let threads = max(1, min(threads, draws))
        progress.begin(total: draws, label: "scenario draws")
        defer { progress.end() }

        @Sendable func draw(_ d: Int) throws -> ScenarioRun {
            var drawn = file
            drawn.scenario = DrawSeeds.scenario(file.scenario, horizon: nil, drawSeed: seeds[d])
            let outcome: Scenario.Outcome
            do {
                outcome = try drawn.scenario.apply(to: study.supply.sites, territory: study.territory)
            } catch {
                throw InputError(file: path, line: error.line, field: error.key, message: "draw \(d) (seed \(seeds[d])): \(error.message)")
            }
            let after = try evaluation.evaluate(territory: study.territory, communes: study.demand, sites: outcome.sites, model: model)
            let comparison = evaluation.compare(territory: study.territory, communes: study.demand, before: before, after: after)
            return ScenarioRun(file: drawn, study: study, outcome: outcome, comparison: comparison, travelNotes: travelNotes)
        }

        // Draw 0 is kept whole; the others give their figures and per-commune values, in draw order.
        var firstRun: ScenarioRun?
        var figures = [[Double]](repeating: [], count: draws)
        var minutes = [[Double]](repeating: [], count: draws), scores = minutes
        var within = [[Bool]](repeating: [], count: draws)
        let slots = ResultSlots<ScenarioRun>(count: draws, what: "scenario draw")
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            var d = worker
            while d < draws {
                slots.set(d, Result { try draw(d) })
                progress.advance(by: 1)
                d += threads
            }
        }
        for d in 0..<draws {
            // The lowest failing draw decides the error, whatever the timing.
            let run = try slots.take(d).get()
            if d == 0 { firstRun = run }
            figures[d] = ScenarioFigure.allCases.map { $0.after(run.comparison.summary) }
            minutes[d] = run.comparison.rows.map(\.minutesAfter)
            scores[d] = run.comparison.rows.map(\.scoreAfter)
            within[d] = run.comparison.rows.map(\.withinAfter)
        }
        guard let firstRun else { throw InputError(file: "--draws", message: "no draw ran") }
        let bands = DrawBands(figures: figures, minutes: minutes, scores: scores, within: within,
                              underServed: firstRun.comparison.summary.underServed)
        return ScenarioDraws(first: firstRun, seed: seed, drawSeeds: seeds, figures: figures,
                             baselineFigures: ScenarioFigure.allCases.map { $0.before(firstRun.comparison.summary) ?? .nan },
                             bands: bands, threads: threads)
    }
}
