import CareIO
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
                                   accepted: Bool) throws -> (study: Study, line: Diagnostic?) {
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
        let line = Diagnostic.supplyGap(.init(
            gaps: gaps.gaps.map { .init(departement: $0.departement, communes: $0.communes, population: $0.population) },
            departementsWithSupply: gaps.departementsWithSupply, otherDepartements: gaps.departementsConsidered - gaps.gaps.count,
            minimumPopulation: SupplyGaps.minimumPopulation, catchment: indicator?.catchment, nearestDistorted: coverage,
            gapCommunes: affected.count - reaching.count, reachingCommunes: reaching.count, reachingPopulation: population,
            accepted: accepted))
        var study = self
        if !accepted {
            study.demand = demand.filter { !affected.contains($0) }
            guard !study.demand.isEmpty else {
                throw ModelError.emptyDemand("every studied commune is in or within reach of a supply gap (\(gaps.departements.joined(separator: ", "))); --accept-supply-gaps scores them anyway")
            }
        }
        // The gaps' own communes are named by this line: the "suspicious supply" note keeps the others.
        let gapCodes = Set(gaps.holeCommunes.map { territory.communes[$0].code })
        study.notes = study.notes.compactMap { note in
            guard case .suspiciousSupply(let minimum, let communes) = note else { return note }
            let rest = communes.filter { !gapCodes.contains($0.code) }
            return rest.isEmpty ? nil : .suspiciousSupply(minimumPopulation: minimum, communes: rest)
        }
        study.notes.insert(line, at: 0)
        study.supplyGap = line
        return study
    }
}
