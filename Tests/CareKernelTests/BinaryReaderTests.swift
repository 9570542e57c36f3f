import Testing

import CareKernel

/// The one binary reader: every read past the end is a typed error at the right offset (never a trap), the
/// magic/version/checksum helpers, and random write/read round trips with the kernel's generator.
struct BinaryReaderTests {
    /// One field of a random record: what was written, so it can be read back and compared.
    enum Field: Equatable {
        case u8(UInt8), u16(UInt16), u32(UInt32), u64(UInt64), i32(Int32), i64(Int64), f64(UInt64)
        case varint(UInt64), signedVarint(Int64), string16(String), string32(String), doubles([UInt64]), ints([Int32]), pad
    }

    static func randomField(_ g: inout SplitMix64) -> Field {
        let v = g.next()
        switch g.next() % 14 {
        case 0: return .u8(UInt8(truncatingIfNeeded: v))
        case 1: return .u16(UInt16(truncatingIfNeeded: v))
        case 2: return .u32(UInt32(truncatingIfNeeded: v))
        case 3: return .u64(v)
        case 4: return .i32(Int32(truncatingIfNeeded: v))
        case 5: return .i64(Int64(bitPattern: v))
        case 6: return .f64(v)   // any bit pattern, NaN payloads included: compared as bits
        case 7: return .varint(v >> (v % 64))
        case 8: return .signedVarint(Int64(bitPattern: v) >> (v % 64))
        case 9: return .string16(String(repeating: "é", count: Int(v % 5)) + "x\(v % 1000)")
        case 10: return .string32(String(v, radix: 36))
        case 11: return .doubles((0..<Int(v % 6)).map { _ in g.next() })
        case 12: return .ints((0..<Int(v % 7)).map { _ in Int32(truncatingIfNeeded: g.next()) })
        default: return .pad
        }
    }

    static func write(_ f: Field, _ w: inout BinaryWriter) {
        switch f {
        case .u8(let v): w.u8(v)
        case .u16(let v): w.u16(v)
        case .u32(let v): w.u32(v)
        case .u64(let v): w.u64(v)
        case .i32(let v): w.integer(v)
        case .i64(let v): w.integer(v)
        case .f64(let bits): w.f64(Double(bitPattern: bits))
        case .varint(let v): w.varint(v)
        case .signedVarint(let v): w.signedVarint(v)
        case .string16(let s): w.string16(s)
        case .string32(let s): w.string32(s)
        case .doubles(let bits): w.u32(UInt32(bits.count)); for b in bits { w.f64(Double(bitPattern: b)) }
        case .ints(let values): w.u32(UInt32(values.count)); for v in values { w.integer(v) }
        case .pad: w.pad8()
        }
    }

    static func read(like f: Field, _ r: inout BinaryReader) throws(BinaryReadError) -> Field {
        switch f {
        case .u8: return .u8(try r.u8())
        case .u16: return .u16(try r.u16())
        case .u32: return .u32(try r.u32())
        case .u64: return .u64(try r.u64())
        case .i32: return .i32(try r.i32())
        case .i64: return .i64(try r.i64())
        case .f64: return .f64(try r.f64().bitPattern)
        case .varint: return .varint(try r.varint())
        case .signedVarint: return .signedVarint(try r.signedVarint())
        case .string16: return .string16(try r.string16())
        case .string32: return .string32(try r.string32())
        case .doubles: return .doubles(try r.array(Int(try r.u32()), of: Double.self).map(\.bitPattern))
        case .ints: return .ints(try r.array(Int(try r.u32()), of: Int32.self))
        case .pad: try r.align8(); return .pad
        }
    }

    @Test func randomRecordsRoundTrip() throws {
        var g = SplitMix64(seed: 13)
        for _ in 0..<300 {
            let fields = (0..<Int(g.next() % 40)).map { _ in Self.randomField(&g) }
            var w = BinaryWriter()
            for f in fields { Self.write(f, &w) }
            w.seal(with: .fnv1a)
            let back = try BinaryReader.reading(w.data) { (r) throws(BinaryReadError) -> [Field] in
                try r.verifyTrailingChecksum(.fnv1a)
                var out: [Field] = []
                for f in fields { out.append(try Self.read(like: f, &r)) }
                #expect(r.remaining == 0)
                return out
            }
            #expect(back == fields)
        }
    }

    @Test func everyReadPastTheEndIsAnErrorAtItsOffset() {
        let bytes: [UInt8] = [1, 2, 3, 4, 5, 6, 7]
        bytes.withUnsafeBytes { raw in
            func failure(at offset: Int, _ read: (inout BinaryReader) throws(BinaryReadError) -> Void) -> BinaryReadError? {
                var r = BinaryReader(raw, offset: offset)
                do throws(BinaryReadError) { try read(&r) } catch { return error }
                return nil
            }
            #expect(failure(at: 7) { (r) throws(BinaryReadError) in _ = try r.u8() } == .truncated(offset: 7, needed: 1, available: 0))
            #expect(failure(at: 6) { (r) throws(BinaryReadError) in _ = try r.u16() } == .truncated(offset: 6, needed: 2, available: 1))
            #expect(failure(at: 4) { (r) throws(BinaryReadError) in _ = try r.u32() } == .truncated(offset: 4, needed: 4, available: 3))
            #expect(failure(at: 0) { (r) throws(BinaryReadError) in _ = try r.u64() } == .truncated(offset: 0, needed: 8, available: 7))
            #expect(failure(at: 1) { (r) throws(BinaryReadError) in _ = try r.f64() } == .truncated(offset: 1, needed: 8, available: 6))
            #expect(failure(at: 3) { (r) throws(BinaryReadError) in _ = try r.i64() } == .truncated(offset: 3, needed: 8, available: 4))
            #expect(failure(at: 5) { (r) throws(BinaryReadError) in _ = try r.i32() } == .truncated(offset: 5, needed: 4, available: 2))
            // A string's length read, then its bytes: the error is at the bytes, after the 2-byte length 0x0201.
            #expect(failure(at: 0) { (r) throws(BinaryReadError) in _ = try r.string16() } == .truncated(offset: 2, needed: 0x0201, available: 5))
            #expect(failure(at: 0) { (r) throws(BinaryReadError) in _ = try r.string32() } == .truncated(offset: 4, needed: 0x0403_0201, available: 3))
            #expect(failure(at: 2) { (r) throws(BinaryReadError) in _ = try r.array(2, of: Int32.self) } == .truncated(offset: 2, needed: 8, available: 5))
            #expect(failure(at: 0) { (r) throws(BinaryReadError) in _ = try r.array(Int.max / 4, of: Double.self) } == .tooLarge(offset: 0, count: Int.max / 4, stride: 8))
            #expect(failure(at: 0) { (r) throws(BinaryReadError) in _ = try r.array(-1, of: UInt8.self) } == .tooLarge(offset: 0, count: -1, stride: 1))
            #expect(failure(at: 1) { (r) throws(BinaryReadError) in try r.align8() } == .truncated(offset: 1, needed: 7, available: 6))
            #expect(failure(at: 0) { (r) throws(BinaryReadError) in _ = try r.skip(-1) } == .truncated(offset: 0, needed: -1, available: 7))
            // A reader whose offset starts beyond its end refuses every read too.
            #expect(failure(at: 9) { (r) throws(BinaryReadError) in _ = try r.u8() } == .truncated(offset: 9, needed: 1, available: -2))
            // A one-byte varint (no continuation bit) reads without error.
            #expect(failure(at: 0) { (r) throws(BinaryReadError) in _ = try r.varint() } == nil)
        }
        let endless = [UInt8](repeating: 0x80, count: 12)
        endless.withUnsafeBytes { raw in
            var r = BinaryReader(raw)
            #expect(throws: BinaryReadError.malformedVarint(offset: 10)) { _ = try r.varint() }
            var short = BinaryReader(raw, end: 4)
            #expect(throws: BinaryReadError.truncated(offset: 4, needed: 1, available: 0)) { _ = try short.varint() }
            #expect(short.end == 4 && short.remaining == 0)
        }
    }

    @Test func magicVersionAndChecksum() throws {
        var w = BinaryWriter()
        w.bytes(Array("CATR".utf8))
        w.u32(2)
        w.u32(0xDEAD_BEEF)
        w.u32(7)   // 16 bytes: whole words, for the four-lane checksum
        for kind in BinaryChecksum.allCases {
            var sealed = w
            sealed.seal(with: kind)
            let good = sealed.data
            let value = try BinaryReader.reading(good) { (r) throws(BinaryReadError) -> UInt32 in
                try r.expectMagic(Array("CATR".utf8), minimumSize: 20)
                #expect(try r.version(supported: [1, 2]) == 2)
                try r.verifyTrailingChecksum(kind)
                #expect(r.end == good.count - 8 && r.offset == 8)
                let v = try r.u32()
                #expect(try r.u32() == 7)
                #expect(throws: BinaryReadError.truncated(offset: 16, needed: 1, available: 0)) { _ = try r.u8() }
                return v
            }
            #expect(value == 0xDEAD_BEEF)
            var flipped = good
            flipped[9] ^= 0x01
            let stored = good[16...].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            #expect(throws: BinaryReadError.checksumMismatch(offset: 16, stored: stored, computed: flipped.withUnsafeBytes { kind.value(of: UnsafeRawBufferPointer(rebasing: $0[..<16])) })) {
                try BinaryReader.reading(flipped) { (r) throws(BinaryReadError) in try r.verifyTrailingChecksum(kind) }
            }
            #expect(kind.resealed(flipped) != flipped)
            #expect(try BinaryReader.reading(kind.resealed(flipped)) { (r) throws(BinaryReadError) in try r.verifyTrailingChecksum(kind) } == ())
        }
        // The two variants are different functions; the four-lane one needs whole words.
        let twelve = Array(w.data[..<12])
        #expect(twelve.withUnsafeBytes { BinaryChecksum.fnv1a.value(of: $0) } == FNV1a.hash(twelve))
        #expect(twelve.withUnsafeBytes { BinaryChecksum.fnv1a.value(of: $0) != BinaryChecksum.fourLanes.value(of: $0) })
        #expect(throws: BinaryReadError.notWholeWords(length: 13)) {
            try BinaryReader.reading(twelve + [0]) { (r) throws(BinaryReadError) in try r.verifyTrailingChecksum(.fourLanes) }
        }
        #expect(throws: BinaryReadError.badMagic(expected: Array("CARN".utf8))) {
            try BinaryReader.reading(w.data) { (r) throws(BinaryReadError) in try r.expectMagic(Array("CARN".utf8)) }
        }
        #expect(throws: BinaryReadError.badMagic(expected: Array("CATR".utf8))) {
            try BinaryReader.reading(w.data) { (r) throws(BinaryReadError) in try r.expectMagic(Array("CATR".utf8), minimumSize: 20) }
        }
        #expect(throws: BinaryReadError.badMagic(expected: Array("CATR".utf8))) {
            try BinaryReader.reading([0x43]) { (r) throws(BinaryReadError) in try r.expectMagic(Array("CATR".utf8)) }
        }
        #expect(throws: BinaryReadError.unsupportedVersion(offset: 4, found: 2, supported: [3])) {
            try BinaryReader.reading(w.data) { (r) throws(BinaryReadError) in
                try r.expectMagic(Array("CATR".utf8))
                _ = try r.version(supported: [3])
            }
        }
        #expect(throws: BinaryReadError.truncated(offset: 0, needed: 8, available: 3)) {
            try BinaryReader.reading([1, 2, 3]) { (r) throws(BinaryReadError) in try r.verifyTrailingChecksum(.fnv1a) }
        }
    }

    @Test func errorsDescribeThemselvesOnOneLineWithTheOffset() {
        #expect(BinaryReadError.truncated(offset: 12, needed: 8, available: 3).description == "byte 12: needed 8 bytes, 3 left")
        #expect(BinaryReadError.malformedVarint(offset: 40).offset == 40)
        #expect(BinaryReadError.badMagic(expected: Array("CATR".utf8)).description == "byte 0: bad magic (expected 'CATR')")
    }
}
