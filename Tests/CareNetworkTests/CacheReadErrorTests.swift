import CareKernel
import Testing

@testable import CareNetwork

/// The cache read through the kernel's BinaryReader: a truncated cache (resealed, so that only the field reads
/// can notice) names the file, the byte and the field; a corrupt one fails its checksum.
struct CacheReadErrorTests {
    @Test func truncatedCacheNamesTheField() throws {
        let bytes = CacheValidationTests.graph.cacheBytes()
        let source = CacheValidationTests.graph.report.source.utf8.count
        try #require(source > 8)
        // Header, counts and the source's length (32 bytes), 8 of its bytes, then the checksum.
        let cut = RoadGraph.resealedCache(Array(bytes[..<40]) + [UInt8](repeating: 0, count: 8))
        #expect(throws: NetworkError(file: "x.carn", location: "byte 32", message: "truncated in field 'report source': needed \(source) bytes, 8 left")) {
            _ = try RoadGraph.decodeCache(cut, file: "x.carn")
        }
        // Cut at every word and resealed: a one-line NetworkError naming the file, never a trap.
        for end in stride(from: 40, to: bytes.count - 8, by: 8 * 97) {
            let crafted = RoadGraph.resealedCache(Array(bytes[..<end]) + [UInt8](repeating: 0, count: 8))
            do {
                _ = try RoadGraph.decodeCache(crafted, file: "x.carn")
                Issue.record("a cache cut at byte \(end) was read")
            } catch {
                #expect(error.file == "x.carn" && !error.description.contains("\n"))
            }
        }
        #expect(throws: NetworkError(file: "x.carn", message: "checksum mismatch: the cache is truncated or corrupt (\(bytes.count - 3) bytes, not a multiple of 8)")) {
            _ = try RoadGraph.decodeCache(Array(bytes.dropLast(3)), file: "x.carn")
        }
    }
}
