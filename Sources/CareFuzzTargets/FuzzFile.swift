import Foundation

/// A scratch file for readers that take a path (OSM readers, age structures): the input is written there, read
/// back by the reader, and removed. Each call has its own name, so tests may replay inputs in parallel.
enum FuzzFile {
    /// Writes `bytes` to `<temporary directory>/careaccess-fuzz-<pid>-<uuid><suffix>`, runs `body` with its path,
    /// then removes it. Failing to write scratch space is a broken machine, not a finding: it stops the process.
    static func with(_ bytes: [UInt8], suffix: String, _ body: (String) -> Void) {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("careaccess-fuzz-\(getpid())-\(UUID().uuidString)\(suffix)")
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            fatalError("fuzz setup: cannot write \(path)")
        }
        body(path)
    }
}
