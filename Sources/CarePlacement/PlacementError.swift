/// Why a placement could not be computed.
public enum PlacementError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The problem has no candidate site to choose from.
    case noCandidates
    /// `k` new sites asked for is below 1 or above the number of `candidates`.
    case invalidK(k: Int, candidates: Int)
    /// Two candidates share the identifier `id` (their picks could not be told apart).
    case duplicateCandidate(id: String)
    /// A parameter (`name`, as given by `value`) is out of its range, for the stated `reason`.
    case invalidParameter(name: String, value: String, reason: String)
    /// The combination of objective, method and inputs is not supported, and why.
    case unsupported(String)
    /// The MILP solver (CBC) failed or reported an unusable status, with its message.
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
