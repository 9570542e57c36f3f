import CareModel

extension ScenarioFile.Baseline {
    /// The baseline's travel-time model for `study` (see ``model(for:)``), a road-network model telling
    /// `progress` of its catchment searches (one unit per site). Crow-fly and matrix models have no long step
    /// to report.
    ///
    /// ```swift
    /// let (model, notes) = try file.baseline.model(for: study, progress: bar)
    /// ```
    /// Complexity: that of ``model(for:)``.
    public func model(for study: Study, progress: any ProgressReporter) throws -> (model: any TravelTimeModel, notes: [String]) {
        var (model, notes) = try model(for: study)
        if var network = model as? NetworkModel {
            network.progress = progress
            model = network
        }
        return (model, notes)
    }
}
