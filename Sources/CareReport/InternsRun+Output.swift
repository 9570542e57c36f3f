import CareIO
import CareStudy

extension InternsRun {
    /// The summary printed: the grants by faculty, band and zone, then the effect on access when measured.
    public var summaryText: String {
        var text = InternsOutput.text(grants, file: file, zonesSource: spec.zonesPath, level: spec.zoneLevel)
        if let access {
            text += "\n\nEffect on access of the intern posts (temporary supply, as a scenario):\n" + access.summaryText()
        }
        return text
    }

    /// Stages every grant at `path`, with the table's metadata sidecar.
    public func stageGrants(to path: String, in transaction: inout OutputTransaction) throws {
        try transaction.stage(InternsOutput.csv(grants, file: file), to: path)
        try CSVMetadata(title: "CareAccess intern grants", model: "straight line (great circle) from the faculty",
                        sources: [spec.internsPath] + (spec.zonesPath.map { [$0] } ?? []),
                        notes: file.synthetic ? ["The placements are synthetic (marked so in the file)."] : [])
            .stage(besides: path, in: &transaction)
    }
}
