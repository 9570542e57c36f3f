import CareModel

/// GP sites read from a file, with what could not be placed.
public struct SupplyImport: Sendable {
    public var sites: [SupplySite]
    public var report: ImportReport
    /// Codes unknown to the territory (neither a commune nor an alias), with the GPs they carry: reported,
    /// never silently dropped.
    public var unknownCodes: [(code: String, gps: Double, line: Int)]

    public var unknownGPs: Double { unknownCodes.reduce(0) { $0 + $1.gps } }
    public var totalGPs: Double { sites.reduce(0) { $0 + $1.gps } }
}
