/// A bounds-checked little-endian cursor over the bytes of a binary file format, the reading side of
/// ``BinaryWriter``: the reader of the territory file (`.catr`) and of the memory-mapped road-graph cache
/// (`.carn`). Every read past ``end`` throws a ``BinaryReadError`` with the offset and what was needed; none
/// traps. Each format maps the error to its own message naming the file and the field.
///
/// The reader does not own its bytes: it is valid only inside the `withUnsafeBytes` (or mapping) that gave them.
///
/// ```swift
/// try bytes.withUnsafeBytes { raw throws(BinaryReadError) in
///     var r = BinaryReader(raw)
///     try r.expectMagic(Array("CATR".utf8))
///     let version = try r.version(supported: [1, 2])
///     let name = try r.string16()
/// }
/// ```
/// Complexity: O(1) per scalar; O(n) per array or string, one bulk copy.
public struct BinaryReader {
    /// The bytes read.
    public let bytes: UnsafeRawBufferPointer
    /// Reads stop here: the byte count, or where a trailing checksum starts (``verifyTrailingChecksum(_:)``).
    public private(set) var end: Int
    /// The next byte to read.
    public var offset: Int

    /// A reader of `bytes` from `offset` to `end` (the whole buffer by default).
    public init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.end = Swift.max(0, Swift.min(end ?? bytes.count, bytes.count))
        self.offset = offset
    }

    /// Bytes left before ``end``.
    @inlinable public var remaining: Int { end - offset }

    /// Moves past `count` bytes and returns the offset they start at.
    @inlinable public mutating func skip(_ count: Int) throws(BinaryReadError) -> Int {
        guard count >= 0, count <= end - offset else {
            throw .truncated(offset: offset, needed: count, available: end - offset)
        }
        defer { offset += count }
        return offset
    }

    /// The next `count` bytes, a view into ``bytes``.
    @inlinable public mutating func bytes(_ count: Int) throws(BinaryReadError) -> UnsafeRawBufferPointer {
        let at = try skip(count)
        return UnsafeRawBufferPointer(rebasing: bytes[at..<(at + count)])
    }

    /// One value stored little-endian.
    @inlinable public mutating func read<T: BinaryScalar>(_: T.Type = T.self) throws(BinaryReadError) -> T {
        let at = try skip(MemoryLayout<T>.size)
        return T.fromLittleEndian(bytes.loadUnaligned(fromByteOffset: at, as: T.self))
    }

    /// One byte.
    @inlinable public mutating func u8() throws(BinaryReadError) -> UInt8 { try read() }
    /// 2 bytes little-endian.
    @inlinable public mutating func u16() throws(BinaryReadError) -> UInt16 { try read() }
    /// 4 bytes little-endian.
    @inlinable public mutating func u32() throws(BinaryReadError) -> UInt32 { try read() }
    /// 8 bytes little-endian.
    @inlinable public mutating func u64() throws(BinaryReadError) -> UInt64 { try read() }
    /// 4 bytes little-endian, two's complement.
    @inlinable public mutating func i32() throws(BinaryReadError) -> Int32 { try read() }
    /// 8 bytes little-endian, two's complement.
    @inlinable public mutating func i64() throws(BinaryReadError) -> Int64 { try read() }
    /// The IEEE 754 bits, 8 bytes little-endian.
    @inlinable public mutating func f64() throws(BinaryReadError) -> Double { try read() }

    /// The bytes of `count` elements of `T`, checked against the end (and the size against overflow) before
    /// anything is read or allocated: a count larger than the file is an error, not an allocation.
    @inlinable public mutating func region<T: BinaryScalar>(_ count: Int, of _: T.Type) throws(BinaryReadError) -> UnsafeRawBufferPointer {
        let (size, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<T>.stride)
        guard !overflow, count >= 0 else { throw .tooLarge(offset: offset, count: count, stride: MemoryLayout<T>.stride) }
        return try bytes(size)
    }

    /// `count` values stored little-endian one after the other, copied out in one piece.
    public mutating func array<T: BinaryScalar>(_ count: Int, of type: T.Type = T.self) throws(BinaryReadError) -> [T] {
        let source = try region(count, of: type)
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress, count > 0 {
                UnsafeMutableRawPointer(base).copyMemory(from: source.baseAddress ?? UnsafeRawPointer(base), byteCount: source.count)
                #if _endian(big)
                for i in 0..<count { buffer[i] = T.fromLittleEndian(buffer[i]) }
                #endif
            }
            initialized = count
        }
    }

    /// A LEB128 unsigned varint (``BinaryWriter/varint(_:)``); more than ten bytes is an error at the eleventh.
    @inlinable public mutating func varint() throws(BinaryReadError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let start = offset
            let b = try u8()
            guard shift < 64 else { throw .malformedVarint(offset: start) }
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return value }
            shift += 7
        }
    }

    /// A zigzag signed varint (``BinaryWriter/signedVarint(_:)``).
    @inlinable public mutating func signedVarint() throws(BinaryReadError) -> Int64 {
        let z = try varint()
        return Int64(bitPattern: z >> 1) ^ -Int64(bitPattern: z & 1)
    }

    /// A u16 byte length, then that many bytes of UTF-8 (``BinaryWriter/string16(_:)``); invalid UTF-8 decodes
    /// to U+FFFD.
    @inlinable public mutating func string16() throws(BinaryReadError) -> String {
        let n = Int(try u16())
        return String(decoding: try bytes(n), as: UTF8.self)
    }

    /// A u32 byte length, then that many bytes of UTF-8 (``BinaryWriter/string32(_:)``).
    @inlinable public mutating func string32() throws(BinaryReadError) -> String {
        let n = Int(try u32())
        return String(decoding: try bytes(n), as: UTF8.self)
    }

    /// Skips the zero padding up to the next multiple of 8 (``BinaryWriter/pad8()``).
    @inlinable public mutating func align8() throws(BinaryReadError) {
        _ = try skip((8 - offset % 8) % 8)
    }

    /// Reads `magic` at the current offset; a file shorter than `minimumSize` bytes (the smallest valid file of
    /// the format) is refused the same way.
    public mutating func expectMagic(_ magic: [UInt8], minimumSize: Int = 0) throws(BinaryReadError) {
        guard bytes.count >= Swift.max(minimumSize, offset + magic.count),
              bytes[offset..<(offset + magic.count)].elementsEqual(magic) else { throw .badMagic(expected: magic) }
        offset += magic.count
    }

    /// Reads a u32 version and checks it is one of `supported`.
    public mutating func version(supported: [UInt32]) throws(BinaryReadError) -> UInt32 {
        let at = offset
        let v = try u32()
        guard supported.contains(v) else { throw .unsupportedVersion(offset: at, found: v, supported: supported) }
        return v
    }

    /// Checks the last 8 bytes of ``bytes`` (little-endian) against the `checksum` of every byte before them,
    /// then moves ``end`` before them, so that no field read runs into the checksum. The offset is left alone.
    ///
    /// Complexity: O(bytes).
    public mutating func verifyTrailingChecksum(_ checksum: BinaryChecksum) throws(BinaryReadError) {
        if checksum == .fourLanes, bytes.count % 8 != 0 { throw .notWholeWords(length: bytes.count) }
        guard bytes.count >= 8 else { throw .truncated(offset: 0, needed: 8, available: bytes.count) }
        let at = bytes.count - 8
        let stored = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
        let computed = checksum.value(of: UnsafeRawBufferPointer(rebasing: bytes[..<at]))
        guard stored == computed else { throw .checksumMismatch(offset: at, stored: stored, computed: computed) }
        end = Swift.min(end, at)
    }
}

extension BinaryReader {
    /// Runs `body` with a reader over `bytes` (from offset 0 to the end) and returns what it returns; its typed
    /// error passes through unchanged.
    public static func reading<R, E: Error>(_ bytes: [UInt8], _ body: (inout BinaryReader) throws(E) -> R) throws(E) -> R {
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(E) -> R in
                var reader = BinaryReader(raw)
                return try body(&reader)
            }
        }
        return try result.get()
    }
}
