import CareModel

/// The input of `careaccess travel pairs`: one origin–destination pair per row, each end given by commune
/// code (`origin`, `destination`), Lambert-93 (`origin_x,origin_y`…) or WGS84 (`origin_lon,origin_lat`…).
/// Other columns are kept and written back with the minutes.
///
/// ```swift
/// let input = try PairsFile.load(path: "pairs.csv", territory: t)
/// let csv = input.csv(minutes: try model.minutes(between: input.pairs), model: model.summary)
/// ```
/// Errors name file, line and field. Complexity: O(rows).
public struct PairsFile: Sendable {
    /// The input's column names, in order; the output repeats them before `minutes`.
    public var header: [String]
    /// The fields of each row, as read.
    public var rows: [[String]]
    /// The located origin and destination of each row, in row order (parallel to ``rows``).
    public var pairs: [PlacePair]

    /// Most pairs read from one file.
    public static let maximumPairs = 10_000_000

    /// Reads the pairs file at `path` (plain or xz-compressed) and parses it as ``parse(bytes:file:territory:)``.
    public static func load(path: String, territory: Territory) throws(InputError) -> PairsFile {
        try parse(bytes: try FileInput.bytes(path: path), file: path, territory: territory)
    }

    /// The pairs of the CSV table in `bytes`: each end located by commune code (at the commune point),
    /// Lambert-93 metres or WGS84 degrees, as ``CandidatesFile`` locates candidates.
    ///
    /// Throws an ``InputError`` naming `file`, the line and the column when an end has no location columns, a
    /// location is invalid or outside France, a code is unknown, the input already has a `minutes` column, there
    /// are more than ``maximumPairs`` rows, or there is no row at all.
    public static func parse(bytes: [UInt8], file: String, territory: Territory) throws(InputError) -> PairsFile {
        var table = try CSVTableReader(bytes: bytes, file: file)
        var origins = try LocationColumns(table, prefix: "origin_", communeColumn: "origin")
        var destinations = try LocationColumns(table, prefix: "destination_", communeColumn: "destination")
        guard !table.hasColumn("minutes") else {
            throw InputError(file: file, line: 1, field: "minutes", message: "the output adds a minutes column: rename this one")
        }
        var rows: [[String]] = [], pairs: [PlacePair] = []
        while try table.next() {
            guard pairs.count < maximumPairs else {
                throw InputError(file: file, line: table.line, message: "more than \(maximumPairs) pairs: split the file")
            }
            let o = try origins.locate(table, territory: territory)
            let d = try destinations.locate(table, territory: territory)
            pairs.append(PlacePair(origin: o.place, destination: d.place))
            rows.append((0..<table.header.count).map { table.string($0) })
        }
        guard !pairs.isEmpty else { throw InputError(file: file, message: "no pair (header only)") }
        return PairsFile(header: table.header, rows: rows, pairs: pairs)
    }

    /// The rows with a `minutes` column added (empty when unreachable).
    public func csv(minutes: [Double], model: String) -> String {
        var out = (header + ["minutes"]).map(CSVWriter.escape).joined(separator: ",") + "\n"
        for (row, m) in zip(rows, minutes) {
            out += (row.map(CSVWriter.escape) + [CSVWriter.number(m)]).joined(separator: ",") + "\n"
        }
        return out
    }
}
