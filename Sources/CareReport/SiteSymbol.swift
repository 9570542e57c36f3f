import CareIO
import CareStudy
import CareModel
import Foundation

/// The shape of a site symbol by kind, with the area of a circle of the given radius so that area stays
/// proportional to GPs whatever the shape: practice ○, MSP ■, health centre ◆, salaried centre ▲,
/// rotating post ▼, intern post ⬢.
///
/// ```swift
/// SiteSymbol.pathData(kind: .msp, centre: (100, 100), radius: 10)   // "M…z", a square of area π·10²
/// ```
/// O(1).
enum SiteSymbol {
    /// Vertices and rotation (radians) of the regular polygon for `kind`; `nil` for a circle.
    static func polygon(for kind: SiteKind) -> (sides: Int, rotation: Double)? {
        switch kind {
        case .practice: return nil
        case .msp: return (4, Double.pi / 4)
        case .healthCentre: return (4, 0)
        case .salariedCentre: return (3, 0)
        case .rotatingPost: return (3, Double.pi)
        case .internPost: return (6, Double.pi / 6)
        }
    }

    /// Path data of the symbol centred on `centre` (SVG units, y down) with the area of a circle of `radius`.
    static func pathData(kind: SiteKind, centre: (x: Int, y: Int), radius: Double) -> String {
        guard let (n, rotation) = polygon(for: kind) else {
            let r = max(1, Int(radius.rounded()))
            return "M\(centre.x - r) \(centre.y)a\(r) \(r) 0 1 0 \(2 * r) 0a\(r) \(r) 0 1 0 \(-2 * r) 0z"
        }
        // Regular n-gon of circumradius R has area (n/2)·R²·sin(2π/n); equal to π r².
        let big = radius * (2 * Double.pi / (Double(n) * sin(2 * Double.pi / Double(n)))).squareRoot()
        var d = ""
        for k in 0..<n {
            // Angle 0 points up (y down in SVG).
            let a = rotation + 2 * Double.pi * Double(k) / Double(n)
            let x = Int((Double(centre.x) + big * sin(a)).rounded())
            let y = Int((Double(centre.y) - big * cos(a)).rounded())
            d += (k == 0 ? "M" : "L") + "\(x) \(y)"
        }
        return d + "z"
    }
}
