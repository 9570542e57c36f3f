import Testing

@testable import CareKernel

/// Field values echoed in messages stay on one line: control characters escaped, bytes that are not UTF-8
/// shown as `\xNN`, long values cut; ordinary text, accents included, unchanged (issue 14, item 4).
@Suite("one-line message text")
struct MessageTextTests {
    @Test func controlCharactersAndSeparatorsAreEscaped() {
        #expect(MessageText.oneLine("bad\nvalue") == "bad\\nvalue")
        #expect(MessageText.oneLine("a\r\nb\tc") == "a\\r\\nb\\tc")
        #expect(MessageText.oneLine("nul\u{0}esc\u{1B}[2J") == "nul\\u{0}esc\\u{1b}[2J")
        #expect(MessageText.oneLine("del\u{7F}c1\u{85}") == "del\\u{7f}c1\\u{85}")
        #expect(MessageText.oneLine("ls\u{2028}ps\u{2029}") == "ls\\u{2028}ps\\u{2029}")
        #expect(MessageText.oneLine("bad \u{FFFD} byte") == "bad \\u{fffd} byte")
    }

    @Test func ordinaryTextIsUnchanged() {
        let text = "Saint-Étienne-de-Lugdarès (07232): 'Béage' — 20 min, ≥ 2,5"
        #expect(MessageText.oneLine(text) == text)
        #expect(MessageText.value(text, limit: 200) == text)
    }

    @Test func valuesAreCutAfterTheLimit() {
        #expect(MessageText.value(String(repeating: "x", count: 61)) == String(repeating: "x", count: 60) + "…")
        #expect(MessageText.value(String(repeating: "x", count: 60)) == String(repeating: "x", count: 60))
        #expect(MessageText.value("a\nbc", limit: 2) == "a\\n…")
    }

    @Test func invalidBytesShowAsHexAndValidUTF8IsKept() {
        #expect(MessageText.value(bytes: Array("7\u{FF}".utf8)) == "7\u{FF}")            // ÿ is valid UTF-8 here
        #expect(MessageText.value(bytes: [0x37, 0xFF, 0x0A]) == "7\\xff\\n")
        #expect(MessageText.value(bytes: [0xC3]) == "\\xc3")                               // truncated sequence
        #expect(MessageText.value(bytes: [0xC3, 0xA9, 0x41]) == "éA")
        #expect(MessageText.value(bytes: [0xED, 0xA0, 0x80]) == "\\xed\\xa0\\x80")          // a surrogate
        #expect(MessageText.value(bytes: [0xC0, 0xAF]) == "\\xc0\\xaf")                     // overlong
        #expect(MessageText.value(bytes: [UInt8](repeating: 0xFF, count: 70)).hasSuffix("…"))
    }
}
