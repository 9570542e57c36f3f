import CareIO
import CareStudy

extension TravelValidationRun {
    /// The summary printed by `travel validate`: errors overall, by band and by département, then the notes.
    public var summaryText: String {
        TravelOutput.validation(validation, modelSummary: model.summary, observed: observed, territory: input.territory,
                                territorySource: input.source, inSample: inSample)
    }

    /// Stages every trip with its modelled minutes at `path`, with the table's metadata sidecar.
    public func stageTrips(to path: String, in transaction: inout OutputTransaction) throws {
        try transaction.stage(TravelOutput.tripsCSV(observed.trips, modelled: validation.modelled), to: path)
        try CSVMetadata(title: "Observed against modelled minutes per trip", model: model.summary, caveats: model.caveats.map(\.description),
                        sources: [spec.observedPath, input.source], notes: observed.notes.map(\.description)).stage(besides: path, in: &transaction)
    }

    /// The HTML report of the validation in `language`.
    public func report(language: ReportLanguage) -> String {
        HTMLReport.travelValidation(validation, trips: observed.trips, territory: input.territory,
                                    modelSummary: model.summary, observedSource: observed.source.description, language: language)
    }
}
