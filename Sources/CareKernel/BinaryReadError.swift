/// Why a ``BinaryReader`` refused its bytes: what was expected, and the byte offset where it was not found. Every
/// format maps it to its own user-facing error naming the file and the field (the territory file's `InputError`,
/// the road-graph cache's `NetworkError`).
///
/// ```swift
/// var r = BinaryReader(raw)              // 3 bytes
/// do { _ = try r.u32() } catch {
///     print(error)                       // "byte 0: needed 4 bytes, 3 left"
/// }
/// ```
public enum BinaryReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A read of `needed` bytes at `offset` with only `available` bytes left before the reader's end.
    case truncated(offset: Int, needed: Int, available: Int)
    /// An array of `count` elements of `stride` bytes at `offset`, whose size does not fit in an `Int` (or is negative).
    case tooLarge(offset: Int, count: Int, stride: Int)
    /// A LEB128 varint at `offset` longer than 64 bits.
    case malformedVarint(offset: Int)
    /// The file does not start with `expected` (or is shorter than the smallest file of its format).
    case badMagic(expected: [UInt8])
    /// The u32 version at `offset` is `found`, not one of `supported`.
    case unsupportedVersion(offset: Int, found: UInt32, supported: [UInt32])
    /// The four-lane checksum needs whole 64-bit words: the file is `length` bytes long.
    case notWholeWords(length: Int)
    /// The checksum stored at `offset` is `stored`; the bytes before it hash to `computed`.
    case checksumMismatch(offset: Int, stored: UInt64, computed: UInt64)

    /// Where in the bytes the problem is (0 for a bad magic, the length for a file of partial words).
    public var offset: Int {
        switch self {
        case .truncated(let offset, _, _), .tooLarge(let offset, _, _), .malformedVarint(let offset),
             .unsupportedVersion(let offset, _, _), .checksumMismatch(let offset, _, _):
            offset
        case .badMagic: 0
        case .notWholeWords(let length): length
        }
    }

    /// `byte N: what was expected`, on one line.
    public var description: String {
        switch self {
        case .truncated(let offset, let needed, let available):
            "byte \(offset): needed \(needed) bytes, \(available) left"
        case .tooLarge(let offset, let count, let stride):
            "byte \(offset): \(count) elements of \(stride) bytes are too large"
        case .malformedVarint(let offset):
            "byte \(offset): malformed varint (more than 64 bits)"
        case .badMagic(let expected):
            "byte 0: bad magic (expected '\(MessageText.value(bytes: expected))')"
        case .unsupportedVersion(let offset, let found, let supported):
            "byte \(offset): unsupported version \(found) (expected \(supported.map(String.init).joined(separator: " or ")))"
        case .notWholeWords(let length):
            "byte \(length): \(length) bytes, not a whole number of 8-byte words"
        case .checksumMismatch(let offset, let stored, let computed):
            "byte \(offset): checksum mismatch (stored \(FNV1a.hex(stored)), computed \(FNV1a.hex(computed)))"
        }
    }
}
