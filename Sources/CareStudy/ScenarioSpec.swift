import CareIO
import CareKernel
import CareModel

/// `careaccess scenario` as a function of its spec: a scenario file (its baseline a ``StudySpec``, its events and
/// horizon year), how many Monte-Carlo draws of its random events to run, the seed they derive from, and the
/// worker threads. ``load()`` reads the file and settles the number of draws; ``run(_:progress:)`` runs it once
/// (``ScenarioRun``) or as draws (``ScenarioDraws``).
///
/// ```swift
/// var spec = ScenarioSpec(path: "Fixtures/scenarios/creuse-medecins-solidaires.yaml")
/// spec.draws = 200
/// let loaded = try spec.load()
/// if case .draws(let d) = try spec.run(loaded) { print(d.figures.count) }
/// ```
public struct ScenarioSpec: Sendable, Hashable, Codable {
    /// The scenario file (YAML or JSON, ``ScenarioFile``).
    public var path: String
    /// Draws of the retirements with an assumed share, 1…``ScenarioDraws/maximumDraws``; `nil`:
    /// ``ScenarioDraws/defaultDraws`` when the scenario has such an event, else 1.
    public var draws: Int?
    /// The seed every draw's seed derives from (each draw from the seed and its number alone, ``CareModel/DrawSeeds``).
    public var seed = StudyDefaults.drawSeed
    /// Worker threads, 1–256 (`nil`: all cores); the results do not depend on it.
    public var threads: Int?

    /// The scenario at `path`, drawn as its events say, on all cores.
    public init(path: String) {
        self.path = path
    }

    /// The scenario file as read, the number of draws settled, and a note when more were asked than a scenario
    /// with nothing random can use.
    public struct Loaded: Sendable {
        /// The scenario file.
        public var file: ScenarioFile
        /// The number of draws to run (1: the file's own seeds, once).
        public var draws: Int
        /// Why fewer draws run than asked, if so.
        public var note: String?
    }

    /// The outcome of a run: one evaluation, or the bands across the draws.
    public enum Outcome: Sendable {
        case single(ScenarioRun)
        case draws(ScenarioDraws)
    }

    /// Reads the file and settles the number of draws; threads out of range are refused first.
    public func load() throws -> Loaded {
        _ = try PlausibleRange.checkThreads(threads)
        let file = try ScenarioFile.load(path: path)
        let (count, note) = try ScenarioDraws.drawCount(requested: draws, scenario: file.scenario)
        return Loaded(file: file, draws: count, note: note)
    }

    /// Runs a loaded scenario once or as draws; `progress` is told of network searches.
    public func run(_ loaded: Loaded, progress: any ProgressReporter = SilentProgress()) throws -> Outcome {
        if loaded.draws > 1 {
            return .draws(try ScenarioDraws.run(file: loaded.file, path: path, draws: loaded.draws, seed: seed,
                                                threads: threads, progress: progress))
        }
        return .single(try ScenarioRun.run(file: loaded.file, path: path, threads: threads, progress: progress))
    }
}
