import Testing

import CareKernel

/// The bytes the two binary formats are written with: little-endian integers, LEB128 and zigzag varints,
/// u16- and u32-prefixed strings, zero padding to 8 bytes.
struct BinaryWriterTests {
    @Test func integersAreLittleEndianAndStringsLengthPrefixed() {
        var w = BinaryWriter()
        w.bytes(Array("CA".utf8))
        w.u8(0xFE)
        w.u16(0x0102)
        w.u32(0x0304_0506)
        w.u64(0x0708_090A_0B0C_0D0E)
        w.f64(1)
        #expect(w.data == [0x43, 0x41, 0xFE, 0x02, 0x01, 0x06, 0x05, 0x04, 0x03,
                           0x0E, 0x0D, 0x0C, 0x0B, 0x0A, 0x09, 0x08, 0x07, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F])
        var s = BinaryWriter()
        s.string16("é")
        s.string32("ab")
        #expect(s.data == [2, 0, 0xC3, 0xA9, 2, 0, 0, 0, 0x61, 0x62])
        s.pad8()
        #expect(s.data.count == 16 && s.data[10...].allSatisfy { $0 == 0 })
        var long = BinaryWriter()
        long.string16(String(repeating: "x", count: 70_000))
        #expect(long.data.count == 2 + 65_535 && long.data[0] == 0xFF && long.data[1] == 0xFF)
    }

    @Test func varintsAreLEB128AndZigzag() {
        var w = BinaryWriter()
        w.varint(0)
        w.varint(127)
        w.varint(300)
        w.signedVarint(-1)
        w.signedVarint(1)
        w.signedVarint(-64)
        #expect(w.data == [0x00, 0x7F, 0xAC, 0x02, 0x01, 0x02, 0x7F])
    }
}
