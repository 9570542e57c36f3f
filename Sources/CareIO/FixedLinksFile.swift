import CareKernel
import CareFixtures
import CareModel

/// Road links the commune boundaries do not show: bridges and causeways to islands. Calibration joins the
/// land masses they connect (the observed trips reveal most links, but not those of an island whose
/// nearest service is on the island itself, like Oléron or Noirmoutier).
///
/// CSV `commune_a,commune_b,name,opened`; the package ships `Fixtures/travel/fixed-links.csv`.
///
/// ```swift
/// let links = try FixedLinksFile.load(path: nil, territory: t)   // commune index pairs
/// ```
/// Errors name file, line and field (unknown commune codes). Complexity: O(rows).
public enum FixedLinksFile {
    /// The shipped list's path.
    public static func embeddedPath() throws(InputError) -> String {
        do {
            let model = try EmbeddedFixture.travelModelPath()
            return String(model.dropLast("metric-2019.json".count)) + "fixed-links.csv"
        } catch {
            throw InputError(file: "fixed-links.csv", message: error.description)
        }
    }

    /// Commune-index pairs of the links (rows whose communes are not in the territory are skipped: a
    /// territory cut to a region has no Oléron).
    public static func load(path: String?, territory: Territory) throws(InputError) -> [(Int, Int)] {
        let file: String
        if let path { file = path } else { file = try embeddedPath() }
        var table = try CSVTableReader(bytes: try FileInput.bytes(path: file), file: file, required: ["commune_a", "commune_b"])
        let a = try table.columnIndex("commune_a"), b = try table.columnIndex("commune_b")
        var links: [(Int, Int)] = []
        while try table.next() {
            let ca = try table.nonEmptyString(a), cb = try table.nonEmptyString(b)
            for (column, code) in [(a, ca), (b, cb)] where !code.allSatisfy({ $0.isNumber || $0 == "A" || $0 == "B" }) || code.count != 5 {
                throw InputError(file: file, line: table.line, field: table.header[column], message: "'\(MessageText.value(code))' is not an INSEE commune code")
            }
            guard let i = territory.index(ofCode: ca), let j = territory.index(ofCode: cb) else { continue }
            links.append((i, j))
        }
        return links
    }
}
