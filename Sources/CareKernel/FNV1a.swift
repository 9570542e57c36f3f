/// The 64-bit FNV-1a hash (Fowler, Noll & Vo): a fast, non-cryptographic fingerprint of bytes, for
/// checksums of files the project writes and stable keys (cross-validation folds). It detects accidents,
/// not tampering.
///
/// ```swift
/// FNV1a.hash(Array("07186".utf8))   // the same value on every run and machine
/// ```
/// Complexity: O(n).
public enum FNV1a {
    public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    public static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The hash of `bytes`, continuing from `start` (the offset basis for a fresh hash).
    public static func hash<S: Sequence>(_ bytes: S, start: UInt64 = offsetBasis) -> UInt64 where S.Element == UInt8 {
        var h = start
        for b in bytes { h = (h ^ UInt64(b)) &* prime }
        return h
    }

    /// Sixteen lower-case hexadecimal digits.
    public static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
