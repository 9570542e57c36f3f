import CareModel

/// GP sites read from a file, with what could not be placed.
public struct SupplyImport: Sendable {
    /// The sites placed, in order of first appearance in the file; `gps` of each in FTE (or units of the BPE column).
    public var sites: [SupplySite]
    /// What the importer repaired or could not place (codes mapped to a parent, repeated rows, unknown codes…).
    public var report: ImportReport
    /// Codes unknown to the territory (neither a commune nor an alias), with the GPs they carry: reported,
    /// never silently dropped.
    public var unknownCodes: [(code: String, gps: Double, line: Int)]
    /// The BPE column counted, or `nil` for a practitioners file (whose rows are GPs).
    public var countColumn: BPECountColumn?

    /// Creates an import from its parts; `countColumn` `nil` means the rows count GPs.
    public init(sites: [SupplySite], report: ImportReport, unknownCodes: [(code: String, gps: Double, line: Int)],
                countColumn: BPECountColumn? = nil) {
        self.sites = sites
        self.report = report
        self.unknownCodes = unknownCodes
        self.countColumn = countColumn
    }

    /// The units (GPs, or units of the BPE column) on rows whose code is unknown: read but not placed.
    public var unknownGPs: Double { unknownCodes.reduce(0) { $0 + $1.gps } }
    /// The units placed: the sum of the sites' `gps` (FTE for a practitioners file, counts for a BPE file).
    public var totalGPs: Double { sites.reduce(0) { $0 + $1.gps } }
    /// Whether the supply counts GPs (practitioners, or BPE D201), not another BPE equipment.
    public var countsGPs: Bool { countColumn.map(\.countsGPs) ?? true }
    /// What one unit of the supply is, in plural, for counts in notes: `GPs`, or `units of NB_D107`.
    public var unitsNoun: String { countsGPs ? "GPs" : "units of \(countColumn?.name ?? "")" }
    /// The supply's total, named by what it counts: `1868 GPs`, `421 maternity units (BPE D107, column NB_D107)`.
    public var totalText: String { (countColumn ?? .generalPractitioners).units(totalGPs) }
}
