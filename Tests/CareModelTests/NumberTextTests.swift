import Testing
@testable import CareModel

/// The one formatter per quantity (NumberText): parameters, summary figures, fixed decimals, grouped counts.
struct NumberTextTests {
    @Test func parametersAreShortest() {
        #expect(60.0.shortText == "60" && 1.3.shortText == "1.3" && 2.5.shortText == "2.5" && (4.0 / 3).shortText == "1.33")
        #expect((-0.5).shortText == "-0.5" && 1e20.shortText == "1e+20")
    }

    @Test func figuresShowTwoDecimalsUnlessWhole() {
        #expect(2.5.formatted2 == "2.50" && 20.0.formatted2 == "20" && (4.0 / 3).formatted2 == "1.33" && 0.004.formatted2 == "0")
    }

    @Test func fixedAndGrouped() {
        #expect(7.25.fixed(1) == "7.2" && Double.nan.fixed(2) == "n/a" && Double.infinity.fixed(0) == "n/a")
        #expect(33_303.94.grouped(decimals: 1) == "33,303.9" && 4_011.785.grouped(decimals: 0) == "4,012")
        #expect((-1_234.5).grouped(decimals: 1) == "-1,234.5" && (-0.01).grouped(decimals: 1) == "0.0")
        #expect(0.grouped == "0" && 1_000.grouped == "1,000" && (-999_999).grouped == "-999,999" && Int.min.grouped.hasPrefix("-9,223"))
        #expect("7".leftPadded(3) == "  7" && "1234".leftPadded(3) == "1234")
    }

    @Test func signedPercentWholeAndPadding() {
        #expect(0.5.signedFixed(2) == "+0.50" && (-0.5).signedFixed(2) == "-0.50" && 0.0.signedFixed(3) == "+0.000")
        #expect((-0.0).signedFixed(2) == "-0.00" && Double.nan.signedFixed(2) == "n/a")
        #expect(0.0742.percent(1) == "7.4 %" && 0.5.percent(2) == "50.00 %" && Double.nan.percent(1) == "n/a %")
        #expect(12_345.4.groupedWhole == "12,345" && (-2_500.5).groupedWhole == "-2,501" && Double.infinity.groupedWhole == "n/a")
        #expect(1e16.groupedWhole == "1e+16")
        #expect("ab".rightPadded(4) == "ab  " && "abcde".rightPadded(4) == "abcde")
    }
}
