extension ObservedTripsFile {
    /// What the reader left out or changed (``Report``), as a case with its figures; renderers give the words
    /// (English on the terminal and in the CSV sidecars).
    ///
    /// ```swift
    /// if case .atHome(let n)? = observed.notes.first { print(n) }
    /// ```
    public enum Note: Sendable, Hashable {
        /// A code unknown to the territory and the line it is on.
        public struct UnknownCode: Sendable, Hashable {
            /// The commune code as written in the file.
            public var code: String
            /// The file line the code is on (1-based: the header is line 1).
            public var line: Int
            /// Creates a reference to an unknown code on `line`.
            public init(code: String, line: Int) {
                self.code = code
                self.line = line
            }
        }

        /// DREES rows that are not road trips, counted by `typ_equip` (helicopter bases, correspondent doctors).
        case notRoad([String: Int])
        /// Equipped communes: 0 minutes to their own service, no trip.
        case atHome(Int)
        /// Road rows without minutes (METRIC computes none for isolated islands), their lines.
        case withoutMinutes(lines: [Int])
        /// Codes of communes déléguées or associées mapped to their parent, at the origin and the destination.
        case remapped(origins: Int, destinations: Int)
        /// Rows with codes unknown to the territory (retired communes).
        case unknownCodes([UnknownCode])
        /// Rows whose two ends are one commune of the territory once remapped.
        case collapsed(Int)
        /// Rows whose ends are in two CRS zones.
        case crossZone(Int)
    }

    /// What the reader left out or changed, in the order the terminal prints it.
    public var notes: [Note] {
        let r = report
        var n: [Note] = []
        if !r.notRoad.isEmpty { n.append(.notRoad(r.notRoad)) }
        if r.atHome > 0 { n.append(.atHome(r.atHome)) }
        if !r.withoutMinutes.isEmpty { n.append(.withoutMinutes(lines: r.withoutMinutes)) }
        if r.remappedOrigins + r.remappedDestinations > 0 {
            n.append(.remapped(origins: r.remappedOrigins, destinations: r.remappedDestinations))
        }
        if !r.unknownCodes.isEmpty { n.append(.unknownCodes(r.unknownCodes.map { .init(code: $0.code, line: $0.line) })) }
        if r.collapsed > 0 { n.append(.collapsed(r.collapsed)) }
        if r.crossZone > 0 { n.append(.crossZone(r.crossZone)) }
        return n
    }
}
