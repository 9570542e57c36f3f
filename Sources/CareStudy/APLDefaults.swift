import CareIO
import CareFixtures
import CareModel

/// The APL inputs that ship with the package: INSEE's département age structure of 1 January 2021
/// (provisional estimates; `Fixtures/population/age-structure-departement.csv`) and DREES's 2023 GP consumption
/// weights by 5-year band (`Fixtures/population/drees-gp-consumption-weights-2023.csv`). They make the default
/// demand of `careaccess access --method apl`, `place --indicator apl` and the APL of scenario and comparison
/// files.
///
/// ```swift
/// let apl = try APLDefaults.options(referenceYear: 2026)   // age-standardised demand, derived activity level
/// ```
public enum APLDefaults {
    /// Source of the shipped age structure, for outputs.
    public static let structureSource = "INSEE population estimates by département and 5-year band, 1 January 2021, provisional"
    /// Source of the shipped weights, for outputs.
    public static let weightsSource = "DREES 2023 GP consumption weights by 5-year band, 90+ weight for 90–94 and 95+"
    /// ``structureSource`` and ``weightsSource`` in French, for French reports.
    public static let frenchSources = [
        structureSource: "estimations de population de l’INSEE par département et tranche d’âge de 5 ans, 1er janvier 2021, provisoires",
        weightsSource: "poids de consommation de soins de médecine générale de la DREES (2023) par tranche de 5 ans, celui des 90 ans et plus pour 90–94 et 95 ans et plus",
    ]

    private static let loaded: Result<(ConsumptionWeights, DepartementAgeStructure), InputError> = Result { () throws(InputError) in
        let paths: EmbeddedFixture.PopulationPaths
        do {
            paths = try EmbeddedFixture.population()
        } catch {
            throw InputError(file: "Fixtures/population", message: "\(error)")
        }
        let w = try AgeStructureFile.weights(path: paths.weightsPath, source: weightsSource)
        let s = try AgeStructureFile.departementStructure(path: paths.structurePath, source: structureSource, weights: w)
        return (w, s)
    }

    /// The shipped consumption weights.
    public static func weights() throws(InputError) -> ConsumptionWeights { try loaded.get().0 }

    /// The shipped département age structure.
    public static func structure() throws(InputError) -> DepartementAgeStructure { try loaded.get().1 }

    /// The default APL demand: each commune's population × its département's consumption index.
    public static func demand() throws(InputError) -> APLDemand {
        let (w, s) = try loaded.get()
        return .departementAgeStructure(s, w)
    }

    /// APL options with the default demand (and the derived activity level per GP, ``APLActivityLevel``).
    public static func options(referenceYear: Int) throws(InputError) -> APLOptions {
        var o = APLOptions(referenceYear: referenceYear)
        o.demand = try demand()
        return o
    }
}
