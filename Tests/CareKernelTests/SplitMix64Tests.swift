import Testing

import CareKernel

/// The kernel's generator is SplitMix64 to the bit: the published reference outputs (Vigna's splitmix64.c;
/// Rosetta Code, "Pseudo-random numbers/Splitmix64", for seed 1234567), so that every sequence the project
/// drew before the copies were merged is drawn again.
@Suite("SplitMix64 reference outputs")
struct SplitMix64Tests {
    @Test func seedZeroGivesTheReferenceOutputs() {
        var rng = SplitMix64(seed: 0)
        #expect([rng.next(), rng.next(), rng.next()] == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
    }

    @Test func seed1234567GivesTheReferenceOutputs() {
        var rng = SplitMix64(seed: 1_234_567)
        let expected: [UInt64] = [
            6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
            4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
        ]
        #expect((0..<5).map { _ in rng.next() } == expected)
    }

    @Test func mixIsTheFirstOutputAndUnitTheTop53Bits() {
        for seed: UInt64 in [0, 1, 1_234_567, .max] {
            var rng = SplitMix64(seed: seed)
            let first = rng.next()
            #expect(SplitMix64.mix(seed) == first)
            #expect(SplitMix64.finalise(seed &+ SplitMix64.gamma) == first)
            var again = SplitMix64(seed: seed)
            #expect(again.unit() == Double(first >> 11) * 0x1p-53)
        }
        var zero = SplitMix64(seed: 0)
        #expect(zero.unit() == Double(UInt64(0xE220_A839_7B1D_CDAF) >> 11) / 9_007_199_254_740_992)
    }
}
