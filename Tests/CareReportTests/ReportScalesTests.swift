import CareGeo
import Testing

@testable import CareReport

/// Colour classes, scale bar, labels and number formatting of the HTML report, checked by hand.
struct ReportScalesTests {
    @Test func minutesClassesBreakAtTheThreshold() {
        let s = ColorScale.minutes(threshold: 20, language: .en)
        #expect(s.bands.map(\.label) == ["≤ 5 min", "5–10 min", "10–15 min", "15–20 min", "20–30 min", "> 30 min"])
        #expect(s.index(of: 0) == 0)
        #expect(s.index(of: 5) == 0)
        #expect(s.index(of: 5.01) == 1)
        #expect(s.index(of: 20.0) == 3)
        #expect(s.index(of: 20.000001) == 4)
        #expect(s.index(of: 30) == 4)
        #expect(s.index(of: 30.5) == 5)
        #expect(s.index(of: 1e6) == 5)
        #expect(s.index(of: nil) == 6)
        #expect(s.index(of: .infinity) == 6)
        #expect(s.breakAfter == 3)
        #expect(s.breakLabel == "threshold: 20 min")
        // Other thresholds scale the classes.
        #expect(ColorScale.minutes(threshold: 10, language: .fr).bands.map(\.label).first == "≤ 2,5 min")
    }

    @Test func aplBandsUseTheDREESUnderServedLevel() {
        let s = ColorScale.indicator(scores: [1, 2, 3], isAPL: true, underServed: 2.5, language: .en)
        #expect(s.bands.map(\.upper) == [1.5, 2.5, 3.5, 4.5, .infinity])
        #expect(s.index(of: 2.49) == 1)
        #expect(s.index(of: 2.5) == 2)  // under-served is strictly below 2.5
        #expect(s.index(of: 0) == 0)
        #expect(s.breakAfter == 1)
        // Orange below the break, blue above.
        #expect(Set(s.bands[0...1].map(\.color)).isSubset(of: Set(Palette.worse)))
        #expect(Set(s.bands[2...].map(\.color)).isSubset(of: Set(Palette.better)))
    }

    @Test func fcaBandsAreQuintilesWithTheUnderServedEdge() {
        let scores = (1...100).map { Double($0) / 10 }  // 0.1 … 10
        let s = ColorScale.indicator(scores: scores, isAPL: false, underServed: nil, language: .en)
        #expect(s.bands.map(\.upper) == [2.1, 4.1, 6.1, 8.1, .infinity])
        let withLevel = ColorScale.indicator(scores: scores, isAPL: false, underServed: 5, language: .en)
        #expect(withLevel.bands.map(\.upper).contains(5))
        #expect(withLevel.breakLabel == "under-served below 5")
    }

    @Test func deltaClassesAreSymmetric() {
        let s = ColorScale.delta(changes: [-0.3, 0, 0.6], language: .en)
        #expect(s.bands.count == 7)
        #expect(s.bands.map(\.upper).prefix(3) == [-0.4, -0.2, -1e-9])
        #expect(s.index(of: 0) == 3)
        #expect(s.bands[3].color == Palette.neutral)
        #expect(s.index(of: 0.6) == 6)
        #expect(s.index(of: -0.3) == 1)
        #expect(s.index(of: 0.1) == 4)
        #expect(ColorScale.delta(changes: [0, 0], language: .fr).bands.map(\.label) == ["inchangé"])
    }

    @Test func scaleBarRoundsToOneTwoFive() {
        #expect(ScaleBar(mapWidthMetres: 140_000).kilometres == 20)
        #expect(ScaleBar(mapWidthMetres: 100_000).kilometres == 20)
        #expect(ScaleBar(mapWidthMetres: 99_000).kilometres == 10)
        #expect(ScaleBar(mapWidthMetres: 1_000_000).kilometres == 200)
        #expect(ScaleBar(mapWidthMetres: 3_000).kilometres == 0.5)
        #expect(ScaleBar(mapWidthMetres: 3_000).label == "500 m")
        #expect(ScaleBar(mapWidthMetres: 260_000).label == "50 km")
        // Invariant: never longer than a fifth of the map, never shorter than a tenth (when ≥ 100 m).
        for w in stride(from: 5_000.0, through: 2_000_000, by: 7_919) {
            let km = ScaleBar(mapWidthMetres: w).kilometres
            #expect(km * 1_000 <= w / 5 + 1e-6 && km * 1_000 > w / 5 / 2.5 - 1e-6, "\(w)")
        }
    }

    @Test func everyLabelExistsInBothLanguages() {
        for key in ReportLabels.Key.allCases {
            let entry = ReportLabels.table[key]
            #expect(entry != nil, "\(key) missing")
            guard let entry else { continue }
            #expect(!entry.fr.isEmpty && !entry.en.isEmpty, "\(key)")
            for p in ["%1", "%2"] {
                #expect(entry.fr.contains(p) == entry.en.contains(p), "\(key): placeholder \(p) in one language only")
            }
        }
        #expect(ReportLabels.table.count == ReportLabels.Key.allCases.count)
        #expect(ReportLabels(.fr).format(.thresholdBreak, "20") == "seuil : 20 min")
    }

    @Test func numbersFollowTheLanguage() {
        #expect(ReportLanguage.en.number(1234567.891, digits: 2) == "1,234,567.89")
        #expect(ReportLanguage.fr.number(1234.5, digits: 1) == "1\u{202F}234,5")
        #expect(ReportLanguage.fr.number(-0.004, digits: 2) == "0,00")
        #expect(ReportLanguage.en.number(-2.5, digits: 1) == "−2.5")
        #expect(ReportLanguage.en.signed(3) == "+3")
        #expect(ReportLanguage.en.signed(0) == "0")
        #expect(ReportLanguage.en.number(.nan) == "–")
        #expect(ReportLanguage.en.percent(0.1234) == "12.3%")
        // A small share that is not 0 does not print as 0 (7,169 people of 64.6 million).
        #expect(ReportLanguage.fr.percent(7_169 / 64_640_730) == "0,01\u{202F}%")
        #expect(ReportLanguage.en.percent(0.0004) == "0.04%")
        #expect(ReportLanguage.en.percent(1e-9) == "< 0.001%")
        #expect(ReportLanguage.en.percent(0) == "0.0%")
    }

    @Test func pathsAreRoundedAndDeduplicated() {
        let frame = MapFrame(box: BoundingBox(minX: 0, minY: 0, maxX: 10_000, maxY: 10_000), width: 100, maxHeight: 100)
        // 10.6 km padded window over 100 px: a vertex every metre collapses to a few distinct points.
        let dense = (0...1_000).map { XY(x: Double($0), y: 0) } + [XY(x: 1_000, y: 1_000), XY(x: 0, y: 1_000), XY(x: 0, y: 0)]
        let d = frame.pathData(MultiPolygon(polygons: [Polygon(exterior: dense)]))
        #expect(d.hasPrefix("M"))
        #expect(d.hasSuffix("z"))
        #expect(d.count < 120)
        // North up: a higher y is drawn higher (smaller SVG y).
        #expect(frame.unit(XY(x: 0, y: 10_000)).y < frame.unit(XY(x: 0, y: 0)).y)
        // A ring collapsing under the resolution disappears.
        let tiny = [XY(x: 5_000, y: 5_000), XY(x: 5_001, y: 5_000), XY(x: 5_001, y: 5_001), XY(x: 5_000, y: 5_000)]
        #expect(frame.pathData(MultiPolygon(polygons: [Polygon(exterior: tiny)])).isEmpty)
    }
}
