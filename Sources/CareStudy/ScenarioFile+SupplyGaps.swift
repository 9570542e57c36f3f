import CareIO
import CareModel

extension ScenarioFile.Baseline {
    /// `study` with its supply gaps handled for a scenario, comparison or sweep, whose figures are both coverage
    /// and the indicator: the communes of a gap, those whose indicator catchment reaches one, and those for
    /// which one is no farther than their nearest GP are left out as no data, unless the baseline says
    /// `accept_supply_gaps: true` (``Study/handlingSupplyGaps(model:indicator:coverage:accepted:)``).
    public func handlingSupplyGaps(_ study: Study, model: some TravelTimeModel) throws -> Study {
        // The horizon changes the APL's year, not its weights: the reach of a gap does not depend on it.
        let method = try evaluation(horizon: nil).accessibility.method
        return try study.handlingSupplyGaps(model: model, indicator: (indicatorCatchment, method), coverage: true,
                                            accepted: acceptSupplyGaps)
    }
}
