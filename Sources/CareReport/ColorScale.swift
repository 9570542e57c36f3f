import CareIO
import CareStudy
import CareModel
import Foundation

/// A classed colour scale for choropleth maps: ordered bands with an upper bound each, plus a colour for
/// missing values (no GP reachable).
///
/// Palettes are colour-blind safe and share one convention across every map: **blue is better, orange is
/// worse** (a blue–orange diverging scheme, distinguishable with deuteranopia and protanopia), lighter near
/// the break. The hex values are our own, in the spirit of ColorBrewer's PuOr/RdBu.
///
/// ```swift
/// let scale = ColorScale.minutes(threshold: 20, language: .en)
/// scale.index(of: 20.0)      // 3: "15–20", the threshold is inclusive like the coverage figures
/// scale.index(of: nil)       // 6: unreachable
/// ```
/// Looking a value up is O(bands).
public struct ColorScale: Sendable, Hashable {
    /// One class: values below `upper` (or equal to it when `inclusive`) that no earlier band took.
    public struct Band: Sendable, Hashable {
        /// Legend text of the class (e.g. `15–20`).
        public var label: String
        /// Fill colour as a CSS hex value (`#23609e`).
        public var color: String
        /// Upper bound of the class, in the mapped value's unit (minutes, indicator score…).
        public var upper: Double
        /// Whether a value equal to ``upper`` falls in this class rather than the next.
        public var inclusive: Bool

        /// Creates a band from its parts.
        public init(label: String, color: String, upper: Double, inclusive: Bool) {
            self.label = label
            self.color = color
            self.upper = upper
            self.inclusive = inclusive
        }

        func contains(_ value: Double) -> Bool { value < upper || (inclusive && value == upper) }
    }

    /// The classes, in increasing order of ``Band/upper``; a value falls in the first band that contains it.
    public var bands: [Band]
    /// The class of missing values (`nil`, NaN or infinite), if the scale has one; its index is `bands.count`.
    public var missing: Band?
    /// The break that matters (the coverage threshold, the under-served level) lies after this band.
    public var breakAfter: Int?
    /// What the break means, for the legend (e.g. "under-served below 2.5").
    public var breakLabel: String?

    /// Creates a scale from its parts.
    public init(bands: [Band], missing: Band? = nil, breakAfter: Int? = nil, breakLabel: String? = nil) {
        self.bands = bands
        self.missing = missing
        self.breakAfter = breakAfter
        self.breakLabel = breakLabel
    }

    /// Class index of `value`: the first band that contains it, `bands.count` for a missing value.
    public func index(of value: Double?) -> Int {
        guard let value, value.isFinite else { return bands.count }
        return bands.firstIndex { $0.contains(value) } ?? max(0, bands.count - 1)
    }

    /// Fill colour of `value`.
    public func color(of value: Double?) -> String {
        let i = index(of: value)
        return i < bands.count ? bands[i].color : (missing?.color ?? Palette.missing)
    }

    /// Every class in legend order (bands, then the missing class).
    public var legend: [Band] { bands + (missing.map { [$0] } ?? []) }
}

/// The palettes' colours (our own values).
enum Palette {
    /// Blues from light to dark: better than the break.
    static let better = ["#d3e4f0", "#9cc6e0", "#5795c6", "#23609e"]
    /// Oranges from light to dark: worse than the break.
    static let worse = ["#fcd9ad", "#f5a95a", "#dc7325", "#a34b08"]
    /// "No change": white, told apart from the grey context communes by the studied communes' grey edges.
    static let neutral = "#ffffff"
    static let missing = "#3b3b3b"
    /// Communes drawn for context only (outside the study).
    static let context = "#dedede"

    /// `n` shades of `ramp`, light to dark, spread over the ramp.
    static func shades(_ ramp: [String], _ n: Int) -> [String] {
        guard n > 0 else { return [] }
        if n >= ramp.count { return ramp + Array(repeating: ramp[ramp.count - 1], count: n - ramp.count) }
        if n == 1 { return [ramp[1]] }
        return (0..<n).map { ramp[Int((Double($0) * Double(ramp.count - 1) / Double(n - 1)).rounded())] }
    }
}

extension ColorScale {
    /// A probability (share of Monte-Carlo draws) of a bad outcome: white for never, then oranges for
    /// ≤ 10 %, 10–25 %, 25–50 %, 50–75 % and ≥ 75 %; the break is at 50 % ("at risk" in the summaries).
    public static func probability(language: ReportLanguage) -> ColorScale {
        let l = ReportLabels(language)
        let p = { (v: Double) in language.number(v * 100) + (language == .fr ? "\u{202F}%" : "%") }
        let colours = ["#fdeedd"] + Palette.worse
        let cuts: [(Double, Bool)] = [(0.1, true), (0.25, true), (0.5, false), (0.75, false), (.infinity, true)]
        var bands = [Band(label: l[.probabilityNever], color: Palette.neutral, upper: 0, inclusive: true)]
        for (i, (cut, inclusive)) in cuts.enumerated() {
            let label = i == 0 ? "≤ \(p(cut))" : (cut.isFinite ? "\(p(cuts[i - 1].0))–\(p(cut))" : "≥ \(p(cuts[i - 1].0))")
            bands.append(Band(label: label, color: colours[i], upper: cut, inclusive: inclusive))
        }
        return ColorScale(bands: bands, breakAfter: 3, breakLabel: p(0.5))
    }

    /// Minutes to the nearest GP with the break at `threshold` (inclusive, like ``CoverageSummary``): four
    /// equal classes up to the threshold (≤ 5, 5–10, 10–15, 15–20 for 20 min), then threshold–1.5×threshold,
    /// beyond, and unreachable.
    public static func minutes(threshold: Double, language: ReportLanguage) -> ColorScale {
        let l = ReportLabels(language)
        let t = threshold > 0 ? threshold : 1
        let cuts = [t / 4, t / 2, 3 * t / 4, t, 1.5 * t]
        let n = { (v: Double) in language.count(v) }
        var bands: [Band] = []
        let colours = Array(Palette.better.reversed()) + Array(Palette.worse.dropFirst(1).prefix(2))
        for (i, cut) in cuts.enumerated() {
            let label = i == 0 ? "≤ \(n(cut))" : "\(n(cuts[i - 1]))–\(n(cut))"
            bands.append(Band(label: label + " " + l[.minutesShort], color: colours[i], upper: cut, inclusive: true))
        }
        bands.append(Band(label: "> \(n(cuts[4])) " + l[.minutesShort], color: colours[5], upper: .infinity, inclusive: true))
        return ColorScale(bands: bands,
                          missing: Band(label: l[.unreachable], color: Palette.missing, upper: .infinity, inclusive: true),
                          breakAfter: 3, breakLabel: l.format(.thresholdBreak, n(t)))
    }

    /// Indicator classes. APL: fixed bands 1.5 / 2.5 / 3.5 / 4.5 consultations per inhabitant per year, so
    /// that maps of different runs compare and the DREES under-served level (2.5) is a class edge. Other
    /// indicators (GPs per 10,000 within a catchment) have no reference bands: quintiles of the studied
    /// communes' scores, rounded to two significant digits. An `underServed` level is always a class edge
    /// and marks the break (orange below, blue at or above).
    public static func indicator(scores: [Double], isAPL: Bool, underServed: Double?, language: ReportLanguage) -> ColorScale {
        let l = ReportLabels(language)
        var cuts: [Double]
        if isAPL {
            cuts = [1.5, 2.5, 3.5, 4.5]
        } else {
            let sorted = scores.filter(\.isFinite).sorted()
            cuts = sorted.isEmpty ? [] : (1...4).map { k in
                roundedSignificant(sorted[min(sorted.count - 1, k * sorted.count / 5)])
            }
        }
        if let u = underServed, u.isFinite { cuts.append(u) }
        cuts = Array(Set(cuts.filter { $0.isFinite && $0 > 0 })).sorted()
        let pivot = underServed.flatMap { u in cuts.firstIndex(of: u) }.map { $0 + 1 }
            ?? (cuts.count + 1) / 2
        let below = Palette.shades(Palette.worse, pivot).reversed()
        let above = Palette.shades(Palette.better, cuts.count + 1 - pivot)
        let colours = Array(below) + above
        let n = { (v: Double) in language.compact(v) }
        var bands: [Band] = []
        for (i, cut) in cuts.enumerated() {
            let label = i == 0 ? "< \(n(cut))" : "\(n(cuts[i - 1]))–\(n(cut))"
            bands.append(Band(label: label, color: colours[i], upper: cut, inclusive: false))
        }
        bands.append(Band(label: cuts.last.map { "≥ \(n($0))" } ?? l[.allValues], color: colours[cuts.count],
                          upper: .infinity, inclusive: true))
        let mark = underServed.flatMap { u in cuts.firstIndex(of: u) }
        return ColorScale(bands: bands, breakAfter: mark,
                          breakLabel: underServed.map { l.format(.underServedBreak, n($0)) })
    }

    /// Diverging classes for a change (after − before): three classes of worsening (orange), "no change"
    /// (|Δ| ≤ 1e-9), three classes of improvement (blue), with a round step chosen from the largest finite
    /// change. An increase is better for an indicator; with `lowerIsBetter` (minutes to the nearest GP) a
    /// decrease is, and the blue classes are the negative ones.
    ///
    /// ```swift
    /// let s = ColorScale.delta(changes: [-12, 0, 3], language: .en, lowerIsBetter: true)
    /// s.color(of: -12)   // dark blue: 12 minutes closer
    /// ```
    public static func delta(changes: [Double], language: ReportLanguage, lowerIsBetter: Bool = false) -> ColorScale {
        let l = ReportLabels(language)
        let largest = changes.filter(\.isFinite).map(abs).max() ?? 0
        let zero = 1e-9
        guard largest > zero else {
            return ColorScale(bands: [Band(label: l[.noChange], color: Palette.neutral, upper: .infinity, inclusive: true)])
        }
        let step = ScaleBar.niceStep(largest / 3)
        let digits = step >= 1 ? 0 : Int((-log10(step)).rounded(.up))
        let n = { (v: Double) in language.signed(v, digits: digits) }
        // Shades light → dark away from zero on each side.
        let up = Palette.shades(lowerIsBetter ? Palette.worse : Palette.better, 3)
        let down = Palette.shades(lowerIsBetter ? Palette.better : Palette.worse, 3)
        let bands = [
            Band(label: "< \(n(-2 * step))", color: down[2], upper: -2 * step, inclusive: false),
            Band(label: "\(n(-2 * step)) … \(n(-step))", color: down[1], upper: -step, inclusive: false),
            Band(label: "\(n(-step)) … 0", color: down[0], upper: -zero, inclusive: false),
            Band(label: l[.noChange], color: Palette.neutral, upper: zero, inclusive: true),
            Band(label: "0 … \(n(step))", color: up[0], upper: step, inclusive: true),
            Band(label: "\(n(step)) … \(n(2 * step))", color: up[1], upper: 2 * step, inclusive: true),
            Band(label: "> \(n(2 * step))", color: up[2], upper: .infinity, inclusive: true),
        ]
        return ColorScale(bands: bands, breakAfter: nil, breakLabel: nil)
    }

    /// `v` rounded to two significant digits (0.0437 → 0.044, 13.7 → 14).
    static func roundedSignificant(_ v: Double) -> Double {
        guard v > 0, v.isFinite else { return v }
        let exponent = Int(log10(v).rounded(.down)) - 1
        // Divide by an exact power of ten (not multiply by 0.1…) so that 41 → 4.1 exactly.
        return exponent < 0 ? (v * pow(10, Double(-exponent))).rounded() / pow(10, Double(-exponent))
            : (v / pow(10, Double(exponent))).rounded() * pow(10, Double(exponent))
    }
}
