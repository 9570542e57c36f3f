import ArgumentParser
import CareModel

/// `--zone-level`: which zones of a zones file (`access --zones`) count, for `place --zones` and `interns --zones`.
enum ZoneLevel: String, ExpressibleByArgument, CaseIterable {
    case underServed = "under-served", complementary

    var zone: AccessZone { self == .underServed ? .underServed : .complementary }
}
