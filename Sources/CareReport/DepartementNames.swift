import CareIO
import CareStudy
import CareFixtures
import Foundation

/// The départements' names, as INSEE's population estimates spell them (`07` → `Ardèche`, `2A` →
/// `Corse-du-Sud`, `974` → `La Réunion`), shipped in `Fixtures/population/departements.csv` (written from
/// the same sheet as the age structure by `Fixtures/make_age_structure.py --names-out`). Reports name the
/// départements they list with them.
///
/// ```swift
/// DepartementNames.label("07")    // "07 Ardèche"
/// DepartementNames.name("99")     // nil: not a département
/// ```
/// Loaded once per process, O(101).
public enum DepartementNames {
    /// Code → name; empty if the embedded file is missing (a build problem that a test catches).
    public static let table: [String: String] = {
        guard let path = try? EmbeddedFixture.population().departementNamesPath,
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [:] }
        return parse(text)
    }()

    /// The name of département `code`, if it is one.
    public static func name(_ code: String) -> String? { table[code] }

    /// `code` followed by its name (`07 Ardèche`), or the code alone when it has none.
    public static func label(_ code: String) -> String { table[code].map { "\(code) \($0)" } ?? code }

    /// `departement,name` rows; a row that is not a code and a name is left out.
    static func parse(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let parts = line.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, parts[0].count <= 3 else { continue }
            out[parts[0]] = parts[1]
        }
        return out
    }
}
