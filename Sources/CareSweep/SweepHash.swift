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
    public private(set) var state: UInt64 = 0xCBF2_9CE4_8422_2325

    public init() {}

    static let prime: UInt64 = 0x0000_0100_0000_01B3

    public mutating func add(_ bytes: some Collection<UInt8>) {
        add(UInt64(bytes.count))
        if let done: Void = bytes.withContiguousStorageIfAvailable({ addWords(UnsafeRawBufferPointer($0)) }) { return done }
        addWords(UnsafeRawBufferPointer(start: nil, count: 0), tail: Array(bytes))
    }

    /// The bytes as little-endian 8-byte words (the last one zero-padded), 8 bytes per step.
    private mutating func addWords(_ raw: UnsafeRawBufferPointer, tail: [UInt8] = []) {
        guard tail.isEmpty else {
            tail.withUnsafeBytes { addWords($0) }
            return
        }
        let whole = raw.count / 8
        for k in 0..<whole {
            state = (state ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * k, as: UInt64.self))) &* Self.prime
        }
        var word: UInt64 = 0
        for (i, b) in raw[(8 * whole)...].enumerated() { word |= UInt64(b) << (8 * UInt64(i)) }
        if raw.count % 8 != 0 { state = (state ^ word) &* Self.prime }
    }

    public mutating func add(_ text: String) { add(Array(text.utf8)) }

    public mutating func add(_ value: UInt64) {
        state = (state ^ value) &* Self.prime
        state = SplitMix64.mix(state)
    }

    public mutating func add(_ value: Double) { add(value.bitPattern) }

    /// The hash as 16 lower-case hex digits.
    public var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
