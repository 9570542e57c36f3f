/// Errors raised by the model layer (not tied to a file; the I/O layer adds file, line and field).
public enum ModelError: Error, Sendable, Equatable, CustomStringConvertible {
    case duplicateCommune(code: String)
    case danglingAlias(alias: String, target: String)
    case unknownDepartements([String])
    case emptySupply(String)
    case emptyDemand(String)
    case invalidParameter(name: String, value: String, reason: String)

    public var description: String {
        switch self {
        case .duplicateCommune(let code):
            return "duplicate commune code \(code)"
        case .danglingAlias(let alias, let target):
            return "alias \(alias) points to unknown commune \(target)"
        case .unknownDepartements(let codes):
            return "no commune in département(s) \(codes.joined(separator: ", "))"
        case .emptySupply(let why):
            return "no GP supply: \(why)"
        case .emptyDemand(let why):
            return "no demand: \(why)"
        case .invalidParameter(let name, let value, let reason):
            return "invalid \(name) \(value): \(reason)"
        }
    }
}
