/// The column of an INSEE BPE file that a supply import counts (`NB_D201`, general practitioners, by default;
/// `NB_D107` for maternity units, …), and how outputs name what it counts.
///
/// ```swift
/// let column = BPECountColumn("NB_D107")
/// column.units(12)   // "12 maternity units (BPE D107, column NB_D107)"
/// ```
/// Only the equipment codes whose meaning is checked against INSEE's BPE nomenclature carry a label (D201
/// general practitioner, D107 maternity); any other column is named as "units of NB_…", never guessed.
public struct BPECountColumn: Sendable, Equatable {
    /// The column name, as in the file's header.
    public let name: String

    /// The default: INSEE BPE equipment D201, general practitioners.
    public static let generalPractitioners = BPECountColumn("NB_D201")

    /// Labels of the BPE equipment codes checked against the nomenclature (plural, for counts).
    static let labels: [String: String] = ["D201": "GPs", "D107": "maternity units"]

    /// A count column named `name` exactly as in the file's header (`NB_D201`, `NB_D107`…); any name is accepted.
    public init(_ name: String) { self.name = name }

    /// The BPE equipment code of an `NB_` column (`NB_D107` → `D107`), or `nil` for another name.
    public var equipmentCode: String? {
        name.hasPrefix("NB_") && name.count > 3 ? String(name.dropFirst(3)) : nil
    }

    /// Whether the column counts general practitioners (the default, D201).
    public var countsGPs: Bool { self == .generalPractitioners }

    /// The known label of the column's equipment, or `nil`.
    public var label: String? { equipmentCode.flatMap { Self.labels[$0] } }

    /// A count of what the column counts, for summaries: `1868 GPs` for D201, `12 maternity units (BPE D107,
    /// column NB_D107)` for a labelled code, `12 units of NB_X` otherwise.
    public func units(_ count: Double) -> String {
        if countsGPs { return "\(count.formatted2) GPs" }
        if let label, let code = equipmentCode { return "\(count.formatted2) \(label) (BPE \(code), column \(name))" }
        return "\(count.formatted2) units of \(name)"
    }

    /// The column as provenance names it: `BPE column NB_D107 (maternity units)`.
    public var provenance: String {
        "BPE column \(name)" + (label.map { " (\($0))" } ?? "")
    }
}
