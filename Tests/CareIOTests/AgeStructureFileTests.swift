import CareModel
import CareStudy
import CareTestSupport
import Foundation
import Testing

@testable import CareIO

/// The age structure that ships (`Fixtures/population/`, converted from INSEE's xlsx by
/// `Fixtures/make_age_structure.py`) and its readers.
struct AgeStructureFileTests {
    /// Cells of the sheet "2021" of `../shared/data/population/estim-pop-dep-sexe-aq-1975-2021.xlsx`, read by hand
    /// from the sheet XML (column W is the Ensemble total, C the 0–4 band, V 95+, P 65–69).
    @Test func shippedCSVMatchesHandCheckedCells() throws {
        let s = try APLDefaults.structure()
        #expect(s.year == 2021)
        #expect(s.total(of: "07") == 327_775)                 // W12, Ardèche
        #expect(s.populations["07"]?["0-4"] == 14_741)        // C12
        #expect(s.populations["07"]?["65-69"] == 23_115)      // P12
        #expect(s.populations["07"]?["95+"] == 1_404)         // V12
        #expect(s.total(of: "23") == 114_505)                 // W29, Creuse
        #expect(s.populations["23"]?["95+"] == 674)           // V29
        #expect(s.total(of: "75") == 2_142_366)               // W81, Paris
        #expect(s.total(of: "976") == 288_926)                // W107, Mayotte
        #expect(s.populations["976"]?["0-4"] == 45_435)       // C107
        // Corrèze 65–69: the copy reads 1 in P24; Hommes AK24 8,535 + Femmes BF24 9,366, the row total W24 and the
        // France métropolitaine row all give 17,901 (the script repairs it and says so).
        #expect(s.populations["19"]?["65-69"] == 17_901)
        #expect(s.total(of: "19") == 239_071)                 // W24
    }

    @Test func shippedDepartementTotalsAreConsistent() throws {
        let s = try APLDefaults.structure()
        #expect(s.departements.count == 101)
        #expect(s.bands == ["0-4", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49", "5-9", "50-54",
                            "55-59", "60-64", "65-69", "70-74", "75-79", "80-84", "85-89", "90-94", "95+"])
        let metro = s.departements.filter { !$0.hasPrefix("97") }
        let dom = s.departements.filter { $0.hasPrefix("97") }
        #expect(metro.count == 96 && dom == ["971", "972", "973", "974", "976"])
        // The sheet's own total rows: W102 France métropolitaine, W108 DOM, and per band C102 (0–4).
        #expect(metro.reduce(0.0) { $0 + (s.total(of: $1) ?? 0) } == 65_235_843)
        #expect(dom.reduce(0.0) { $0 + (s.total(of: $1) ?? 0) } == 2_171_398)
        #expect(metro.reduce(0.0) { $0 + (s.populations[$1]?["0-4"] ?? 0) } == 3_464_402)
        #expect(metro.reduce(0.0) { $0 + (s.populations[$1]?["65-69"] ?? 0) } == 3_774_728)   // P102
    }

    @Test func shippedWeightsAreDREES2023() throws {
        let w = try APLDefaults.weights()
        let published: [(String, Double)] = [
            ("0-4", 1.12), ("5-9", 0.58), ("10-14", 0.51), ("15-19", 0.60), ("20-24", 0.75), ("25-29", 0.79), ("30-34", 0.82),
            ("35-39", 0.85), ("40-44", 0.89), ("45-49", 0.93), ("50-54", 1.03), ("55-59", 1.15), ("60-64", 1.18), ("65-69", 1.23),
            ("70-74", 1.46), ("75-79", 1.57), ("80-84", 1.63), ("85-89", 1.89), ("90-94", 2.26), ("95+", 2.26),
        ]
        #expect(w.weights == Dictionary(uniqueKeysWithValues: published))
    }

    @Test func shippedStandardisationConservesMetropolitanPopulation() throws {
        let s = try APLDefaults.structure(), w = try APLDefaults.weights()
        let idx = try DepartementIndex(structure: s, weights: w)
        let metro = s.departements.filter { !$0.hasPrefix("97") }
        let population = metro.reduce(0.0) { $0 + (s.total(of: $1) ?? 0) }
        let standardised = metro.reduce(0.0) { $0 + (s.total(of: $1) ?? 0) * (idx.index[$1] ?? 0) }
        #expect(abs(standardised - population) <= 1e-9 * population)
        // The DREES weights average 1.003 on the 2021 metropolitan population (divided out).
        #expect(abs(idx.meanWeight - 1.00306) < 1e-5)
        // Older départements call for more GP care than younger ones: Creuse > 1 > Seine-Saint-Denis.
        let creuse = try #require(idx.index["23"]), ssd = try #require(idx.index["93"])
        #expect(creuse > 1.08 && ssd < 0.95)
    }

    // MARK: readers

    static func withFiles(_ files: [String: String], _ body: (String) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("careaccess-age-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (name, text) in files { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        try body(dir)
    }

    @Test func structureErrorsAreLocated() throws {
        let weights = "band,weight\n0-59,1\n60+,2\n"
        let cases: [(String, InputError)] = [
            ("year,departement,band,population\n2021,07,0-59,10\n2020,07,60+,5\n",
             InputError(file: "s.csv", line: 3, field: "year", message: "2020 differs from 2021 on line 2: one year per file")),
            ("year,departement,band,population\n2021,07,0-59,10\n2021,07,0-59,5\n",
             InputError(file: "s.csv", line: 3, field: "band", message: "département 07 has band 0-59 twice")),
            ("year,departement,band,population\n2021,07,0-4,10\n",
             InputError(file: "s.csv", line: 2, field: "band", message: "band '0-4' has no weight (w)")),
            ("year,departement,band,population\n2021,07,0-59,-3\n",
             InputError(file: "s.csv", line: 2, field: "population", message: "-3.0 is negative")),
            ("year,departement,band,population\n2021,20,0-59,3\n",
             InputError(file: "s.csv", line: 2, field: "departement", message: "'20' is not a département code (01…95, 2A, 2B, 971…976)")),
            ("year,departement,band,population\n2021,07,0-59,3\n2021,07,60+,1\n2021,2A,0-59,4\n",
             InputError(file: "s.csv", line: 4, field: "band", message: "département 2A lacks band 60+ that others have")),
            ("year,departement,band,population\n1850,07,0-59,3\n",
             InputError(file: "s.csv", line: 2, field: "year", message: "1850 is not a plausible year")),
            ("year,departement,band,population\n", InputError(file: "s.csv", line: 2, message: "no data rows")),
        ]
        try Self.withFiles(["w.csv": weights]) { dir in
            let w = try AgeStructureFile.weights(path: dir + "/w.csv", source: "w")
            for (text, expected) in cases {
                try text.write(toFile: dir + "/s.csv", atomically: true, encoding: .utf8)
                var e = expected
                e.file = dir + "/s.csv"
                #expect(throws: e) { _ = try AgeStructureFile.departementStructure(path: dir + "/s.csv", source: "s", weights: w) }
            }
        }
    }

    @Test func weightErrorsAreLocated() throws {
        try Self.withFiles(["a.csv": "band,weight\n0-4,1\n0-4,2\n", "b.csv": "band,weight\n0-4,-1\n", "c.csv": "band,weight\n0-4,0\n"]) { dir in
            #expect(throws: InputError(file: dir + "/a.csv", line: 3, field: "band", message: "duplicate band 0-4")) {
                _ = try AgeStructureFile.weights(path: dir + "/a.csv", source: "x")
            }
            #expect(throws: InputError(file: dir + "/b.csv", line: 2, field: "weight", message: "-1.0 is negative")) {
                _ = try AgeStructureFile.weights(path: dir + "/b.csv", source: "x")
            }
            #expect(throws: InputError(file: dir + "/c.csv", message: "every weight is 0")) {
                _ = try AgeStructureFile.weights(path: dir + "/c.csv", source: "x")
            }
        }
    }

    /// Re-running the converter on the xlsx in ../shared reproduces the shipped CSV byte for byte.
    @Test(.enabled(if: SharedData.available, "needs ../shared/data (the INSEE xlsx)"))
    func converterReproducesTheShippedCSV() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        try Self.withFiles([:]) { dir in
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["python3", root.appendingPathComponent("Fixtures/make_age_structure.py").path,
                           "--xlsx", SharedData.path("population/estim-pop-dep-sexe-aq-1975-2021.xlsx"),
                           "--out", dir + "/out.csv"]
            let pipe = Pipe()
            p.standardOutput = pipe
            p.standardError = FileHandle.nullDevice
            try p.run()
            let report = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            #expect(p.terminationStatus == 0)
            let shipped = try Data(contentsOf: root.appendingPathComponent("Fixtures/population/age-structure-departement.csv"))
            #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/out.csv")) == shipped)
            // Every row that is not a département is accounted for.
            #expect(report.contains("excluded 3 total rows (checked, then excluded): A102 'France métropolitaine'; A108 'DOM'; A109 'France métropolitaine et DOM'"))
            #expect(report.contains("excluded 1 footnotes: A111"))
            #expect(report.contains("excluded 1 stray cells below the table: H117 'BB'"))
            #expect(report.contains("repaired: estim-pop-dep-sexe-aq-1975-2021.xlsx:2021!P24 (19, Ensemble 65-69) reads 1"))
        }
    }
}
