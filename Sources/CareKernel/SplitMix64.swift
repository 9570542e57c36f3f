/// SplitMix64 (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number generators", OOPSLA 2014):
/// the project's one seeded generator, for samples, synthetic data, assumed retirements, pivot choice and
/// property tests. The state advances by the golden-ratio increment ``gamma`` and each output is the state
/// through the finaliser ``finalise(_:)``; the same seed gives the same sequence on every run and machine.
/// Not cryptographic.
///
/// ```swift
/// var rng = SplitMix64(seed: 0)
/// rng.next()   // 0xE220A8397B1DCDAF
/// rng.unit()   // uniform in [0, 1)
/// SplitMix64.mix(42) == SplitMix64(seed: 42).next()   // true
/// ```
/// Complexity: O(1) per value.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    /// The increment of the state per value: 2⁶⁴ divided by the golden ratio, made odd.
    public static let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The state: the seed plus ``gamma`` per value drawn so far (the next value is `finalise(state &+ gamma)`).
    public var state: UInt64

    /// A generator whose first value is `mix(seed)`.
    @inlinable public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    @inlinable public mutating func next() -> UInt64 {
        state &+= Self.gamma
        return Self.finalise(state)
    }

    /// Uniform in [0, 1): the top 53 bits of ``next()`` times 2⁻⁵³ (exact).
    @inlinable public mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// SplitMix64's output function (a variant of Stafford's Mix13): a bijection of 64-bit words that spreads
    /// every input bit, for hashing.
    @inlinable public static func finalise(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The first value of a generator seeded with `x`, `finalise(x &+ gamma)`: the mixer of seeds and hashes.
    @inlinable public static func mix(_ x: UInt64) -> UInt64 { finalise(x &+ gamma) }
}
