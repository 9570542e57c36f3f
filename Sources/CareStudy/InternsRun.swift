import CareIO
import CareModel

/// `careaccess interns` as a function of its spec: the grant of every intern placement by great-circle distance
/// from its faculty (``CareModel/InternGrants``: the Grand Est schedule of 600–3,000 € by distance band unless
/// the file states its own), eligibility checked against a zones file, and optionally what the intern posts do
/// to access (``InternsAccess``: the APL before and with them, as a scenario).
///
/// ```swift
/// var spec = InternsRun.Spec(internsPath: "Fixtures/interns/grand-est-interns.yaml")
/// spec.zonesPath = "zones.csv"
/// let run = try InternsRun.run(spec)
/// run.grants.totalGrant
/// ```
public struct InternsRun: Sendable {
    /// What `interns` is asked.
    public struct Spec: Sendable, Hashable {
        /// The interns file: faculties, placements, optional schedule and budget (``CareIO/InternsFile``).
        public var internsPath: String
        /// Eligible zones (a CSV written by `access --zones`); `nil`: eligibility not checked.
        public var zonesPath: String?
        /// With ``zonesPath``: the zones that are eligible (under-served only, or complementary too).
        public var zoneLevel: AccessZone = .underServed
        /// With ``supplyPath``: the territory on which the posts' effect on access is measured.
        public var territoryPath: String?
        /// With ``territoryPath``: the GP supply the posts are added to.
        public var supplyPath: String?

        /// The grants of the placements in `internsPath`, eligibility not checked, no effect on access.
        public init(internsPath: String) {
            self.internsPath = internsPath
        }

        /// Refuses options that go together given alone, before any file is read.
        public func validate() throws {
            if zonesPath == nil, zoneLevel != .underServed { throw StudyError("--zone-level goes with --zones") }
            if (territoryPath == nil) != (supplyPath == nil) {
                throw StudyError("--territory and --supply go together (the effect on access)")
            }
        }
    }

    /// The spec run.
    public var spec: Spec
    /// The interns file as read.
    public var file: InternsFile
    /// Every placement's distance band, eligibility, grant and GP-years.
    public var grants: InternGrants
    /// With a territory and a supply: the scenario of the eligible placements as intern posts.
    public var access: ScenarioRun?

    /// Runs `spec`.
    public static func run(_ spec: Spec) throws -> InternsRun {
        try spec.validate()
        let file = try InternsFile.load(path: spec.internsPath)
        let zones = try spec.zonesPath.map { try ZonesFile.load(path: $0) }
        let grants = try InternGrants(placements: file.placements, faculties: file.faculties, schedule: file.schedule,
                                      zones: zones?.zones, level: spec.zoneLevel, gpFraction: file.gpFraction)
        var access: ScenarioRun?
        if let territory = spec.territoryPath, let supply = spec.supplyPath {
            access = try InternsAccess.run(grants, name: file.name, territoryPath: territory, supplyPath: supply,
                                           path: spec.internsPath)
        }
        return InternsRun(spec: spec, file: file, grants: grants, access: access)
    }
}
