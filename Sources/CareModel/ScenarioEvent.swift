import CareKernel
/// One change a scenario applies to the GP supply, in order. Each event remembers the line of the scenario file
/// it comes from, so that errors point at it.
public struct ScenarioEvent: Sendable, Hashable {
    public var action: Action
    /// Line in the scenario file (1-based), when parsed from a file.
    public var line: Int?

    public init(_ action: Action, line: Int? = nil) {
        self.action = action
        self.line = line
    }

    /// Where an event applies: one site by id, or every site of a commune.
    public enum Target: Sendable, Hashable, CustomStringConvertible {
        case site(String)
        case commune(String)

        public var description: String {
            switch self {
            case .site(let id): return "site \(id)"
            case .commune(let code): return "commune \(code)"
            }
        }
    }

    /// Where a new site goes: at a commune's point, or at Lambert-93 coordinates.
    public enum Location: Sendable, Hashable {
        case commune(String)
        case lambert93(x: Double, y: Double)
    }

    public struct OpenSite: Sendable, Hashable {
        public var id: String?
        public var name: String?
        public var location: Location
        public var kind: SiteKind
        /// Capacity in FTE (head count for GP counts); for an intern post, the FTE while present.
        public var fte: Double
        /// Intern posts: months per year present (capacity = fte × months / 12).
        public var months: Double?

        public init(id: String? = nil, name: String? = nil, location: Location, kind: SiteKind, fte: Double, months: Double? = nil) {
            self.id = id
            self.name = name
            self.location = location
            self.kind = kind
            self.fte = fte
            self.months = months
        }

        /// Yearly capacity in FTE.
        public var capacity: Double { kind == .internPost ? fte * (months ?? 12) / 12 : fte }
    }

    /// GPs reaching `age` by the scenario's horizon leave. With birth years, exactly those; without (GP counts),
    /// each GP leaves with probability `share` (seeded), an assumption the output states. `shares` overrides
    /// that probability by area, keyed by commune code (5 characters) or département code (e.g. `23`, `2A`,
    /// `971`): a commune's own share wins over its département's, which wins over `share`. Sites in an area
    /// with no share keep their GPs.
    public struct Retirement: Sendable, Hashable {
        public var age: Int
        public var share: Double?
        public var shares: [String: Double]
        public var seed: UInt64

        public init(age: Int, share: Double? = nil, shares: [String: Double] = [:], seed: UInt64 = 1) {
            self.age = age
            self.share = share
            self.shares = shares
            self.seed = seed
        }

        /// The probability that a GP of a site in `commune` (of `departement`) leaves, if any applies.
        public func share(commune: String?, departement: String?) -> Double? {
            if let c = commune, let s = shares[c] { return s }
            if let d = departement, let s = shares[d] { return s }
            return share
        }
    }

    public enum Action: Sendable, Hashable {
        case openSite(OpenSite)
        case closeSite(Target)
        case addGPs(Target, Double)
        case removeGPs(Target, Double)
        case retire(Retirement)
        /// Sets the year the scenario describes (used by later `retire` events).
        case horizon(Int)
    }
}

/// A scenario event that cannot be applied: names the line and key of the scenario file.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int?
    public var key: String?
    public var message: String

    public init(line: Int?, key: String?, message: String) {
        self.line = line
        self.key = key
        self.message = message
    }

    /// `line N: key 'k': message`, on one line (control characters escaped, ``CareKernel/MessageText``).
    public var description: String {
        MessageText.oneLine((line.map { "line \($0): " } ?? "") + (key.map { "key '\($0)': " } ?? "") + message)
    }
}
