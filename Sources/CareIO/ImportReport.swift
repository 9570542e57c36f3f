import CareGeo

/// What an importer repaired, ignored or could not place: real data are dirty, and every decision is reported.
public struct ImportReport: Sendable, Equatable {
    public var source: String
    public var entries: [Entry] = []
    /// Counters such as "rows read", "communes", "aliases", in insertion order.
    public var counts: [(String, Int)] = []

    public init(source: String) { self.source = source }

    public struct Entry: Sendable, Equatable {
        public var code: String
        public var name: String
        public var kind: Kind
        public var detail: String
    }

    /// The kinds of repair and notice, with a stable identifier for CSV reports.
    public enum Kind: String, Sendable, CaseIterable {
        case townHallOutside = "town_hall_outside_commune"
        case townHallMissing = "town_hall_missing"
        case townHallInvalid = "town_hall_invalid"
        case boundaryMissing = "boundary_missing"
        case boundaryFromDelegated = "boundary_from_communes_deleguees"
        case boundaryDissolved = "boundary_parts_dissolved"
        case boundaryInvalid = "boundary_invalid_unrepaired"
        case coverageGap = "coverage_gap_unrepaired"
        case populationMissing = "population_missing"
        case populationFromDelegated = "population_from_communes_deleguees"
        case noLocation = "no_location_excluded"
        case noProjection = "no_projected_crs_excluded"
        case unknownCode = "unknown_code"
        case codeMappedToParent = "code_mapped_to_parent"
        case ignoredRow = "ignored_row"
        case duplicateRow = "duplicate_row_dropped"
        case splitOverSubdivisions = "spread_over_arrondissements"
    }

    public mutating func add(_ kind: Kind, code: String, name: String = "", _ detail: String) {
        entries.append(Entry(code: code, name: name, kind: kind, detail: detail))
    }

    public mutating func count(_ label: String, _ value: Int) { counts.append((label, value)) }

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

    public static func == (a: ImportReport, b: ImportReport) -> Bool {
        a.source == b.source && a.entries == b.entries && a.counts.map(\.0) == b.counts.map(\.0)
            && a.counts.map(\.1) == b.counts.map(\.1)
    }
}
