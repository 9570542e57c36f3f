import CareIO
extension Study {
    /// The supply as a summary's `Supply:` line shows it: its source, sites and total named by what the file
    /// counts (`gp.csv (407 sites, 1868 GPs)`, `maternity.csv (421 sites, 421 maternity units (BPE D107, column
    /// NB_D107))`).
    public var supplySummary: String {
        "\(supplySource) (\(supply.sites.count) sites, \(supply.totalText))"
    }

    /// The supply source as provenance (sidecar `dc:source`, report sources) names it: the file, and the BPE
    /// column counted when it is not the default `NB_D201`.
    public var supplyProvenance: String {
        guard let column = supply.countColumn, !column.countsGPs else { return supplySource }
        return "\(supplySource) (\(column.provenance))"
    }
}
