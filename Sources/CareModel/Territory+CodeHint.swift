/// Hints for commune codes a spreadsheet has mangled: INSEE codes are text, but a spreadsheet that reads them as
/// numbers drops the leading zero of the 01–09 départements (`07186` → `7186`) and may write a decimal part
/// (`7186.0`).
extension Territory {
    /// The code of the territory that `code` most likely stands for when it is such a mangled code, else `nil`.
    ///
    /// ```swift
    /// territory.likelyCode(for: "7186")     // "07186" when the territory has it
    /// territory.likelyCode(for: "7186.0")   // "07186"
    /// ```
    public func likelyCode(for code: String) -> String? {
        var digits = Substring(code)
        if digits.hasSuffix(".0") { digits = digits.dropLast(2) }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let candidate = digits.count == 4 ? "0" + digits : String(digits)
        guard candidate != code, index(ofCode: candidate) != nil else { return nil }
        return candidate
    }

    /// `" — did you mean 07186? (a spreadsheet may have dropped the leading zero)"` when ``likelyCode(for:)``
    /// finds one, else `""`: appended to "unknown commune code …" messages.
    public func hint(forUnknownCode code: String) -> String {
        guard let likely = likelyCode(for: code) else { return "" }
        return " — did you mean \(likely)? (a spreadsheet may have dropped the leading zero)"
    }
}
