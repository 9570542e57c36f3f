import CareKernel
import CareModel

/// Reads the APL's age inputs: consumption weights (`band,weight`: relative GP consumption of each age band), a
/// département age structure (`year,departement,band,population`, the format of the file that ships in
/// `Fixtures/population/`), and a commune age structure (`code,band,population`, long format).
///
/// ```swift
/// let w = try AgeStructureFile.weights(path: "weights.csv", source: "DREES 2023")
/// let s = try AgeStructureFile.departementStructure(path: "age-structure-departement.csv", source: "INSEE 2021", weights: w)
/// let demand = APLDemand.departementAgeStructure(s, w)
/// ```
/// Every row is checked; errors name file, line and field. Linear in the rows.
public enum AgeStructureFile {
    /// Consumption weight per band: each finite and ≥ 0, bands unique.
    public static func weights(path: String, source: String) throws(InputError) -> ConsumptionWeights {
        var weights: [String: Double] = [:]
        var wt = try CSVTableReader(bytes: try FileInput.bytes(path: path), file: path, required: ["band", "weight"])
        let wBand = try wt.columnIndex("band"), wWeight = try wt.columnIndex("weight")
        while try wt.next() {
            let band = try wt.nonEmptyString(wBand)
            let w = try wt.double(wWeight)
            guard w >= 0 else { throw wt.error(wWeight, "\(w) is negative") }
            guard weights.updateValue(w, forKey: band) == nil else { throw wt.error(wBand, "duplicate band \(band)") }
        }
        if weights.isEmpty { throw InputError(file: path, line: 2, message: "no data rows") }
        guard weights.values.contains(where: { $0 > 0 }) else { throw InputError(file: path, message: "every weight is 0") }
        do {
            return try ConsumptionWeights(source: source, weights: weights)
        } catch {
            throw InputError(file: path, message: error.description)
        }
    }

    /// A département age structure of one year: département codes as INSEE writes them (`01`…`95`, `2A`, `2B`,
    /// `971`…`976`), each (département, band) once, populations finite and ≥ 0, every band weighted in
    /// `weights`, and the same bands for every département.
    public static func departementStructure(path: String, source: String, weights: ConsumptionWeights) throws(InputError)
        -> DepartementAgeStructure
    {
        var t = try CSVTableReader(bytes: try FileInput.bytes(path: path), file: path, required: ["year", "departement", "band", "population"])
        let cYear = try t.columnIndex("year"), cDep = try t.columnIndex("departement")
        let cBand = try t.columnIndex("band"), cPop = try t.columnIndex("population")
        var year: (value: Int, line: Int)?
        var populations: [String: [String: Double]] = [:]
        var firstLine: [String: Int] = [:]
        while try t.next() {
            let y = try t.int(cYear)
            guard (1900...2200).contains(y) else { throw t.error(cYear, "\(y) is not a plausible year") }
            if let year, year.value != y {
                throw t.error(cYear, "\(y) differs from \(year.value) on line \(year.line): one year per file")
            }
            if year == nil { year = (y, t.line) }
            let dep = try t.nonEmptyString(cDep)
            guard isDepartementCode(dep) else { throw t.error(cDep, "'\(dep)' is not a département code (01…95, 2A, 2B, 971…976)") }
            let band = try t.nonEmptyString(cBand)
            guard weights.weights[band] != nil else { throw t.error(cBand, "band '\(band)' has no weight (\(weights.source))") }
            let p = try t.double(cPop)
            guard p >= 0 else { throw t.error(cPop, "\(p) is negative") }
            if firstLine[dep] == nil { firstLine[dep] = t.line }
            guard populations[dep, default: [:]].updateValue(p, forKey: band) == nil else {
                throw t.error(cBand, "département \(dep) has band \(band) twice")
            }
        }
        guard let year else { throw InputError(file: path, line: 2, message: "no data rows") }
        // Same bands everywhere: a département missing a band would get a biased index.
        let bands = Set(weights.weights.keys).intersection(populations.values.flatMap(\.keys))
        for (dep, byBand) in populations.sorted(by: { (firstLine[$0.key] ?? 0) < (firstLine[$1.key] ?? 0) }) where Set(byBand.keys) != bands {
            let missing = bands.subtracting(byBand.keys).sorted()
            throw InputError(file: path, line: firstLine[dep], field: "band",
                             message: "département \(dep) lacks band\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", ")) that others have")
        }
        for (dep, byBand) in populations where byBand.values.reduce(0, +) <= 0 {
            throw InputError(file: path, line: firstLine[dep], field: "population", message: "département \(dep) has population 0")
        }
        do {
            return try DepartementAgeStructure(year: year.value, source: source, populations: populations)
        } catch {
            throw InputError(file: path, message: error.description)
        }
    }

    /// Age-standardised demand per commune of `territory` from a commune age structure (`code,band,population`)
    /// and `weights` (``AgeStandardisation``: normalised over the communes of the file).
    public static func communeDemand(structurePath: String, weights: ConsumptionWeights, territory: Territory) throws -> APLDemand {
        var populations: [String: [String: Double]] = [:]
        var t = try CSVTableReader(bytes: try FileInput.bytes(path: structurePath), file: structurePath,
                                   required: ["code", "band", "population"])
        let cCode = try t.columnIndex("code"), cBand = try t.columnIndex("band"), cPop = try t.columnIndex("population")
        while try t.next() {
            let code = try t.nonEmptyString(cCode)
            guard let i = territory.index(ofCode: code) else { throw t.error(cCode, "unknown commune code \(MessageText.value(code))" + territory.hint(forUnknownCode: code)) }
            let band = try t.nonEmptyString(cBand)
            guard weights.weights[band] != nil else { throw t.error(cBand, "band '\(band)' has no weight (\(weights.source))") }
            let p = try t.double(cPop)
            guard p >= 0 else { throw t.error(cPop, "\(p) is negative") }
            populations[territory.communes[i].code, default: [:]][band, default: 0] += p
        }
        if populations.isEmpty { throw InputError(file: structurePath, line: 2, message: "no data rows") }
        let values = try AgeStandardisation.standardise(populations: populations, consumption: weights.weights)
        return .communes(values, source: "commune age structure \(structurePath) × \(weights.source), normalised over its communes")
    }

    static func isDepartementCode(_ s: String) -> Bool {
        let b = Array(s.utf8)
        let digit = { (c: UInt8) in c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
        if b.count == 2 {
            if s == "2A" || s == "2B" { return true }
            return digit(b[0]) && digit(b[1]) && s != "00" && s != "20" && s <= "95"
        }
        return b.count == 3 && s.hasPrefix("97") && (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(b[2])
    }
}
