import Foundation

/// Minimal RFC 4180 CSV output.
public enum CSVWriter {
    /// Quotes a field when it contains a comma, a quote or a line break.
    public static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Shortest round-trip decimal form of a double (`"12.5"`, `"inf"` never: non-finite values become empty).
    public static func number(_ v: Double) -> String {
        v.isFinite ? "\(v)" : ""
    }
}
