import Foundation

/// Minimal RFC 4180 CSV output.
public enum CSVWriter {
    /// A text cell, safe for spreadsheets and quoted as RFC 4180 requires. Every text cell CareAccess writes goes
    /// through here (numbers go through ``number(_:)`` and are left alone):
    /// - a cell that a spreadsheet would run as a formula (first character `=`, `+`, `-`, `@`, tab or carriage
    ///   return) gets a leading `'` (OWASP "CSV injection"), unless it is a plain decimal number such as `-2.5`
    ///   or `+33`, which stays a number;
    /// - then the cell is quoted when it contains a comma, a quote or a line break.
    ///
    /// ```swift
    /// CSVWriter.escape("=HYPERLINK(\"x\")")  // "'=HYPERLINK(""x"")" (quoted)
    /// CSVWriter.escape("-2.5")                // -2.5
    /// ```
    public static func escape(_ field: String) -> String {
        let safe = isFormula(field) ? "'" + field : field
        guard safe.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return safe }
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Whether a spreadsheet would read `field` as a formula: it starts with `=`, `+`, `-`, `@`, tab or CR and is
    /// not a plain decimal number (digits, one sign, `.`, exponent: `-2.5`, `+1e3`; not `-inf` or `-nan`).
    public static func isFormula(_ field: String) -> Bool {
        guard let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return false }
        let plainNumber = Double(field) != nil && field.unicodeScalars.allSatisfy { "0123456789+-.eE".unicodeScalars.contains($0) }
        return !plainNumber
    }

    /// Shortest round-trip decimal form of a double (`"12.5"`, `"inf"` never: non-finite values become empty).
    public static func number(_ v: Double) -> String {
        v.isFinite ? "\(v)" : ""
    }
}
