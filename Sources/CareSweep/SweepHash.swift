import CareKernel
import CareModel
/// A 64-bit content hash (FNV-1a over 8-byte words, finished with the SplitMix64 mixer): what the spec hash
/// and the shard checksums are made of. It detects shards of another spec, other data or a damaged file; it is
/// not a cryptographic hash.
///
/// ```swift
/// var h = SweepHash()
/// h.add("territory.catr")
/// h.add(bytes)
/// print(h.hex)   // "3f9c…", 16 hex digits
/// ```
/// Complexity: O(n) in the bytes added.
public struct SweepHash: Sendable, Hashable {
    /// The running 64-bit hash value (the FNV-1a offset basis before anything is added).
    public private(set) var state: UInt64 = FNV1a.offsetBasis

    /// A hash of nothing yet.
    public init() {}

    /// The byte count (``add(_:)-(UInt64)``), then the bytes as little-endian 8-byte words, the last one
    /// zero-padded (``CareKernel/FNV1a/hashWords(_:start:)``).
    public mutating func add(_ bytes: some Collection<UInt8>) {
        add(UInt64(bytes.count))
        if let done: Void = bytes.withContiguousStorageIfAvailable({ addWords(UnsafeRawBufferPointer($0)) }) { return done }
        Array(bytes).withUnsafeBytes { addWords($0) }
    }

    private mutating func addWords(_ raw: UnsafeRawBufferPointer) {
        state = FNV1a.hashWords(raw, start: state)
    }

    /// Adds the UTF-8 bytes of `text`, length first, so that `"ab", "c"` and `"a", "bc"` hash differently.
    public mutating func add(_ text: String) { add(Array(text.utf8)) }

    /// One FNV-1a word step, then the SplitMix64 mixer.
    public mutating func add(_ value: UInt64) {
        state = SplitMix64.mix(FNV1a.hash(word: value, start: state))
    }

    /// Adds the IEEE 754 bit pattern of `value` (so `0.0` and `-0.0`, or two NaNs of different payloads, differ).
    public mutating func add(_ value: Double) { add(value.bitPattern) }

    /// The hash as 16 lower-case hex digits.
    public var hex: String { FNV1a.hex(state) }
}
