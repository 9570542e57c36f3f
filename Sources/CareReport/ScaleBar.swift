import CareIO
import CareStudy
import Foundation

/// The scale bar of a map: a round length in kilometres (1, 2, 5 × 10ⁿ) no longer than a fifth of the map.
///
/// ```swift
/// ScaleBar(mapWidthMetres: 140_000).kilometres   // 20 (a fifth of 140 km is 28)
/// ScaleBar(mapWidthMetres: 3_000).kilometres     // 0.5
/// ```
/// O(1).
public struct ScaleBar: Sendable, Hashable {
    /// Length of the bar in kilometres.
    public var kilometres: Double

    /// The longest round length not exceeding a fifth of `mapWidthMetres` (at least 100 m).
    public init(mapWidthMetres: Double) {
        let target = max(mapWidthMetres, 0) / 5 / 1_000
        kilometres = max(0.1, ScaleBar.niceStep(target, roundingDown: true))
    }

    /// Length of the bar in metres.
    public var metres: Double { kilometres * 1_000 }

    /// The bar's label: "20 km", "500 m".
    public var label: String {
        kilometres >= 1 ? "\(Int(kilometres.rounded())) km" : "\(Int(metres.rounded())) m"
    }

    /// A round number (1, 2, 2.5 or 5 × 10ⁿ, or 1, 2, 5 × 10ⁿ with `roundingDown`) near `value`: the smallest
    /// one ≥ `value`, or with `roundingDown` the largest one ≤ `value`. 0 for non-positive input.
    static func niceStep(_ value: Double, roundingDown: Bool = false) -> Double {
        guard value > 0, value.isFinite else { return 0 }
        let magnitude = pow(10, (log10(value)).rounded(.down))
        let mantissas: [Double] = roundingDown ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10]
        if roundingDown {
            let m = mantissas.last { $0 * magnitude <= value * (1 + 1e-12) } ?? 1
            return m * magnitude
        }
        let m = mantissas.first { $0 * magnitude >= value * (1 - 1e-12) } ?? 10
        return m * magnitude
    }
}
