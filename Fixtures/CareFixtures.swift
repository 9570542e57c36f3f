import Foundation

/// Locates the real data fixtures embedded in the package (copied as resources at build time).
public enum EmbeddedFixture {
    public struct Paths: Sendable {
        public var territoryPath: String
        public var supplyPath: String
        /// Radius around the studied département within which neighbouring communes' GPs are included.
        public var bufferKm: Int
    }

    public struct Missing: Error, CustomStringConvertible {
        public var description: String
    }

    /// The Ardèche (07) fixture: `ardeche/communes.csv` (territory CSV) and `ardeche/gp.csv` (BPE rows).
    public static func ardeche() throws -> Paths {
        guard let dir = Bundle.module.url(forResource: "ardeche", withExtension: nil) else {
            throw Missing(description: "the embedded Ardèche fixture is missing from the build (resource bundle not found)")
        }
        return Paths(territoryPath: dir.appendingPathComponent("communes.csv").path,
                     supplyPath: dir.appendingPathComponent("gp.csv").path, bufferKm: 35)
    }

    /// The calibrated travel model shipped with the package: `travel/metric-2019.json`, fit on INSEE METRIC
    /// drive times (DREES 2019) by `Scripts/make-travel-model.sh`.
    public static func travelModelPath() throws(Missing) -> String {
        guard let dir = Bundle.module.url(forResource: "travel", withExtension: nil) else {
            throw Missing(description: "the shipped travel model is missing from the build (resource bundle not found)")
        }
        return dir.appendingPathComponent("metric-2019.json").path
    }

    /// The APL's demand inputs: `population/age-structure-departement.csv` (INSEE, population by département and
    /// 5-year band, 1 January 2021) and `population/drees-gp-consumption-weights-2023.csv` (DREES weights by band).
    public struct PopulationPaths: Sendable {
        public var structurePath: String
        public var weightsPath: String
        /// `population/departements.csv`: each département's name as INSEE's sheet spells it (`07,Ardèche`).
        public var departementNamesPath: String
    }

    public static func population() throws -> PopulationPaths {
        guard let dir = Bundle.module.url(forResource: "population", withExtension: nil) else {
            throw Missing(description: "the embedded age structure is missing from the build (resource bundle not found)")
        }
        return PopulationPaths(structurePath: dir.appendingPathComponent("age-structure-departement.csv").path,
                               weightsPath: dir.appendingPathComponent("drees-gp-consumption-weights-2023.csv").path,
                               departementNamesPath: dir.appendingPathComponent("departements.csv").path)
    }
}
