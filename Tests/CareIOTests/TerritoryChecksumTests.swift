import CareKernel
import CareTestSupport
import Testing

@testable import CareIO

/// The territory file keeps its bytes: its checksum is the reference byte-wise FNV-1a (``FNV1a/hash(_:start:)``),
/// checked against the published FNV test vectors and pinned on the file of a small territory that reads back to
/// the same bytes.
struct TerritoryChecksumTests {
    @Test func byteWiseFNV1aGivesTheReferenceValues() {
        #expect(FNV1a.hash([UInt8]()) == 0xCBF2_9CE4_8422_2325)
        #expect(FNV1a.hash(Array("a".utf8)) == 0xAF63_DC4C_8601_EC8C)
        #expect(FNV1a.hash(Array("foobar".utf8)) == 0x8594_4171_F739_67E8)
    }

    @Test func aSmallTerritoryFileKeepsItsBytesAndReadsBackToThem() throws {
        let bytes = TerritoryBinary.encode(try TestTerritory.make())
        #expect(bytes.count == 252)
        let stored = bytes[(bytes.count - 8)...].withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }.littleEndian
        #expect(stored == FNV1a.hash(bytes.dropLast(8)))
        #expect(stored == 15_189_923_642_816_433_306)   // as written before the kernel checksum
        #expect(TerritoryBinary.encode(try TerritoryBinary.decode(bytes, file: "t.catr")) == bytes)
    }
}
