import CareModel

/// Reads the APL's age inputs: an age structure (`code,band,population`: population of each commune by age
/// band, long format) and consumption weights (`band,weight`: mean GP consumption of each band), and returns
/// the age-standardised population per commune code (``AgeStandardisation``).
public enum AgeStructureFile {
    public static func standardisedDemand(structurePath: String, weightsPath: String, territory: Territory) throws -> [String: Double] {
        var weights: [String: Double] = [:]
        var wt = try CSVTableReader(bytes: try FileInput.bytes(path: weightsPath), file: weightsPath, required: ["band", "weight"])
        let wBand = try wt.columnIndex("band"), wWeight = try wt.columnIndex("weight")
        while try wt.next() {
            let band = try wt.nonEmptyString(wBand)
            let w = try wt.double(wWeight)
            guard w >= 0 else { throw wt.error(wWeight, "\(w) is negative") }
            guard weights.updateValue(w, forKey: band) == nil else { throw wt.error(wBand, "duplicate band \(band)") }
        }
        if weights.isEmpty { throw InputError(file: weightsPath, line: 2, message: "no data rows") }

        var populations: [String: [String: Double]] = [:]
        var t = try CSVTableReader(bytes: try FileInput.bytes(path: structurePath), file: structurePath,
                                   required: ["code", "band", "population"])
        let cCode = try t.columnIndex("code"), cBand = try t.columnIndex("band"), cPop = try t.columnIndex("population")
        while try t.next() {
            let code = try t.nonEmptyString(cCode)
            guard let i = territory.index(ofCode: code) else { throw t.error(cCode, "unknown commune code \(code)") }
            let band = try t.nonEmptyString(cBand)
            guard weights[band] != nil else { throw t.error(cBand, "band '\(band)' has no weight in \(weightsPath)") }
            let p = try t.double(cPop)
            guard p >= 0 else { throw t.error(cPop, "\(p) is negative") }
            populations[territory.communes[i].code, default: [:]][band, default: 0] += p
        }
        if populations.isEmpty { throw InputError(file: structurePath, line: 2, message: "no data rows") }
        return try AgeStandardisation.standardise(populations: populations, consumption: weights)
    }
}
