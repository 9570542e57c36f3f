/// Converts ASCII hexadecimal text to bytes with a 256-entry lookup table.
///
/// ```swift
/// let bytes = try Array("01ff".utf8).withUnsafeBufferPointer { (hex) throws(WKBError) in try HexDecoder.decode(hex) }
/// // [0x01, 0xFF]
/// ```
enum HexDecoder {
    /// Nibble value of each byte, or 0xFF when the byte is not a hex digit.
    static let table: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in "0123456789".utf8.enumerated() { table[Int(c)] = UInt8(i) }
        for (i, c) in "abcdef".utf8.enumerated() { table[Int(c)] = UInt8(10 + i) }
        for (i, c) in "ABCDEF".utf8.enumerated() { table[Int(c)] = UInt8(10 + i) }
        return table
    }()

    /// Decodes `hex`; throws on empty input, odd length or a non-hex character (offset = character position).
    ///
    /// Complexity: O(n), one allocation of n/2 bytes.
    static func decode(_ hex: UnsafeBufferPointer<UInt8>) throws(WKBError) -> [UInt8] {
        guard !hex.isEmpty else { throw WKBError(message: "empty input", offset: 0) }
        guard hex.count % 2 == 0 else {
            throw WKBError(message: "odd number of hex digits (\(hex.count))", offset: hex.count)
        }
        let count = hex.count / 2
        var bad = -1
        let bytes = table.withUnsafeBufferPointer { lut in
            [UInt8](unsafeUninitializedCapacity: count) { out, initialized in
                for i in 0..<count {
                    let hi = lut[Int(hex[2 * i])], lo = lut[Int(hex[2 * i + 1])]
                    if (hi | lo) & 0xF0 != 0 {
                        bad = hi == 0xFF ? 2 * i : 2 * i + 1
                        break
                    }
                    out[i] = hi << 4 | lo
                    initialized = i + 1
                }
            }
        }
        if bad >= 0 {
            throw WKBError(message: "invalid hex digit \(describe(hex[bad])) at position \(bad)", offset: bad)
        }
        return bytes
    }

    private static func describe(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte)
            ? "'\(Character(Unicode.Scalar(byte)))'"
            : "0x" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
    }
}
