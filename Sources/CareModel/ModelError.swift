import CareKernel

/// Errors raised by the model layer (not tied to a file; the I/O layer adds file, line and field).
public enum ModelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Two communes of a territory share the INSEE code `code` (``Territory/init(communes:aliases:subdivisions:)``).
    case duplicateCommune(code: String)
    /// An alias or a subdivision points to no commune of the territory: `alias` is the alias (or split commune)
    /// code, `target` the missing code (for an empty or clashing subdivision, its parts joined by `|`).
    case danglingAlias(alias: String, target: String)
    /// Requested département codes that have no commune in the territory (``Territory/indices(inDepartements:)``);
    /// the message suggests the code a common slip stands for.
    case unknownDepartements([String])
    /// No GP capacity to work with (no site, every site at 0, or none in reach); the text says why.
    case emptySupply(String)
    /// No demand to work with (no commune studied, or none left after exclusions); the text says why.
    case emptyDemand(String)
    /// A value refused by a check: `name` is what it is for, `value` the value as text (may be empty) and
    /// `reason` the rule it breaks.
    case invalidParameter(name: String, value: String, reason: String)

    /// The message, on one line (control characters escaped, ``CareKernel/MessageText``).
    public var description: String { MessageText.oneLine(text) }

    private var text: String {
        switch self {
        case .duplicateCommune(let code):
            return "duplicate commune code \(code)"
        case .danglingAlias(let alias, let target):
            return "alias \(alias) points to unknown commune \(target)"
        case .unknownDepartements(let codes):
            let hints = codes.compactMap(Self.departementHint)
            return "no commune in département(s) \(codes.joined(separator: ", "))"
                + (hints.isEmpty ? "" : " — did you mean \(hints.joined(separator: ", "))? (département codes have two digits, 2A/2B or three for overseas)")
        case .emptySupply(let why):
            return "no GP supply: \(why)"
        case .emptyDemand(let why):
            return "no demand: \(why)"
        case .invalidParameter(let name, let value, let reason):
            return value.isEmpty ? "invalid \(name): \(reason)" : "invalid \(name) \(value): \(reason)"
        }
    }

    /// The code a common slip stands for: a leading zero dropped (`7` → `07`) or Corsica in lower case
    /// (`2a` → `2A`); `nil` when `code` is no such slip.
    static func departementHint(_ code: String) -> String? {
        if code.count == 1, code.allSatisfy(\.isASCII), code.allSatisfy(\.isNumber), code != "0" { return "0" + code }
        if code == "2a" || code == "2b" { return code.uppercased() }
        return nil
    }
}
