import CareIO
import CareStudy
import Foundation

/// The language of an HTML report: French (the default, since the report's readers are French planners and
/// elected officials) or English.
///
/// ```swift
/// let lang = ReportLanguage(rawValue: "en") ?? .fr
/// lang.number(1234.5, digits: 1)   // "1,234.5" (en) — "1 234,5" with a narrow no-break space (fr)
/// ```
/// Formatting is O(digits).
public enum ReportLanguage: String, Sendable, CaseIterable {
    /// French or English; the raw value is the `--lang` code.
    case fr, en

    /// `value` with `digits` decimals and grouped thousands, in this language's convention
    /// (fr: `1 234,5` with U+202F; en: `1,234.5`). Non-finite values give `"–"`.
    public func number(_ value: Double, digits: Int = 0) -> String {
        guard value.isFinite else { return "–" }
        let factor = (0..<max(0, digits)).reduce(1.0) { acc, _ in acc * 10 }
        let scaled = (abs(value) * factor).rounded()
        guard scaled < 9e15 else { return String(value) }
        let integer = Int(scaled) / Int(factor)
        let fraction = Int(scaled) % Int(factor)
        var grouped = ""
        let text = String(integer)
        for (i, ch) in text.enumerated() {
            if i > 0, (text.count - i) % 3 == 0 { grouped += self == .fr ? "\u{202F}" : "," }
            grouped.append(ch)
        }
        if digits > 0 {
            let f = String(fraction)
            grouped += (self == .fr ? "," : ".") + String(repeating: "0", count: digits - f.count) + f
        }
        return (value < 0 && scaled > 0 ? "−" : "") + grouped
    }

    /// `value` with as few decimals as it needs, at most two (`2,5`, `20`, `0,25`).
    public func compact(_ value: Double) -> String {
        let digits = value == value.rounded() ? 0 : (value * 10 == (value * 10).rounded() ? 1 : 2)
        return number(value, digits: digits)
    }

    /// A count that may be fractional (GPs in FTE, minutes): no decimal when whole, else one (`818`, `2,5`).
    public func count(_ value: Double) -> String {
        number(value, digits: value == value.rounded() ? 0 : 1)
    }

    /// ``count(_:)`` with an explicit sign (`+3`, `−96`, `+0,5`).
    public func signedCount(_ value: Double) -> String {
        signed(value, digits: value == value.rounded() ? 0 : 1)
    }

    /// An integer with grouped thousands.
    public func number(_ value: Int) -> String { number(Double(value)) }

    /// `value` with an explicit sign (`+1,5`, `−2`, `0`).
    public func signed(_ value: Double, digits: Int = 0) -> String {
        let text = number(value, digits: digits)
        return value > 0 && text != number(0, digits: digits) ? "+" + text : text
    }

    /// A share in [0, 1] as a percentage with one decimal (`12,3 %` / `12.3%`). A share that is not 0 but
    /// would print as 0 gets the decimals it needs, up to 3 (7,169 people of 62 million: `0,01 %`, not
    /// `0,0 %`), then `< 0,001 %`.
    public func percent(_ share: Double, digits: Int = 1) -> String {
        let sign = self == .fr ? "\u{202F}%" : "%"
        var d = max(0, digits)
        while share > 0, share.isFinite, (share * 100 * pow(10, Double(d))).rounded() == 0 {
            guard d < 3 else { return "< " + number(0.001, digits: 3) + sign }
            d += 1
        }
        return number(share * 100, digits: d) + sign
    }
}
