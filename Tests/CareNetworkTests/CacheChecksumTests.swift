import CareKernel
import Testing
@testable import CareNetwork

/// The road-graph cache keeps its bytes: its checksum is the kernel's 4-lane FNV-1a (``FNV1a/FourLanes``), pinned
/// on a known input and on the cache of a small synthetic graph, and a cache reads back to the graph it was written from.
@Suite("Network cache: checksum and bytes pinned")
struct CacheChecksumTests {
    /// Eight words 0x0706050403020100, 0x0F0E…08, … (bytes 0…63).
    static let words: [UInt8] = (0..<64).map { UInt8($0) }

    @Test func fourLaneChecksumOfAKnownInput() {
        var whole = FNV1a.FourLanes()
        Self.words.withUnsafeBytes { whole.add($0) }
        #expect(whole.value == 5_487_638_303_441_136_472)
        // The lane rotation continues across calls: 3 words then 5 give the same value as 8 at once.
        var split = FNV1a.FourLanes()
        Self.words.withUnsafeBytes {
            split.add(UnsafeRawBufferPointer(rebasing: $0[..<24]))
            split.add(UnsafeRawBufferPointer(rebasing: $0[24...]))
        }
        #expect(split.value == whole.value)
        #expect(FNV1a.FourLanes().value == 9_694_013_469_072_202_264)
    }

    @Test func aSmallCacheKeepsItsBytesAndReadsBack() throws {
        // SYNTHETIC grid, 3 × 3.
        let bytes = try RoadGraph.synthetic(side: 3, seed: 1).cacheBytes()
        #expect(bytes.count == 2_240)
        let stored = bytes[(bytes.count - 8)...].withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
        #expect(stored == 15_435_249_826_734_540_644)
        #expect(FNV1a.hash(bytes) == 9_146_423_432_279_887_910)   // the whole file, as written before the kernel checksum
        let back = try RoadGraph.decodeCache(bytes, file: "g.carn")
        let graph = try RoadGraph.synthetic(side: 3, seed: 1)
        #expect(back.offsets == graph.offsets && back.targets == graph.targets && back.minutes == graph.minutes)
        #expect(back.xs == graph.xs && back.ys == graph.ys && back.metres == graph.metres)
    }
}
