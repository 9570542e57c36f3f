import Foundation

/// A temporary folder with a small sweep on the real Creuse fixture (deleted by the test's `defer`).
struct SweepFixture {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures").path

    let directory: String
    var spec: String { directory + "/sweep.yaml" }

    /// 1 random scenario (7 draws) and 1 without randomness, × 2 options: 16 tasks.
    static let small = """
        name: test sweep
        baseline:
          territory: \(fixtures)/creuse/communes.csv
          supply: \(fixtures)/creuse/gp.csv
          departements: ["23"]
          indicator: apl
        scenarios:
          - name: retirements
            horizon: 2030
            events:
              - retire: {age: 67, share: 0.2, seed: 5}
          - name: rotating post
            events:
              - open_site: {commune: "23002", kind: rotating_post}
        draws: 7
        seed: 11
        options:
          - {name: nothing, events: []}
          - name: centre at Royère
            events: [{open_site: {commune: "23165", gps: 2, kind: salaried_centre}}]
        """

    init(yaml: String = Self.small) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("careaccess-sweep-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try yaml.write(toFile: spec, atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }

    func folder(_ name: String) -> String { directory + "/" + name }

    static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }
}
