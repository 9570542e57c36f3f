/// A minimal protocol-buffers wire-format reader over a byte slice: varints, zig-zag, fixed widths,
/// length-delimited fields and packed repeated fields. Enough for the OSM PBF messages
/// (`fileformat.proto`, `osmformat.proto`), with every overrun reported instead of trapping.
///
/// ```swift
/// var r = ProtobufReader(bytes[...])
/// while let (field, wire) = try r.nextKey() {
///     if field == 1, wire == .lengthDelimited { name = try r.bytes() } else { try r.skip(wire) }
/// }
/// ```
/// Complexity: O(bytes read).
struct ProtobufReader {
    enum WireType: UInt8 { case varint = 0, fixed64 = 1, lengthDelimited = 2, startGroup = 3, endGroup = 4, fixed32 = 5 }

    struct Failure: Error { var message: String }

    let data: [UInt8]
    private(set) var position: Int
    let end: Int

    /// A reader over `data[range]`; positions are absolute indices into `data` (shared, not copied).
    init(data: [UInt8], range: Range<Int>) {
        self.data = data
        position = range.lowerBound
        end = range.upperBound
    }

    var isAtEnd: Bool { position >= end }

    mutating func varint() throws(Failure) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end else { throw Failure(message: "truncated varint at byte \(position)") }
            let b = data[position]
            position += 1
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
            guard shift < 64 else { throw Failure(message: "varint longer than 10 bytes at byte \(position)") }
        }
    }

    mutating func sint64() throws(Failure) -> Int64 {
        let v = try varint()
        return Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1)))
    }

    mutating func int64() throws(Failure) -> Int64 { Int64(bitPattern: try varint()) }

    /// The next field key, or `nil` at the end of the message.
    mutating func nextKey() throws(Failure) -> (field: Int, wire: WireType)? {
        guard position < end else { return nil }
        let key = try varint()
        guard let wire = WireType(rawValue: UInt8(key & 7)) else {
            throw Failure(message: "invalid wire type \(key & 7) at byte \(position)")
        }
        return (Int(key >> 3), wire)
    }

    /// The range of a length-delimited field's bytes (absolute indices into ``data``).
    mutating func lengthDelimitedRange() throws(Failure) -> Range<Int> {
        let n = try varint()
        guard n <= UInt64(end - position) else {
            throw Failure(message: "field of \(n) bytes overruns its message (\(end - position) left) at byte \(position)")
        }
        let start = position
        position += Int(n)
        return start..<position
    }

    mutating func bytes() throws(Failure) -> ArraySlice<UInt8> {
        let r = try lengthDelimitedRange()
        return data[r]
    }

    mutating func string() throws(Failure) -> String {
        String(decoding: try bytes(), as: UTF8.self)
    }

    /// A sub-reader over a length-delimited field.
    mutating func message() throws(Failure) -> ProtobufReader {
        ProtobufReader(data: data, range: try lengthDelimitedRange())
    }

    mutating func skip(_ wire: WireType) throws(Failure) {
        switch wire {
        case .varint: _ = try varint()
        case .fixed64: try advance(8)
        case .fixed32: try advance(4)
        case .lengthDelimited: _ = try lengthDelimitedRange()
        case .startGroup, .endGroup: throw Failure(message: "deprecated protobuf groups are not supported (byte \(position))")
        }
    }

    private mutating func advance(_ n: Int) throws(Failure) {
        guard n <= end - position else { throw Failure(message: "truncated fixed-width field at byte \(position)") }
        position += n
    }

    /// Reads a repeated varint field, packed (wire type 2) or not (one value), appending to `out`.
    mutating func repeatedVarints(_ wire: WireType, into out: inout [UInt64]) throws(Failure) {
        if wire == .varint { out.append(try varint()); return }
        guard wire == .lengthDelimited else { throw Failure(message: "expected a packed varint field at byte \(position)") }
        var sub = try message()
        while !sub.isAtEnd { out.append(try sub.varint()) }
    }

    /// Reads a repeated zig-zag sint64 field, packed or not, appending to `out`.
    mutating func repeatedSInt64(_ wire: WireType, into out: inout [Int64]) throws(Failure) {
        if wire == .varint { out.append(try sint64()); return }
        guard wire == .lengthDelimited else { throw Failure(message: "expected a packed sint64 field at byte \(position)") }
        var sub = try message()
        while !sub.isAtEnd { out.append(try sub.sint64()) }
    }
}
