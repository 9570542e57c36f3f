/// The version of CareAccess, printed by `careaccess --version` and recorded in every CSV output's provenance
/// (``CSVMetadata``), so that a table can be traced to the build that made it. Raised when outputs change.
public enum CareAccessVersion {
    /// Semantic version of this build.
    public static let current = "0.5.0"
}
