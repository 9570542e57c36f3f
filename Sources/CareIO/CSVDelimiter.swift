import CareKernel

/// The field delimiter of a CSV table, detected from its header line: `,` (RFC 4180), `;` (INSEE's BPE and
/// population files, and spreadsheets in a French locale) or tab.
///
/// ```swift
/// let d = try CSVDelimiter.detect(in: Array("CODGEO;NB_D201\n01004;24\n".utf8), file: "bpe.csv")  // .semicolon
/// ```
/// The header must be unambiguous: exactly one of the three may appear in it outside quoted names; a header with
/// none (one column) reads as `,`. A byte-order mark is skipped, CR LF ends the line like LF.
/// Complexity: O(length of the header line).
public enum CSVDelimiter: Sendable, Equatable, CaseIterable {
    /// `,` (RFC 4180), `;` (INSEE files, French-locale spreadsheets) and the tab character.
    case comma, semicolon, tab

    /// The delimiter's byte.
    public var byte: UInt8 {
        switch self {
        case .comma: UInt8(ascii: ",")
        case .semicolon: UInt8(ascii: ";")
        case .tab: UInt8(ascii: "\t")
        }
    }

    /// The delimiter as messages name it: `','`, `';'` or `tab`.
    public var name: String {
        switch self {
        case .comma: "','"
        case .semicolon: "';'"
        case .tab: "tab"
        }
    }

    /// The delimiter of the header line of `bytes` (its first non-blank line), or a located error when more than
    /// one kind appears outside quotes: the header's line, and as the field the cell, as the first delimiter
    /// splits the header, that holds the second kind.
    public static func detect(in bytes: [UInt8], file: String) throws(InputError) -> CSVDelimiter {
        let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        // Skip blank lines before the header, as CSVReader does.
        var line = 1
        while i < bytes.count, bytes[i] == lf || bytes[i] == cr {
            if bytes[i] == lf { line += 1 }
            i += 1
        }
        // The header's cells, split at every candidate outside quotes, with the delimiter after each.
        var cells: [(text: [UInt8], delimiter: CSVDelimiter?)] = []
        var cell: [UInt8] = []
        var inQuotes = false
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            if b == quote { inQuotes.toggle() }
            if !inQuotes {
                if b == lf || b == cr { break }
                if let d = allCases.first(where: { $0.byte == b }) {
                    cells.append((cell, d))
                    cell.removeAll(keepingCapacity: true)
                    continue
                }
            }
            cell.append(b)
        }
        cells.append((cell, nil))
        guard let first = cells.first?.delimiter else { return .comma }
        guard let k = cells.firstIndex(where: { $0.delimiter != nil && $0.delimiter != first }),
              let second = cells[k].delimiter else { return first }
        // Name the cell as the first delimiter splits it: the one that holds the second kind.
        var start = k
        while start > 0, cells[start - 1].delimiter != first { start -= 1 }
        var end = k + 1
        while end < cells.count - 1, cells[end].delimiter != first { end += 1 }
        var text: [UInt8] = []
        for c in start...end {
            text += cells[c].text
            if c < end, let d = cells[c].delimiter { text.append(d.byte) }
        }
        let column = cells[..<start].count { $0.delimiter == first } + 1
        throw InputError(file: file, line: line, field: MessageText.value(bytes: text, limit: 60),
                         message: "ambiguous header: both \(first.name) and \(second.name) separate names outside quotes (column \(column)); use one delimiter: ',', ';' or tab")
    }
}
