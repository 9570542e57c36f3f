import CareIO
import CareModel
import CareStudy

extension AccessRun {
    /// Stages the per-commune table at `table` and, with `zones` and `classified`, the zone of every studied
    /// commune at `zones`, each with its metadata sidecar (model, caveats, sources, notes).
    public func stage(table: String?, zones: String?, classified: UnderServedZones?,
                      in transaction: inout OutputTransaction) throws {
        if let table {
            try transaction.stage(AccessibilityOutput.csv(result, study: study), to: table)
            try metadata("CareAccess accessibility per commune").stage(besides: table, in: &transaction)
        }
        if let zones, let classified {
            try transaction.stage(ZonesFile.csv(classified, territory: study.territory), to: zones)
            try metadata("CareAccess under-served zones per commune").stage(besides: zones, in: &transaction)
        }
    }

    /// The sidecar of a table of this run titled `title`.
    func metadata(_ title: String) -> CSVMetadata {
        CSVMetadata(title: title, model: model.summary, caveats: model.caveats.map(\.description),
                    sources: [study.territorySource, study.supplyProvenance], notes: study.notes.map(\.description))
    }
}
