/// A fixed-size value a binary format stores as its little-endian bytes, that any bit pattern is a valid value
/// of: the fixed-width integers and `Double`. ``BinaryReader`` reads them one at a time or as arrays (one bulk
/// copy).
public protocol BinaryScalar: BitwiseCopyable {
    /// The value whose little-endian representation is `raw` as loaded from memory.
    static func fromLittleEndian(_ raw: Self) -> Self
}

extension BinaryScalar where Self: FixedWidthInteger {
    @inlinable public static func fromLittleEndian(_ raw: Self) -> Self { Self(littleEndian: raw) }
}

extension UInt8: BinaryScalar {}
extension UInt16: BinaryScalar {}
extension UInt32: BinaryScalar {}
extension UInt64: BinaryScalar {}
extension Int8: BinaryScalar {}
extension Int16: BinaryScalar {}
extension Int32: BinaryScalar {}
extension Int64: BinaryScalar {}

extension Double: BinaryScalar {
    /// The IEEE 754 value of little-endian bits.
    @inlinable public static func fromLittleEndian(_ raw: Double) -> Double {
        Double(bitPattern: UInt64(littleEndian: raw.bitPattern))
    }
}
