import Foundation

/// A streaming tokenizer for the subset of XML that OSM files use: start tags with attributes, end tags,
/// empty-element tags; comments, processing instructions, `<!DOCTYPE>` and text are skipped. Feed it bytes in
/// chunks of any size; it keeps an incomplete trailing tag for the next chunk and counts lines for errors.
///
/// ```swift
/// var t = OSMXMLTokenizer()
/// try t.consume(chunk) { tag in print(tag.name, tag.attribute("id") ?? "") }
/// try t.finish()
/// ```
/// Attribute values are decoded (`&amp; &lt; &gt; &quot; &apos; &#NN; &#xNN;`); `>` inside quoted values is
/// handled. Complexity: O(bytes).
struct OSMXMLTokenizer {
    /// One tag: name, attributes, and whether it is an end tag (`</way>`) or empty (`<nd ref="1"/>`).
    struct Tag {
        var name: String = ""
        var attributes: [(String, String)] = []
        var isEnd = false
        var isEmpty = false
        var line = 1

        func attribute(_ key: String) -> String? {
            for (k, v) in attributes where k == key { return v }
            return nil
        }
    }

    struct Failure: Error { var line: Int; var message: String }

    private var pending: [UInt8] = []
    /// Line of `pending[0]`.
    private var line = 1
    private var tag = Tag()
    /// When `pending` starts with an incomplete markup: how far into it the scan for its end got, and the quote
    /// open there, so that the next chunk continues the scan instead of restarting it (linear in the bytes).
    private var resumeOffset = 0
    private var resumeQuote: UInt8 = 0
    /// The largest markup (tag, comment, processing instruction…) accepted, in bytes.
    let maximumMarkupBytes: Int

    /// A tokenizer refusing markup longer than `maximumMarkupBytes` (64 MiB by default).
    init(maximumMarkupBytes: Int = OSMXMLReader.maximumMarkupBytes) {
        self.maximumMarkupBytes = maximumMarkupBytes
    }

    /// Tokenizes as much of `pending + bytes` as forms complete tags; an incomplete trailing markup is kept
    /// (from its `<`) for the next chunk. Throws when one markup exceeds ``maximumMarkupBytes``.
    mutating func consume(_ bytes: UnsafeBufferPointer<UInt8>, _ sink: (Tag) throws(Failure) -> Void) throws(Failure) {
        pending.append(contentsOf: bytes)
        var i = 0
        let n = pending.count
        var consumedLine = line
        while i < n {
            let b = pending[i]
            if b == 0x0A { consumedLine += 1; i += 1; continue }
            if b != 0x3C { i += 1; continue }  // '<'
            // Find the end of this markup, respecting quotes; stop if it is incomplete.
            let start = i
            let startLine = consumedLine
            guard let end = markupEnd(from: start) else {
                if n - start > maximumMarkupBytes { throw tooLong(start, line: startLine) }
                pending.removeFirst(start)
                line = startLine
                return
            }
            if end - start > maximumMarkupBytes { throw tooLong(start, line: startLine) }
            try handleMarkup(start..<end, line: startLine, sink)
            for k in start..<end where pending[k] == 0x0A { consumedLine += 1 }
            i = end
        }
        // Everything consumed (text after the last tag holds no markup).
        pending.removeAll(keepingCapacity: true)
        line = consumedLine
    }

    private func tooLong(_ start: Int, line: Int) -> Failure {
        let head = String(decoding: pending[start...].prefix(12), as: UTF8.self)
        return Failure(line: line, message: "markup '\(head)…' is longer than the limit of \(maximumMarkupBytes) bytes "
            + "(an unterminated comment or tag?)")
    }

    /// Checks that no incomplete markup remains at the end of the input.
    func finish() throws(Failure) {
        if let lt = pending.firstIndex(of: 0x3C) {
            let l = line + pending[..<lt].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw Failure(line: l, message: "truncated XML: unterminated tag '\(String(decoding: pending[lt...].prefix(30), as: UTF8.self))…'")
        }
    }

    /// Index just past the markup starting at `start` (a '<'), or `nil` when it is not complete yet (then the
    /// scan position is remembered: the markup is kept at `pending[0]` and the next call resumes there).
    private mutating func markupEnd(from start: Int) -> Int? {
        let n = pending.count
        let resume = start == 0 ? resumeOffset : 0
        let savedQuote = resumeQuote
        resumeOffset = 0
        resumeQuote = 0
        guard start + 1 < n else { return nil }
        if pending[start + 1] == 0x21 {  // '!': comment, CDATA or DOCTYPE
            guard start + 3 < n else { return nil }  // "<!-" may still become a comment
            if pending[start + 2] == 0x2D, pending[start + 3] == 0x2D {
                var k = Swift.max(start + 4, start + resume)
                while k + 2 < n {
                    if pending[k] == 0x2D, pending[k + 1] == 0x2D, pending[k + 2] == 0x3E { return k + 3 }
                    k += 1
                }
                resumeOffset = k - start
                return nil
            }
        }
        var quote: UInt8 = resume > 0 ? savedQuote : 0
        var k = Swift.max(start + 1, start + resume)
        while k < n {
            let c = pending[k]
            if quote != 0 {
                if c == quote { quote = 0 }
            } else if c == 0x22 || c == 0x27 {
                quote = c
            } else if c == 0x3E {
                return k + 1
            }
            k += 1
        }
        resumeOffset = k - start
        resumeQuote = quote
        return nil
    }

    private mutating func handleMarkup(_ range: Range<Int>, line: Int, _ sink: (Tag) throws(Failure) -> Void) throws(Failure) {
        let first = pending[range.lowerBound + 1]
        if first == 0x21 || first == 0x3F { return }  // <!…> or <?…?>
        tag.attributes.removeAll(keepingCapacity: true)
        tag.line = line
        tag.isEnd = first == 0x2F
        var k = range.lowerBound + (tag.isEnd ? 2 : 1)
        var hi = range.upperBound - 1  // at '>'
        tag.isEmpty = pending[hi - 1] == 0x2F
        if tag.isEmpty { hi -= 1 }
        let nameStart = k
        while k < hi, !isSpace(pending[k]) { k += 1 }
        guard k > nameStart else { throw Failure(line: line, message: "malformed tag: no element name") }
        tag.name = String(decoding: pending[nameStart..<k], as: UTF8.self)
        while true {
            while k < hi, isSpace(pending[k]) { k += 1 }
            if k >= hi { break }
            let keyStart = k
            while k < hi, pending[k] != 0x3D, !isSpace(pending[k]) { k += 1 }
            let key = String(decoding: pending[keyStart..<k], as: UTF8.self)
            while k < hi, isSpace(pending[k]) { k += 1 }
            guard k < hi, pending[k] == 0x3D else {
                throw Failure(line: line, message: "malformed attribute '\(key)' in <\(tag.name)>: expected '='")
            }
            k += 1
            while k < hi, isSpace(pending[k]) { k += 1 }
            guard k < hi, pending[k] == 0x22 || pending[k] == 0x27 else {
                throw Failure(line: line, message: "malformed attribute '\(key)' in <\(tag.name)>: expected a quoted value")
            }
            let q = pending[k]
            k += 1
            let valueStart = k
            while k < hi, pending[k] != q { k += 1 }
            guard k < hi else { throw Failure(line: line, message: "unterminated value of attribute '\(key)' in <\(tag.name)>") }
            tag.attributes.append((key, decodeEntities(pending[valueStart..<k])))
            k += 1
        }
        try sink(tag)
    }

    private func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }

    private func decodeEntities(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(0x26) else { return String(decoding: bytes, as: UTF8.self) }
        var s = String(decoding: bytes, as: UTF8.self)
        for (entity, plain) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'")] {
            s = s.replacingOccurrences(of: entity, with: plain)
        }
        // Numeric references, then &amp; last so that "&amp;lt;" stays "&lt;".
        var out = ""
        var rest = Substring(s)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[amp...]
            if after.hasPrefix("&#"), let semi = after.firstIndex(of: ";") {
                let body = after[after.index(amp, offsetBy: 2)..<semi]
                let value = body.hasPrefix("x") ? UInt32(body.dropFirst(), radix: 16) : UInt32(body)
                if let value, let scalar = Unicode.Scalar(value) {
                    out.unicodeScalars.append(scalar)
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            if after.hasPrefix("&amp;") {
                out += "&"
                rest = after.dropFirst(5)
            } else {
                out += "&"
                rest = after.dropFirst()
            }
        }
        out += rest
        return out
    }
}
