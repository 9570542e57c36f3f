/// Why a placement could not be computed.
public enum PlacementError: Error, Sendable, Equatable, CustomStringConvertible {
    case noCandidates
    case invalidK(k: Int, candidates: Int)
    case duplicateCandidate(id: String)
    case invalidParameter(name: String, value: String, reason: String)
    case unsupported(String)
    case solver(String)

    /// A one-line English message for the terminal, e.g. `"invalid k 0: choose at least 1 new site"`.
    public var description: String {
        switch self {
        case .noCandidates:
            return "no candidate site: give at least one candidate"
        case .invalidK(let k, let n):
            return k < 1 ? "invalid k \(k): choose at least 1 new site"
                : "invalid k \(k): only \(n) candidate sites"
        case .duplicateCandidate(let id):
            return "duplicate candidate id \(id)"
        case .invalidParameter(let name, let value, let reason):
            return "invalid \(name) \(value): \(reason)"
        case .unsupported(let why):
            return "unsupported: \(why)"
        case .solver(let why):
            return "MILP solver: \(why)"
        }
    }
}
