import CareIO
import CareStudy

extension TravelCalibrationRun {
    /// The summary printed by `travel calibrate`: trips, fit and held-out errors, and where the model was written.
    public func summaryText(out: String) -> String {
        TravelOutput.calibration(result, observed: observed, territory: input.territory, territorySource: input.source, out: out)
    }

    /// Stages the model file at `out` and, with `tripsOut`, every trip with its in-sample and held-out minutes
    /// (and the table's metadata sidecar) in `transaction`.
    public func stage(model out: String, trips tripsOut: String?, in transaction: inout OutputTransaction) throws {
        if let tripsOut {
            try transaction.stage(TravelOutput.tripsCSV(observed.trips, modelled: result.inSample, folds: result.folds,
                                                        heldOut: result.heldOut), to: tripsOut)
            try CSVMetadata(title: "Observed trips with the calibrated model's in-sample and held-out minutes",
                            model: result.parameters.summary, caveats: result.parameters.caveats.map(\.description),
                            sources: [spec.observedPath, input.source], notes: observed.notes.map(\.description))
                .stage(besides: tripsOut, in: &transaction)
        }
        try CalibratedModelFile.stage(result.parameters, to: out, in: &transaction)
    }
}
