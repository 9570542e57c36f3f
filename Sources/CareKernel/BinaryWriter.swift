/// Bytes of a binary file format built in memory: little-endian integers, LEB128 varints, length-prefixed
/// UTF-8 strings, zero padding. The writer of the territory file (`.catr`) and of the road-graph cache header
/// (`.carn`); each format's layout is documented where it is written.
///
/// ```swift
/// var w = BinaryWriter()
/// w.bytes(Array("CATR".utf8))
/// w.u32(2)
/// w.string16("Privas")   // u16 byte length + UTF-8
/// ```
/// Complexity: O(1) amortised per byte.
public struct BinaryWriter: Sendable, Hashable {
    /// The bytes written so far.
    public var data: [UInt8] = []

    /// An empty writer.
    public init() {}

    /// Appends `b` as they are.
    public mutating func bytes(_ b: some Sequence<UInt8>) { data.append(contentsOf: b) }
    /// Appends one byte.
    public mutating func u8(_ v: UInt8) { data.append(v) }
    /// Appends `v`, 2 bytes little-endian.
    public mutating func u16(_ v: UInt16) { integer(v) }
    /// Appends `v`, 4 bytes little-endian.
    public mutating func u32(_ v: UInt32) { integer(v) }
    /// Appends `v`, 8 bytes little-endian.
    public mutating func u64(_ v: UInt64) { integer(v) }
    /// Appends the IEEE 754 bits of `v`, 8 bytes little-endian.
    public mutating func f64(_ v: Double) { integer(v.bitPattern) }

    /// Appends `v` little-endian, `MemoryLayout<T>.size` bytes.
    public mutating func integer<T: FixedWidthInteger>(_ v: T) {
        withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) }
    }

    /// LEB128 unsigned varint.
    public mutating func varint(_ v: UInt64) {
        var v = v
        while v >= 0x80 {
            data.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        data.append(UInt8(v))
    }

    /// Zigzag-encoded signed varint (small magnitudes, either sign, take few bytes).
    public mutating func signedVarint(_ v: Int64) { varint(UInt64(bitPattern: (v << 1) ^ (v >> 63))) }

    /// A u16 byte length, then the UTF-8 bytes of `s` (cut at 65,535 bytes).
    public mutating func string16(_ s: String) {
        let u = Array(s.utf8.prefix(Int(UInt16.max)))
        u16(UInt16(u.count))
        data.append(contentsOf: u)
    }

    /// A u32 byte length, then the UTF-8 bytes of `s`.
    public mutating func string32(_ s: String) {
        let u = Array(s.utf8)
        u32(UInt32(truncatingIfNeeded: u.count))
        data.append(contentsOf: u)
    }

    /// Zero bytes up to the next multiple of 8.
    public mutating func pad8() {
        while data.count % 8 != 0 { data.append(0) }
    }
}
