/// Field values echoed in error messages, made safe for a one-line message: control characters and
/// invalid bytes shown as escapes, long values cut.
///
/// ```swift
/// InputText.escaped("bad\nvalue")   // "bad\\nvalue"
/// ```
/// Complexity: O(n).
enum InputText {
    /// Longest value echoed, characters.
    static let maximumLength = 60

    static func escaped(_ value: String) -> String {
        var out = ""
        var count = 0
        for scalar in value.unicodeScalars {
            if count >= maximumLength { out += "…"; break }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7f || scalar == "\u{FFFD}":
                out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return out
    }
}
