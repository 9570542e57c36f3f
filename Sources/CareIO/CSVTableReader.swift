import CareGeo
import CareKernel

/// A CSV file with a header row, read record by record with typed, located field access.
///
/// ```swift
/// var table = try CSVTableReader(bytes: data, file: "gp.csv", required: ["CODGEO", "NB_D201"])
/// let code = try table.columnIndex("CODGEO")
/// while try table.next() { let c = try table.nonEmptyString(code) }
/// ```
/// The delimiter (`,`, `;` or tab) is detected from the header line (``CSVDelimiter``), so INSEE's
/// `;`-separated files read like comma-separated ones. Every error names the file, the record's line and the column.
public struct CSVTableReader: Sendable {
    /// The name used for the input in error messages (usually its path).
    public let file: String
    /// The column names of the header row, trimmed of spaces and tabs, in file order (unique and non-empty).
    public let header: [String]
    /// The field delimiter, detected from the header line.
    public let delimiter: CSVDelimiter
    /// The current record, valid after ``next()`` returned `true`.
    public private(set) var record = CSVRecord()
    private var reader: CSVReader
    /// Number of data records read so far.
    public private(set) var recordsRead = 0

    /// Reads the header. Throws on an empty file, a header mixing delimiters, a duplicate or empty column name, or
    /// a missing required column.
    public init(bytes: [UInt8], file: String, required: [String] = []) throws(InputError) {
        self.file = file
        delimiter = try CSVDelimiter.detect(in: bytes, file: file)
        reader = CSVReader(bytes: bytes, file: file, separator: delimiter.byte)
        if reader.isBlank { throw InputError(file: file, line: 1, message: "empty file: expected a header row") }
        var head = CSVRecord()
        guard try reader.next(into: &head) else {
            throw InputError(file: file, line: 1, message: "empty file: expected a header row")
        }
        let names = (0..<head.count).map { head.string(at: $0).trimmingSpaces }
        var seen = Set<String>()
        for (i, name) in names.enumerated() {
            if name.isEmpty { throw InputError(file: file, line: head.line, message: "empty column name in header (column \(i + 1))") }
            if !seen.insert(name).inserted {
                throw InputError(file: file, line: head.line, field: name, message: "duplicate column in header")
            }
        }
        for name in required where !seen.contains(name) {
            throw InputError(file: file, line: head.line, field: name,
                             message: "missing required column (header has: \(MessageText.value(names.joined(separator: ", "), limit: 200))\(delimiter == .comma ? "" : "; separated by \(delimiter.name)"))")
        }
        header = names
        record.header = names
    }

    /// Whether the header has a column named exactly `name` (case-sensitive).
    public func hasColumn(_ name: String) -> Bool { header.contains(name) }

    /// Index of a column, throwing a located error when it is absent.
    public func columnIndex(_ name: String) throws(InputError) -> Int {
        guard let i = header.firstIndex(of: name) else {
            throw InputError(file: file, line: 1, field: name, message: "missing column")
        }
        return i
    }

    /// Advances to the next record; `false` at the end. Throws when the record's field count differs from the header's.
    public mutating func next() throws(InputError) -> Bool {
        guard try reader.next(into: &record) else { return false }
        recordsRead += 1
        if record.count != header.count {
            let separated = delimiter == .comma ? "" : " separated by \(delimiter.name)"
            let sep = String(UnicodeScalar(delimiter.byte))
            throw InputError(file: file, line: record.line,
                             message: "expected \(header.count) fields\(separated) (\(MessageText.value(header.joined(separator: sep), limit: 80))), found \(record.count)")
        }
        return true
    }

    /// The 1-based line on which the current record starts (0 before the first ``next()``).
    public var line: Int { record.line }

    func error(_ column: Int, _ message: String) -> InputError {
        InputError(file: file, line: record.line, field: header[column], message: message)
    }

    /// The field as text; a cell CareAccess escaped against spreadsheet formulas (``CSVWriter/escape(_:)``: a `'`
    /// before a cell that starts with `=`, `+`, `-`, `@`…) reads back as written, without the `'`.
    public func string(_ column: Int) -> String { Self.unescapingFormula(record.string(at: column)) }

    /// `text` without the `'` that ``CSVWriter/escape(_:)`` puts before a formula-like cell; other text unchanged.
    static func unescapingFormula(_ text: String) -> String {
        guard text.hasPrefix("'") else { return text }
        let rest = String(text.dropFirst())
        return CSVWriter.isFormula(rest) ? rest : text
    }

    /// The field as an error message may echo it: raw bytes that are not UTF-8 as `\xNN`, control characters
    /// escaped, cut after 60 characters (``CareKernel/MessageText/value(bytes:limit:)``).
    public func echo(_ column: Int) -> String {
        record.withBytes(at: column) { MessageText.value(bytes: $0) }
    }

    /// Whether the field of the current record is empty or the database null marker `\N` (unquoted).
    public func isNull(_ column: Int) -> Bool { record.isNullOrEmpty(at: column) }

    /// The field trimmed of spaces; throws when empty or `\N`.
    public func nonEmptyString(_ column: Int) throws(InputError) -> String {
        let s = string(column).trimmingSpaces
        if s.isEmpty || record.isNullOrEmpty(at: column) { throw error(column, "empty value") }
        return s
    }

    /// An integer field; throws when empty, not an integer, or negative (unless `allowNegative`).
    public func int(_ column: Int, allowNegative: Bool = false) throws(InputError) -> Int {
        let s = try nonEmptyString(column)
        guard let v = Int(s) else { throw error(column, "'\(echo(column))' is not an integer") }
        if !allowNegative, v < 0 { throw error(column, "\(v) is negative") }
        return v
    }

    /// An integer field within `range` (``PlausibleRange``); throws when empty, not an integer, negative (when the
    /// range is), or outside it, naming `what` the range is for.
    public func int(_ column: Int, in range: ClosedRange<Int>, what: String) throws(InputError) -> Int {
        let v = try int(column, allowNegative: range.lowerBound < 0)
        guard range.contains(v) else { throw error(column, "\(v) is outside \(PlausibleRange.text(range)) (\(what))") }
        return v
    }

    /// A finite floating-point field; throws when empty, not a number, NaN or infinite.
    public func double(_ column: Int) throws(InputError) -> Double {
        let s = try nonEmptyString(column)
        guard let v = Double(s) else { throw error(column, "'\(echo(column))' is not a number") }
        guard v.isFinite else { throw error(column, "'\(echo(column))' is not a finite number") }
        return v
    }

    /// A hex EWKB geometry field, decoded without copying it into a string.
    public func ewkb(_ column: Int) throws(InputError) -> Geometry {
        let decoded: Result<(geometry: Geometry, srid: Int32?), WKBError> = record.withBytes(at: column) { bytes in
            Result { () throws(WKBError) in try EWKB.decode(hexUTF8: bytes) }
        }
        switch decoded {
        case .success(let g): return g.geometry
        case .failure(let e): throw error(column, "invalid EWKB: \(e)")
        }
    }

    /// A finite floating-point field, or `nil` when empty or `\N`.
    public func optionalDouble(_ column: Int) throws(InputError) -> Double? {
        isNull(column) || string(column).trimmingSpaces.isEmpty ? nil : try double(column)
    }

    /// An integer field, or `nil` when empty or `\N`.
    public func optionalInt(_ column: Int, allowNegative: Bool = false) throws(InputError) -> Int? {
        isNull(column) || string(column).trimmingSpaces.isEmpty ? nil : try int(column, allowNegative: allowNegative)
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
