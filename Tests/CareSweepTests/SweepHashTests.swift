import CareKernel
import Testing

@testable import CareSweep

/// The sweep hash keeps its values (spec hashes and shard checksums in files already written depend on them):
/// FNV-1a over 64-bit words (``FNV1a/hashWords(_:start:)``) with a SplitMix64 mix per value, pinned here.
struct SweepHashTests {
    @Test func wordWiseFNV1aOfAKnownInput() {
        let bytes: [UInt8] = (0..<13).map { UInt8($0) }   // one whole word and a zero-padded tail
        #expect(bytes.withUnsafeBytes { FNV1a.hashWords($0) } == 1_545_446_883_609_510_997)
        #expect([UInt8]().withUnsafeBytes { FNV1a.hashWords($0) } == FNV1a.offsetBasis)
    }

    @Test func sweepHashOfKnownValues() {
        var h = SweepHash()
        #expect(h.hex == "cbf29ce484222325")
        h.add("territory.catr")
        h.add(UInt64(42))
        h.add(1.5)
        h.add((0..<13).map { UInt8($0) })
        #expect(h.hex == "23a0deaf06a68676")   // as computed before the kernel checksum
        // A collection without contiguous storage hashes as the same bytes in an array.
        var fromRange = SweepHash(), fromArray = SweepHash()
        fromRange.add(UInt8(0)..<UInt8(13))
        fromArray.add((0..<13).map { UInt8($0) })
        #expect(fromRange == fromArray)
    }
}
