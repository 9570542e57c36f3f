import CareModel
import CareIO
import CareReport
import CareStudy

/// What one task gives: its summary figures (in ``ScenarioFigure/allCases`` order) and, per studied commune, the
/// minutes to the nearest GP, the indicator and the within-threshold flag after its events.
public struct SweepTaskResult: Sendable, Hashable {
    public var task: Int
    public var seed: UInt64
    public var figures: [Double]
    public var minutes: [Double]
    public var scores: [Double]
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
