import CareGeo

/// What an importer repaired, ignored or could not place: real data are dirty, and every decision is reported.
public struct ImportReport: Sendable, Equatable {
    /// The input the report is about, as its importer was told to name it (a path or a display name).
    public var source: String
    /// Every repair and notice, in the order the importer met them.
    public var entries: [Entry] = []
    /// Counters such as "rows read", "communes", "aliases", in insertion order.
    public var counts: [(String, Int)] = []

    /// An empty report about `source`.
    public init(source: String) { self.source = source }

    /// One repair or notice about one commune (or code of the input).
    public struct Entry: Sendable, Equatable {
        /// The INSEE code the entry is about, as the input gives it (may be unknown to the territory).
        public var code: String
        /// The commune's name when the importer knows it, else empty.
        public var name: String
        /// What kind of repair or notice it is.
        public var kind: Kind
        /// The specifics, in words (`town hall 412 m outside the commune; replaced by an interior point`).
        public var detail: String
    }

    /// The kinds of repair and notice, with a stable identifier for CSV reports.
    public enum Kind: String, Sendable, CaseIterable {
        /// The town hall lies more than ``DataFranceImporter/townHallTolerance`` metres outside the commune's boundary
        /// and was replaced by an interior point (or kept, when the boundary is degenerate).
        case townHallOutside = "town_hall_outside_commune"
        /// The commune has no town hall in the source; an interior point of its boundary is used.
        case townHallMissing = "town_hall_missing"
        /// The town hall is not a valid longitude/latitude and was ignored.
        case townHallInvalid = "town_hall_invalid"
        /// The commune has no boundary in the source, nor communes déléguées with one.
        case boundaryMissing = "boundary_missing"
        /// The commune has no boundary of its own; the union of its communes déléguées' polygons is used.
        case boundaryFromDelegated = "boundary_from_communes_deleguees"
        /// The simplified boundary had parts sharing edges, dissolved into one (areas before and after in the detail).
        case boundaryDissolved = "boundary_parts_dissolved"
        /// The simplified boundary is still not OGC-valid; kept as it is, with the first reason.
        case boundaryInvalid = "boundary_invalid_unrepaired"
        /// An area enclosed by neighbouring communes and in none of them; left empty, its likely owners named.
        case coverageGap = "coverage_gap_unrepaired"
        /// The commune has no population in the source, nor communes déléguées with one: counted as 0 inhabitants.
        case populationMissing = "population_missing"
        /// The commune has no population of its own; the sum of its communes déléguées' is used.
        case populationFromDelegated = "population_from_communes_deleguees"
        /// Neither a town hall nor a usable boundary: the commune cannot be placed and is left out of the territory.
        case noLocation = "no_location_excluded"
        /// No projected CRS is known for the commune's département: it is left out of the territory.
        case noProjection = "no_projected_crs_excluded"
        /// A supply row's commune code is unknown to the territory; its count is not placed (BPE import).
        case unknownCode = "unknown_code"
        /// A supply row's code is a commune déléguée or associée; its count goes to the parent commune (BPE import).
        case codeMappedToParent = "code_mapped_to_parent"
        /// A row that is not a demand unit: a municipal sector (SRM), or a commune replaced by its arrondissements.
        case ignoredRow = "ignored_row"
        /// A supply row repeating an earlier one exactly; counted once (BPE import).
        case duplicateRow = "duplicate_row_dropped"
        /// A count for a city studied by arrondissement (Lyon, Marseille) given as a whole, spread over its
        /// arrondissements in proportion to their population (an assumption; BPE import).
        case splitOverSubdivisions = "spread_over_arrondissements"
    }

    /// Appends an entry of `kind` about `code` (and `name`, when known) with its `detail`.
    public mutating func add(_ kind: Kind, code: String, name: String = "", _ detail: String) {
        entries.append(Entry(code: code, name: name, kind: kind, detail: detail))
    }

    /// Appends the counter `label` with `value` to ``counts`` (a repeated label is appended again, not summed).
    public mutating func count(_ label: String, _ value: Int) { counts.append((label, value)) }

    /// The entries of `kind`, in order. Complexity: O(entries).
    public func entries(of kind: Kind) -> [Entry] { entries.filter { $0.kind == kind } }

    /// Adds the boundary simplification counters (vertices before/after, drops, repairs).
    public mutating func countBoundaries(_ s: SimplificationReport, tolerance: Double) {
        count("boundary simplification tolerance (m, rounded)", Int(tolerance.rounded()))
        count("boundary vertices (source)", s.verticesBefore)
        count("boundary vertices (kept)", s.verticesAfter)
        count("boundary arcs (shared by two communes)", s.sharedArcs)
        count("boundary vertices re-inserted (crossings, collapsed rings)", s.verticesReinserted)
        count("boundary islands dropped (isolated, below the minimum area)", s.partsDropped)
        count("boundary holes filled (isolated, below the minimum area)", s.holesDropped)
        count("boundary duplicate vertices removed", s.duplicateVerticesRemoved)
        count("boundary degenerate rings dropped", s.degenerateRingsDropped)
        count("boundary conflicts left as in the source", s.unresolvedConflicts)
        if s.arcsKeptAsSource > 0 {
            count("boundary arcs kept as in the source (crossing repair gave up: they cross themselves everywhere)", s.arcsKeptAsSource)
        }
    }

    /// One line per kind present: `town_hall_outside_commune: 12 (07001, 07002, …)`.
    public func summaryLines(maxCodes: Int = 12) -> [String] {
        var lines: [String] = []
        for kind in Kind.allCases {
            let e = entries(of: kind)
            guard !e.isEmpty else { continue }
            let codes = e.prefix(maxCodes).map(\.code).joined(separator: ", ")
            lines.append("\(kind.rawValue): \(e.count) (\(codes)\(e.count > maxCodes ? ", …" : ""))")
        }
        return lines
    }

    /// All entries as CSV (`code,name,kind,detail`).
    public func csv() -> String {
        var out = "code,name,kind,detail\n"
        for e in entries {
            out += [e.code, e.name, e.kind.rawValue, e.detail].map(CSVWriter.escape).joined(separator: ",") + "\n"
        }
        return out
    }

    /// Equal when the sources, the entries and the counters (labels and values, in order) are equal.
    public static func == (a: ImportReport, b: ImportReport) -> Bool {
        a.source == b.source && a.entries == b.entries && a.counts.map(\.0) == b.counts.map(\.0)
            && a.counts.map(\.1) == b.counts.map(\.1)
    }
}
