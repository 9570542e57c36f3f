/// Where a Monte-Carlo draw's random numbers come from (a sweep task, a draw of `scenario --draws`): the run's
/// seed and the draw number, never the shard, the thread or the order in which draws run.
///
/// Draw `d` has the seed `mix(mix(sweepSeed) ^ d)`; a `retire` event with an assumed share, whose file seed
/// is `s`, draws in task draw `d` with `mix(drawSeed(d) ^ mix(s))`. Every scenario and option of the same draw
/// thus sees the same random numbers (common random numbers: a difference between two options is their
/// difference, not noise), and two draws never share them.
///
/// ```swift
/// let seed = DrawSeeds.drawSeed(sweepSeed: 2030, draw: 7)
/// let retireSeed = DrawSeeds.eventSeed(drawSeed: seed, fileSeed: 2030)
/// ```
/// Complexity: O(1). The mixer is SplitMix64's finaliser (Steele, Lea & Flood 2014).
public enum DrawSeeds {
    /// SplitMix64's output function: a bijection of 64-bit words that spreads every input bit.
    public static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public static func drawSeed(sweepSeed: UInt64, draw: Int) -> UInt64 {
        mix(mix(sweepSeed) ^ UInt64(draw))
    }

    public static func eventSeed(drawSeed: UInt64, fileSeed: UInt64) -> UInt64 {
        mix(drawSeed ^ mix(fileSeed))
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
