/// Text made safe for a one-line message: what an input file or an option contributes to an error or a note
/// (a field value, a code, a file name) may hold line breaks, control characters or bytes that are not UTF-8,
/// and printed raw they would split the message, move the cursor or corrupt a log.
///
/// - ``oneLine(_:)`` escapes control characters (C0, DEL, C1), the Unicode line and paragraph separators and
///   the replacement character (U+FFFD, what invalid UTF-8 decodes to) as `\n`, `\r`, `\t` or `\u{…}`;
///   everything else is kept, so French names stay readable.
/// - ``value(_:limit:)`` does the same and cuts long values with `…`, for echoing one field.
/// - ``value(bytes:limit:)`` works on the raw bytes, so a byte that is not UTF-8 shows as `\xNN` instead of
///   being lost to U+FFFD.
///
/// ```swift
/// MessageText.oneLine("bad\nvalue")              // "bad\\nvalue"
/// MessageText.value(bytes: [0x37, 0xFF, 0x0A])   // "7\\xff\\n"
/// ```
/// Complexity: O(n).
public enum MessageText {
    /// Longest value ``value(_:limit:)`` and ``value(bytes:limit:)`` echo by default, in characters.
    public static let defaultLimit = 60

    /// `text` with every character that could break a one-line message escaped; nothing is cut.
    public static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { append(scalar, to: &out) }
        return String(out)
    }

    /// One field value for a message: escaped as ``oneLine(_:)`` and cut after `limit` characters.
    public static func value(_ text: String, limit: Int = defaultLimit) -> String {
        var out = String.UnicodeScalarView()
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= limit { out.append("…"); break }
            append(scalar, to: &out)
            count += 1
        }
        return String(out)
    }

    /// One field value from its raw bytes: valid UTF-8 kept (escaped as ``oneLine(_:)``), any other byte shown
    /// as `\xNN`, cut after `limit` characters.
    public static func value(bytes: some Collection<UInt8>, limit: Int = defaultLimit) -> String {
        let b = Array(bytes)
        var out = String.UnicodeScalarView()
        var i = 0, count = 0
        while i < b.count {
            if count >= limit { out.append("…"); break }
            let n = sequenceLength(lead: b[i])
            if n > 0, i + n <= b.count, let s = String(validating: b[i..<(i + n)], as: UTF8.self),
               let scalar = s.unicodeScalars.first, s.unicodeScalars.count == 1 {
                append(scalar, to: &out)
                i += n
            } else {
                out.append(contentsOf: "\\x\(hex(b[i]))".unicodeScalars)
                i += 1
            }
            count += 1
        }
        return String(out)
    }

    /// The offset of the first byte of `bytes` that does not belong to a valid UTF-8 sequence, or `nil` when all
    /// of `bytes` is UTF-8. O(n).
    public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count {
            let n = sequenceLength(lead: bytes[i])
            guard n > 0, i + n <= bytes.count, String(validating: bytes[i..<(i + n)], as: UTF8.self) != nil else { return i }
            i += n
        }
        return nil
    }

    static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (0x7F..<0xA0).contains(s.value) || s.value == 0x2028 || s.value == 0x2029 || s.value == 0xFFFD
    }

    static func append(_ scalar: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        guard needsEscape(scalar) else { out.append(scalar); return }
        let text: String
        switch scalar {
        case "\n": text = "\\n"
        case "\r": text = "\\r"
        case "\t": text = "\\t"
        default: text = "\\u{\(String(scalar.value, radix: 16))}"
        }
        out.append(contentsOf: text.unicodeScalars)
    }

    /// Length of the UTF-8 sequence a lead byte starts (0: not a lead byte).
    static func sequenceLength(lead: UInt8) -> Int {
        switch lead {
        case 0x00..<0x80: return 1
        case 0xC2..<0xE0: return 2
        case 0xE0..<0xF0: return 3
        case 0xF0..<0xF5: return 4
        default: return 0
        }
    }

    /// Two lower-case hex digits.
    public static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
