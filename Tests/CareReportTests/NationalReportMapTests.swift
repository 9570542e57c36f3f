import CareTestSupport
import Foundation
import Testing

@testable import CareReport

/// The French APL report of the national run (real data): readable maps, with zooms on Paris, Lyon and
/// Marseille, site symbols grouped at national scale, and a bounded file.
@Suite("National report maps", .enabled(if: SharedData.available && CareAccessBinary.path != nil, "needs ../shared/data and the built careaccess"))
struct NationalReportMapTests {
    /// 6,643,998 bytes before the symbols were grouped (9,510 discs); the zooms must not undo the saving.
    static let sizeBound = 6_000_000

    @Test func theNationalAPLReportIsReadable() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("national-report-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try CareAccessBinary.run(["access", "--method", "apl", "--territory", SharedData.communes,
                                            "--supply", SharedData.bpe, "--report", dir + "/apl.html", "--lang", "fr", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/apl.html"))
        let html = String(decoding: data, as: UTF8.self)
        #expect(data.count < Self.sizeBound, "national report of \(data.count) bytes")

        let figure = try #require(html.range(of: "<figure class=\"map\"").map { html[$0.lowerBound...] })
        let map = try #require(figure.range(of: "</figure>").map { figure[..<$0.lowerBound] })
        // Paris zoom: its caption in French, the communes of 75 drawn in it (grey: the APL study leaves Paris
        // out for its supply gap) and inner suburbs studied.
        let zoomStart = try #require(map.range(of: "data-zoom=\"paris\""))
        let zoom = map[zoomStart.upperBound...]
        let paris = String(zoom[..<(zoom.range(of: "</svg>")?.upperBound ?? zoom.endIndex)])
        #expect(paris.contains("Zoom Paris et petite couronne"))
        let parisCodes = Self.matches(#"data-code="(75\d{3})""#, in: paris)
        #expect(Set(parisCodes).count == 20, "Paris arrondissements in the zoom: \(Set(parisCodes).count)")
        #expect(Self.matches(#"class="zoom-commune" data-code="(9[234]\d{3})""#, in: paris).count > 40)
        #expect(map.contains("data-zoom=\"lyon\"") && map.contains("data-zoom=\"marseille\""))
        #expect(map.contains("class=\"zoom-frame\""))

        // One commune path per studied commune, the zooms' copies apart.
        let declared = try #require(Self.matches(#"data-communes="(\d+)""#, in: String(map)).first.flatMap { Int($0) })
        #expect(Self.matches(#"<path class="(commune)""#, in: String(map)).count == declared)

        // Site symbols on the main panel: far fewer than the 9,507 sites.
        let main = String(map[..<(map.range(of: "</svg>")?.upperBound ?? map.endIndex)])
        let symbols = main.components(separatedBy: "fill-opacity=\"0.3\"").count - 1
        #expect(symbols > 100 && symbols < 2_000, "\(symbols) site symbols on the national panel")
        #expect(html.contains("les lieux d’exercice proches sont regroupés"))
        // No English: notes, inputs and the model description are rendered in French.
        let english = FrenchReportTextTests.englishWords(in: html)
        #expect(english.isEmpty, "English in the national French report: \(Set(english).sorted())")
        #expect(html.contains("75 Paris (20 communes, 2\u{202F}187\u{202F}526 habitants) n’a aucun médecin dans le fichier de l’offre"))
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        guard let re = try? NSRegularExpression(pattern: pattern) else { return [] }
        return re.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
