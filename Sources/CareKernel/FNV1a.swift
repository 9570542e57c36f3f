/// The 64-bit FNV-1a hash (Fowler, Noll & Vo): a fast, non-cryptographic fingerprint of bytes, for
/// checksums of files the project writes and stable keys (cross-validation folds). It detects accidents,
/// not tampering. The project's one checksum, in three variants that are three different functions (each
/// fixed by a file format, so none may change):
/// - ``hash(_:start:)``, byte by byte (the reference FNV-1a): the territory file (`.catr`), trip-file
///   fingerprints, fold keys;
/// - ``hashWords(_:start:)``, one step per little-endian 64-bit word: the sweep hash (spec hash, shard checksums);
/// - ``FourLanes``, 64-bit words in four interleaved lanes folded at the end: the road-graph cache (`.carn`).
///
/// ```swift
/// FNV1a.hash(Array("07186".utf8))   // the same value on every run and machine
/// ```
/// Complexity: O(n).
public enum FNV1a {
    /// The FNV-1a 64-bit offset basis (the hash of no bytes).
    public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    /// The FNV-1a 64-bit prime.
    public static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The hash of `bytes`, continuing from `start` (the offset basis for a fresh hash).
    public static func hash<S: Sequence>(_ bytes: S, start: UInt64 = offsetBasis) -> UInt64 where S.Element == UInt8 {
        var h = start
        for b in bytes { h = (h ^ UInt64(b)) &* prime }
        return h
    }

    /// FNV-1a over little-endian 64-bit words instead of bytes, continuing from `start`: one xor-multiply per
    /// word, the last partial word zero-padded (8 bytes a step, so several times faster than ``hash(_:start:)``,
    /// and a different function). The sweep hash is built on it.
    public static func hashWords(_ raw: UnsafeRawBufferPointer, start: UInt64 = offsetBasis) -> UInt64 {
        var h = start
        let whole = raw.count / 8
        for k in 0..<whole {
            h = hash(word: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * k, as: UInt64.self)), start: h)
        }
        guard raw.count % 8 != 0 else { return h }
        var word: UInt64 = 0
        for (i, b) in raw[(8 * whole)...].enumerated() { word |= UInt64(b) << (8 * UInt64(i)) }
        return hash(word: word, start: h)
    }

    /// One FNV-1a step on a whole 64-bit word: `(start ^ word) &* prime`.
    @inlinable public static func hash(word: UInt64, start: UInt64) -> UInt64 { (start ^ word) &* prime }

    /// Sixteen lower-case hexadecimal digits.
    public static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
