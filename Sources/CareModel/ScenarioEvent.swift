import CareKernel
/// One change a scenario applies to the GP supply, in order. Each event remembers the line of the scenario file
/// it comes from, so that errors point at it.
public struct ScenarioEvent: Sendable, Hashable {
    /// What the event does.
    public var action: Action
    /// Line in the scenario file (1-based), when parsed from a file.
    public var line: Int?

    /// Creates an event from its action and, when parsed from a file, its line.
    public init(_ action: Action, line: Int? = nil) {
        self.action = action
        self.line = line
    }

    /// Where an event applies: one site by id, or every site of a commune.
    public enum Target: Sendable, Hashable, CustomStringConvertible {
        /// The site with this id (``SupplySite/id``).
        case site(String)
        /// Every open site of the commune with this INSEE code (an alias resolves to its commune).
        case commune(String)

        /// `site ID` or `commune CODE`, for messages.
        public var description: String {
            switch self {
            case .site(let id): return "site \(id)"
            case .commune(let code): return "commune \(code)"
            }
        }
    }

    /// Where a new site goes: at a commune's point, or at Lambert-93 coordinates.
    public enum Location: Sendable, Hashable {
        /// At the representative point of the commune with this INSEE code (``Commune/point``).
        case commune(String)
        /// At Lambert-93 coordinates in metres (EPSG:2154), inside metropolitan France (x 0…1,350,000,
        /// y 6,000,000…7,200,000).
        case lambert93(x: Double, y: Double)
    }

    /// A new GP site: where it goes, what kind it is and its capacity.
    public struct OpenSite: Sendable, Hashable {
        /// Site id; `nil` numbers it `new-1`, `new-2`, … in opening order. Must not clash with an existing id.
        public var id: String?
        /// Label for the log; `nil` uses the commune's name, else the id.
        public var name: String?
        /// Where the site goes.
        public var location: Location
        /// The kind of site (a rotating post must have 1 FTE).
        public var kind: SiteKind
        /// Capacity in FTE (head count for GP counts); for an intern post, the FTE while present.
        public var fte: Double
        /// Intern posts: months per year present (capacity = fte × months / 12).
        public var months: Double?

        /// Creates a new-site event from its parts, unchecked (``Scenario/apply(to:territory:)`` checks them).
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
        /// Age in years (> 0) at which GPs leave: those aged `age` or more in the horizon year.
        public var age: Int
        /// Probability (0…1) that a GP of a count site leaves, where ``shares`` has no entry; `nil` for none.
        public var share: Double?
        /// Probability (0…1) by commune code or département code, overriding ``share`` there.
        public var shares: [String: Double]
        /// Seed of the random draws, so that a run is reproducible.
        public var seed: UInt64

        /// Creates a retirement event from its parts, unchecked (``Scenario/apply(to:territory:)`` checks them).
        public init(age: Int, share: Double? = nil, shares: [String: Double] = [:], seed: UInt64 = StudyDefaults.drawSeed) {
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

    /// The changes a scenario event can make.
    public enum Action: Sendable, Hashable {
        /// Opens a new site.
        case openSite(OpenSite)
        /// Closes the target's open sites: their GPs and practitioners drop to 0.
        case closeSite(Target)
        /// Adds this many GPs (FTE, > 0) to the target's first open site (``SupplySite/addGPs(_:)``).
        case addGPs(Target, Double)
        /// Removes this many GPs (FTE, > 0) from the target's open sites in order (``SupplySite/removeGPs(_:)``); no
        /// more than they have.
        case removeGPs(Target, Double)
        /// Retires GPs of the open practices (``SiteKind/practice``) by age: by birth year when listed, else by share.
        case retire(Retirement)
        /// Sets the year the scenario describes (used by later `retire` events).
        case horizon(Int)
    }
}

/// A scenario event that cannot be applied: names the line and key of the scenario file.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Line of the scenario file (1-based) of the event at fault, when known.
    public var line: Int?
    /// The scenario-file key at fault, e.g. `fte` or `commune`, when there is one.
    public var key: String?
    /// What is wrong, in English.
    public var message: String

    /// Creates an error from its parts.
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
