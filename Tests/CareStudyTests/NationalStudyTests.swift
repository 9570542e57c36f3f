import CareIO
import CareTestSupport
import Testing

/// Studies of the real national data (every French commune, the INSEE BPE GP counts), imported once
/// (`NationalData`); its tests are in the extensions of APLRealDataTests, PartialTravelInputTests and
/// SupplyGapStudyTests.
@Suite(.enabled(if: SharedData.available, "needs ../shared/data (real national data)"), .serialized)
struct NationalStudyTests {
    func national() throws -> DataFranceImporter.Output { try NationalData.output() }
}
