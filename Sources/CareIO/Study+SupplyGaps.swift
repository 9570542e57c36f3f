import CareModel

extension Study {
    /// The study with its supply gaps handled (``CareModel/SupplyGaps``): the one line that names them and what
    /// was done (`nil` when there are none), and, unless `accepted`, the demand without the communes the gaps
    /// distort (the gaps' own and those whose `catchment` reaches them under `method`'s weights), left out as no
    /// data. The line is also the study's first note, so that CSV sidecars and reports carry it.
    ///
    /// The line reads, on the national BPE run: "75 (20 communes, 2,187,526 inhabitants) has no GP in the supply
    /// file while 94 of the 94 other départements of 100,000+ inhabitants do: the file is missing rows. The 20
    /// studied communes of the gap and the 72 others whose 20-minute catchment reaches them (3,304,695
    /// inhabitants) are left out as no data, not scored; --accept-supply-gaps scores them."
    /// - Throws: ``CareModel/ModelError/emptyDemand(_:)`` when every studied commune is left out; the model's errors.
    public func handlingSupplyGaps(model: some TravelTimeModel, catchment: Double, method: AccessibilityMethod,
                                   accepted: Bool) throws -> (study: Study, line: String?) {
        let handled = try handlingSupplyGaps(model: model, indicator: (catchment, method), coverage: false, accepted: accepted)
        return (handled, handled.supplyGap)
    }

    /// The study with its supply gaps handled for the figures a run gives: a floating-catchment `indicator`
    /// (communes whose catchment reaches a gap, ``CareModel/SupplyGaps/affectedCommunes(studied:territory:model:catchment:method:)``)
    /// and/or `coverage` (communes for which a gap commune is no farther than their nearest GP,
    /// ``CareModel/SupplyGaps/nearestDistorted(studied:territory:sites:model:)``). Unless `accepted`, they leave
    /// the demand as no data. The line is ``supplyGap`` and the first note.
    /// - Throws: ``CareModel/ModelError/emptyDemand(_:)`` when every studied commune is left out; the model's errors.
    public func handlingSupplyGaps(model: some TravelTimeModel, indicator: (catchment: Double, method: AccessibilityMethod)?,
                                   coverage: Bool, accepted: Bool) throws -> Study {
        let gaps = SupplyGaps(territory: territory, sites: supply.sites, studied: demand)
        guard !gaps.isEmpty else { return self }
        var affected = Set<Int>()
        if let indicator {
            affected.formUnion(try gaps.affectedCommunes(studied: demand, territory: territory, model: model,
                                                         catchment: indicator.catchment, method: indicator.method))
        }
        if coverage {
            affected.formUnion(try gaps.nearestDistorted(studied: demand, territory: territory, sites: supply.sites, model: model))
        }
        let holes = Set(gaps.holeCommunes)
        let reaching = affected.filter { !holes.contains($0) }
        let population = reaching.reduce(0) { $0 + territory.communes[$1].population }
        let names = gaps.gaps.map { "\($0.departement) (\($0.communes.grouped) communes, \($0.population.grouped) inhabitants)" }
        var line = "\(names.joined(separator: ", ")) \(gaps.gaps.count == 1 ? "has" : "have") no GP in the supply file while "
            + "\(gaps.departementsWithSupply) of the \(gaps.departementsConsidered - gaps.gaps.count) other départements of "
            + "\(SupplyGaps.minimumPopulation.grouped)+ inhabitants do: the file is missing rows. "
        let reason = [indicator.map { "whose \($0.catchment.formatted2)-minute catchment reaches them" },
                      coverage ? "for which one of them is no farther than their nearest GP" : nil].compactMap { $0 }
            .joined(separator: " or ")
        let own = "\((affected.count - reaching.count).grouped) studied communes of the gap"
        let whom = reaching.isEmpty ? own + " (no other studied commune is affected)"
            : own + " and the \(reaching.count.grouped) others \(reason) (\(population.grouped) inhabitants)"
        var study = self
        if accepted {
            line += indicator == nil
                ? "Counted anyway (--accept-supply-gaps): the minutes of the \(whom) ignore GPs the file lacks."
                : "Scored anyway (--accept-supply-gaps): the scores of the \(whom) miss the gap's GPs and count its demand."
        } else {
            line += indicator == nil
                ? "The \(whom) are left out as no data, not counted; --accept-supply-gaps counts them."
                : "The \(whom) are left out as no data, not scored; --accept-supply-gaps scores them."
            study.demand = demand.filter { !affected.contains($0) }
            guard !study.demand.isEmpty else {
                throw ModelError.emptyDemand("every studied commune is in or within reach of a supply gap (\(gaps.departements.joined(separator: ", "))); --accept-supply-gaps scores them anyway")
            }
        }
        study.notes.insert(line, at: 0)
        study.supplyGap = line
        return study
    }
}
