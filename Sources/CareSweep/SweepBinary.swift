import CareIO
import CareReport
import CareStudy

/// Little-endian binary encoding of the shard files: fixed-width integers, doubles as their bit patterns (so a
/// value read back is the value written, to the last bit), strings as a length and UTF-8.
///
/// ```swift
/// var w = SweepBinaryWriter()
/// w.u64(7); w.f64(0.1); w.string("Guéret")
/// var r = SweepBinaryReader(w.bytes, file: "x")
/// let (a, b, c) = (try r.u64(), try r.f64(), try r.string())
/// ```
/// Complexity: O(1) per scalar, O(n) per string or array.
struct SweepBinaryWriter {
    var bytes: [UInt8] = []

    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func u64(_ v: UInt64) {
        for k in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(k)))) }
    }
    mutating func int(_ v: Int) { u64(UInt64(bitPattern: Int64(v))) }
    mutating func f64(_ v: Double) { u64(v.bitPattern) }
    mutating func string(_ s: String) {
        let utf8 = Array(s.utf8)
        int(utf8.count)
        bytes.append(contentsOf: utf8)
    }
    mutating func optionalInt(_ v: Int?) {
        u8(v == nil ? 0 : 1)
        int(v ?? 0)
    }
    mutating func optionalDouble(_ v: Double?) {
        u8(v == nil ? 0 : 1)
        f64(v ?? 0)
    }
    mutating func doubles(_ v: [Double]) {
        int(v.count)
        #if _endian(little)
        v.withUnsafeBytes { bytes.append(contentsOf: $0) }  // the bit patterns, little-endian: 8 bytes each
        #else
        for x in v { f64(x) }
        #endif
    }
    mutating func bools(_ v: [Bool]) {
        int(v.count)
        bytes.append(contentsOf: v.map { $0 ? 1 : 0 })
    }
    mutating func strings(_ v: [String]) {
        int(v.count)
        for s in v { string(s) }
    }
}

/// Reads what ``SweepBinaryWriter`` wrote; every read is bounds-checked and a short or corrupt buffer throws an
/// ``InputError`` naming the file.
struct SweepBinaryReader {
    let bytes: [UInt8]
    let file: String
    var position = 0

    init(_ bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    var atEnd: Bool { position == bytes.count }

    func damaged(_ what: String) -> InputError {
        InputError(file: file, message: "damaged shard file: \(what) at byte \(position)")
    }

    mutating func u8() throws(InputError) -> UInt8 {
        guard position < bytes.count else { throw damaged("truncated") }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func u64() throws(InputError) -> UInt64 {
        guard bytes.count - position >= 8 else { throw damaged("truncated") }
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(bytes[position + k]) << (8 * UInt64(k)) }
        position += 8
        return v
    }

    mutating func int() throws(InputError) -> Int { Int(Int64(bitPattern: try u64())) }

    /// A count of items of `size` bytes each that must fit in what is left.
    mutating func count(itemSize: Int) throws(InputError) -> Int {
        let n = try int()
        guard n >= 0, n <= (bytes.count - position) / max(1, itemSize) else { throw damaged("impossible count \(n)") }
        return n
    }

    mutating func f64() throws(InputError) -> Double { Double(bitPattern: try u64()) }

    mutating func string() throws(InputError) -> String {
        let n = try count(itemSize: 1)
        defer { position += n }
        return String(decoding: bytes[position..<position + n], as: UTF8.self)
    }

    mutating func optionalInt() throws(InputError) -> Int? {
        let flag = try u8()
        let v = try int()
        return flag == 0 ? nil : v
    }

    mutating func optionalDouble() throws(InputError) -> Double? {
        let flag = try u8()
        let v = try f64()
        return flag == 0 ? nil : v
    }

    mutating func doubles() throws(InputError) -> [Double] {
        let n = try count(itemSize: 8)
        #if _endian(little)
        var out = [Double](repeating: 0, count: n)
        let start = position
        out.withUnsafeMutableBytes { dst in
            bytes.withUnsafeBytes { src in dst.copyMemory(from: UnsafeRawBufferPointer(rebasing: src[start..<start + 8 * n])) }
        }
        position += 8 * n
        return out
        #else
        var out = [Double]()
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try f64()) }
        return out
        #endif
    }

    mutating func bools() throws(InputError) -> [Bool] {
        let n = try count(itemSize: 1)
        defer { position += n }
        return bytes[position..<position + n].map { $0 != 0 }
    }

    mutating func strings() throws(InputError) -> [String] {
        let n = try count(itemSize: 8)
        var out: [String] = []
        for _ in 0..<n { out.append(try string()) }
        return out
    }
}
