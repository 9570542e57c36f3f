import Foundation

// The number formats of the terminal summaries, notes and CSV sidecars, one per quantity, for every layer above
// the model (reports add the French forms in `ReportLanguage`). Nothing else in Sources formats these numbers.

extension Double {
    /// A parameter as written in a summary: rounded to 2 decimals, integers without a fraction, otherwise the
    /// shortest form (`20`, `2.5`, `1.33`). Speeds, circuities, factors, GP counts of scenario events.
    package var shortText: String {
        let r = (self * 100).rounded() / 100
        return r == r.rounded() && Swift.abs(r) < 1e15 ? String(Int(r)) : String(r)
    }

    /// A figure of a summary line: rounded to 2 decimals, integers without a fraction, otherwise both decimals
    /// (`20`, `2.50`, `1.33`). Scores, marks, errors in minutes.
    package var formatted2: String {
        let r = (self * 100).rounded() / 100
        if r == r.rounded(), Swift.abs(r) < 1e15 { return String(Int(r)) }
        return String(format: "%.2f", r)
    }

    /// Minutes of a placement note or error: rounded to 3 decimals, integers without a fraction, otherwise the
    /// shortest form (`60`, `22.5`, `13.333`).
    package var placementText: String {
        let r = (self * 1000).rounded() / 1000
        if r == r.rounded(), Swift.abs(r) < 1e15 { return String(Int(r)) }
        return String(r)
    }

    /// Fixed decimals, `n/a` when not finite: `fixed(1)` of 7.25 is `7.2` (C's rounding of the binary value).
    package func fixed(_ digits: Int) -> String {
        isFinite ? String(format: "%.\(digits)f", self) : "n/a"
    }

    /// Fixed decimals with the sign always written, `n/a` when not finite: `signedFixed(2)` of 0.5 is `+0.50`, of
    /// −0.5 `-0.50`. Changes (after − before) and biases.
    package func signedFixed(_ digits: Int) -> String {
        isFinite ? String(format: "%+.\(digits)f", self) : "n/a"
    }

    /// A share as a percentage with fixed decimals: `percent(1)` of 0.0742 is `7.4 %`; `n/a %` when not finite.
    package func percent(_ digits: Int) -> String { (self * 100).fixed(digits) + " %" }

    /// Rounded to a whole number with thousands grouped (`12,345`), `n/a` when not finite; beyond Int's exact
    /// range (9e15) as Swift writes the Double. Euros, inhabitants held as Doubles.
    package var groupedWhole: String {
        guard isFinite else { return "n/a" }
        guard Swift.abs(self) < 9e15 else { return String(self) }
        return Int(rounded()).grouped
    }

    /// Thousands grouped with `decimals` decimals: `33303.94` with 1 → `"33,303.9"`; activities, populations.
    package func grouped(decimals: Int) -> String {
        let text = String(format: "%.\(Swift.max(0, decimals))f", Swift.abs(self))
        let parts = text.split(separator: ".", maxSplits: 1)
        let whole = (Int(parts.first ?? "0") ?? 0).grouped
        return (self < 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "-" : "") + whole + (parts.count > 1 ? "." + parts[1] : "")
    }
}

extension Int {
    /// `1234567` → `"1,234,567"`.
    package var grouped: String {
        let digits = String(self.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return self < 0 ? "-" + out : out
    }
}

extension String {
    /// Right-aligned in `width` characters (unchanged when longer).
    package func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }

    /// Left-aligned in `width` characters (unchanged when longer).
    package func rightPadded(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
