/// A streaming RFC 4180 CSV reader over UTF-8 bytes: quoted fields (with `""` escapes and embedded line
/// breaks), CRLF or LF line ends, a leading byte-order mark skipped.
///
/// ```swift
/// var reader = CSVReader(bytes: data, file: "gp.csv")
/// var record = CSVRecord()
/// while try reader.next(into: &record) { print(record.string(at: 0)) }
/// ```
/// Records reuse one buffer, so reading allocates only when a record is larger than any before it.
/// Complexity: O(bytes).
public struct CSVReader: Sendable {
    /// The name used for the input in error messages (usually its path).
    public let file: String
    private let bytes: [UInt8]
    private var position: Int
    private var line: Int
    private let separator: UInt8

    /// A reader over `bytes` splitting fields at `separator` (`,` by default; `;` or tab from ``CSVDelimiter``);
    /// `file` names the input in errors. A UTF-8 byte-order mark at the start is skipped.
    public init(bytes: [UInt8], file: String, separator: UInt8 = UInt8(ascii: ",")) {
        self.bytes = bytes
        self.file = file
        self.separator = separator
        self.line = 1
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        self.position = bytes.starts(with: bom) ? 3 : 0
    }

    /// Whether the input holds nothing but (possibly) a byte-order mark and blank space.
    public var isBlank: Bool {
        bytes[position...].allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
    }

    /// Reads the next record into `record`; returns `false` at the end of input.
    /// A blank line between records is skipped. Throws on an unterminated quote or text after a closing quote.
    public mutating func next(into record: inout CSVRecord) throws(InputError) -> Bool {
        let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r"), quote = UInt8(ascii: "\"")
        // Skip empty lines.
        while position < bytes.count, bytes[position] == lf || bytes[position] == cr {
            if bytes[position] == lf { line += 1 }
            position += 1
        }
        guard position < bytes.count else { return false }
        record.reset(line: line)
        let sep = separator
        try bytes.withUnsafeBufferPointer { (buf: UnsafeBufferPointer<UInt8>) throws(InputError) in
            var i = position
            let n = buf.count
            while true {
                let fieldStart = record.storage.count
                var wasQuoted = false
                if i < n, buf[i] == quote {
                    wasQuoted = true
                    i += 1
                    let openLine = line
                    var closed = false
                    while i < n {
                        let b = buf[i]
                        if b == quote {
                            if i + 1 < n, buf[i + 1] == quote {
                                record.storage.append(quote)
                                i += 2
                                continue
                            }
                            i += 1
                            closed = true
                            break
                        }
                        if b == lf { line += 1 }
                        record.storage.append(b)
                        i += 1
                    }
                    if !closed {
                        throw InputError(file: file, line: openLine, field: record.fieldName(at: record.ranges.count),
                                         message: "unterminated quoted field (column \(record.ranges.count + 1))")
                    }
                    if i < n, buf[i] != sep, buf[i] != lf, buf[i] != cr {
                        throw InputError(file: file, line: line, field: record.fieldName(at: record.ranges.count),
                                         message: "unexpected character '\(Self.printable(buf[i]))' after closing quote (column \(record.ranges.count + 1))")
                    }
                } else {
                    var j = i
                    while j < n {
                        let b = buf[j]
                        if b == sep || b == lf || b == cr { break }
                        j += 1
                    }
                    record.storage.append(contentsOf: UnsafeBufferPointer(rebasing: buf[i..<j]))
                    i = j
                }
                record.ranges.append(fieldStart..<record.storage.count)
                record.quoted.append(wasQuoted)
                if i < n, buf[i] == sep {
                    i += 1
                    continue
                }
                // End of record: CR, LF, CRLF or end of input.
                if i < n, buf[i] == cr { i += 1 }
                if i < n, buf[i] == lf {
                    i += 1
                    line += 1
                }
                break
            }
            position = i
        }
        return true
    }

    static func printable(_ b: UInt8) -> String {
        (0x20..<0x7F).contains(b) ? String(UnicodeScalar(b)) : "\\x" + String(b, radix: 16)
    }
}

/// One CSV record: its fields as byte ranges into a reused buffer, and the line it starts on.
public struct CSVRecord: Sendable {
    /// The 1-based line on which the record starts (a quoted field with line breaks makes it span more lines).
    public private(set) var line: Int = 0
    fileprivate(set) var storage: [UInt8] = []
    fileprivate(set) var ranges: [Range<Int>] = []
    fileprivate(set) var quoted: [Bool] = []
    /// Column names, used to name fields in errors (set by ``CSVTableReader``).
    public var header: [String] = []

    /// An empty record, to be filled by ``CSVReader/next(into:)``.
    public init() {}

    fileprivate mutating func reset(line: Int) {
        self.line = line
        storage.removeAll(keepingCapacity: true)
        ranges.removeAll(keepingCapacity: true)
        quoted.removeAll(keepingCapacity: true)
    }

    /// Number of fields in the record.
    public var count: Int { ranges.count }

    fileprivate func fieldName(at i: Int) -> String? { i < header.count ? header[i] : nil }

    /// The field as a string (invalid UTF-8 is repaired with U+FFFD).
    public func string(at i: Int) -> String {
        String(decoding: storage[ranges[i]], as: UTF8.self)
    }

    /// Whether the field is the PostgreSQL/MySQL null marker `\N` (unquoted) or empty.
    public func isNullOrEmpty(at i: Int) -> Bool {
        let r = ranges[i]
        if r.isEmpty { return true }
        return !quoted[i] && r.count == 2 && storage[r.lowerBound] == UInt8(ascii: "\\")
            && storage[r.lowerBound + 1] == UInt8(ascii: "N")
    }

    /// Calls `body` with the raw bytes of the field.
    public func withBytes<R>(at i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try storage.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[ranges[i]])) }
    }
}
