import CareKernel

/// Where a Monte-Carlo draw's random numbers come from (a sweep task, a draw of `scenario --draws`): the run's
/// seed and the draw number, never the shard, the thread or the order in which draws run.
///
/// Draw `d` has the seed `mix(mix(sweepSeed) ^ d)` (``CareKernel/SplitMix64/mix(_:)``); a `retire` event with an assumed share, whose file seed
/// is `s`, draws in task draw `d` with `mix(drawSeed(d) ^ mix(s))`. Every scenario and option of the same draw
/// thus sees the same random numbers (common random numbers: a difference between two options is their
/// difference, not noise), and two draws never share them.
///
/// ```swift
/// let seed = DrawSeeds.drawSeed(sweepSeed: 2030, draw: 7)
/// let retireSeed = DrawSeeds.eventSeed(drawSeed: seed, fileSeed: 2030)
/// ```
/// Complexity: O(1). The mixer is SplitMix64's (Steele, Lea & Flood 2014), ``CareKernel/SplitMix64/mix(_:)``.
public enum DrawSeeds {
    /// The seed of draw `draw` of a run seeded `sweepSeed`.
    public static func drawSeed(sweepSeed: UInt64, draw: Int) -> UInt64 {
        SplitMix64.mix(SplitMix64.mix(sweepSeed) ^ UInt64(draw))
    }

    /// The seed a `retire` event whose file seed is `fileSeed` draws with in the draw seeded `drawSeed`.
    public static func eventSeed(drawSeed: UInt64, fileSeed: UInt64) -> UInt64 {
        SplitMix64.mix(drawSeed ^ SplitMix64.mix(fileSeed))
    }

    /// `scenario` for one task: every year replaced by `horizon` (when the sweep sweeps horizons) and every
    /// retirement with an assumed share reseeded for the draw.
    public static func scenario(_ scenario: Scenario, horizon: Int?, drawSeed: UInt64) -> Scenario {
        var s = scenario
        if let horizon { s.horizon = horizon }
        s.events = scenario.events.map { e in
            var e = e
            if case .horizon = e.action, let horizon {
                e.action = .horizon(horizon)
            } else if case .retire(var r) = e.action, r.share != nil || !r.shares.isEmpty {
                r.seed = eventSeed(drawSeed: drawSeed, fileSeed: r.seed)
                e.action = .retire(r)
            }
            return e
        }
        return s
    }
}
