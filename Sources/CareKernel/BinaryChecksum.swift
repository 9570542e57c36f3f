/// The trailing checksum of a binary file format: the last 8 bytes, little-endian, are an ``FNV1a`` variant of
/// every byte before them. Each format is fixed to one variant (they are different functions):
/// - ``fnv1a``: the reference byte-wise FNV-1a (``FNV1a/hash(_:start:)``), the territory file (`.catr`);
/// - ``fourLanes``: 64-bit words in four lanes (``FNV1a/FourLanes``), the road-graph cache (`.carn`), whose
///   length is a whole number of words.
///
/// ```swift
/// var w = BinaryWriter()
/// w.u32(7)
/// w.seal(with: .fnv1a)                      // appends the checksum of the 4 bytes
/// var r = BinaryReader(raw)                 // over w.data
/// try r.verifyTrailingChecksum(.fnv1a)      // reads now stop before the checksum
/// ```
public enum BinaryChecksum: Sendable, Hashable, CaseIterable {
    /// Byte-wise FNV-1a 64.
    case fnv1a
    /// Four-lane FNV-1a over little-endian 64-bit words (a partial last word is ignored: callers pad).
    case fourLanes

    /// The checksum of `bytes`.
    ///
    /// Complexity: O(bytes).
    public func value(of bytes: UnsafeRawBufferPointer) -> UInt64 {
        switch self {
        case .fnv1a:
            return FNV1a.hash(bytes)
        case .fourLanes:
            var hasher = FNV1a.FourLanes()
            hasher.add(bytes)
            return hasher.value
        }
    }

    /// `bytes` with their last 8 bytes replaced by the checksum of the rest: what a crafted file can always do
    /// (the fuzz targets reseal so that mutations reach the checks behind the checksum). Unchanged when shorter
    /// than 8 bytes.
    public func resealed(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= 8 else { return bytes }
        var out = bytes
        let sum = bytes.withUnsafeBytes { value(of: UnsafeRawBufferPointer(rebasing: $0[..<(bytes.count - 8)])) }
        withUnsafeBytes(of: sum.littleEndian) { out.replaceSubrange((bytes.count - 8)..., with: $0) }
        return out
    }
}

extension BinaryWriter {
    /// Appends the `checksum` of every byte written so far, 8 bytes little-endian.
    public mutating func seal(with checksum: BinaryChecksum) {
        u64(data.withUnsafeBytes { checksum.value(of: $0) })
    }
}
