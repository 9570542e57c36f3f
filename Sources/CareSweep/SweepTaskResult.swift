import CareModel
import CareIO
import CareReport
import CareStudy

/// What one task gives: its summary figures (in ``ScenarioFigure/allCases`` order) and, per studied commune, the
/// minutes to the nearest GP, the indicator and the within-threshold flag after its events.
public struct SweepTaskResult: Sendable, Hashable {
    /// The task's number in the sweep (``SweepTask/index``).
    public var task: Int
    /// The task's draw seed (``SweepTask/seed``), as `tasks.csv` lists it.
    public var seed: UInt64
    /// The summary figures after the task's events, in ``CareModel/ScenarioFigure/allCases`` order.
    public var figures: [Double]
    /// Minutes from each studied commune to its nearest GP after the events (`+infinity` when none is reachable),
    /// in ``SweepContext/communes`` order.
    public var minutes: [Double]
    /// The indicator's value for each studied commune after the events, in ``SweepContext/unit``.
    public var scores: [Double]
    /// Whether each studied commune is within ``SweepContext/threshold`` minutes of a GP after the events.
    public var within: [Bool]
    /// Commune codes (or ids) of the sites the task opened, in order.
    public var opened: [String]
    /// How a placement option chose its sites, empty otherwise.
    public var placement: String
    /// The task's assumptions (retirement shares and their seed, rotating posts, intern posts).
    public var notes: [String]

    func encode(into w: inout SweepBinaryWriter) {
        w.int(task)
        w.u64(seed)
        w.doubles(figures)
        w.doubles(minutes)
        w.doubles(scores)
        w.bools(within)
        w.strings(opened)
        w.string(placement)
        w.strings(notes)
    }

    static func decode(_ r: inout SweepBinaryReader, communes: Int) throws(InputError) -> SweepTaskResult {
        let result = SweepTaskResult(task: try r.int(), seed: try r.u64(), figures: try r.doubles(), minutes: try r.doubles(),
                                     scores: try r.doubles(), within: try r.bools(), opened: try r.strings(),
                                     placement: try r.string(), notes: try r.strings())
        guard result.figures.count == ScenarioFigure.allCases.count, result.minutes.count == communes,
              result.scores.count == communes, result.within.count == communes else {
            throw r.damaged("task \(result.task) has \(result.minutes.count) communes and \(result.figures.count) figures, expected \(communes) and \(ScenarioFigure.allCases.count)")
        }
        return result
    }
}
