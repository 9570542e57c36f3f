import CarePlacement
import CareStudy
import Foundation

extension PlacementNote: CustomStringConvertible {
    /// The English line, as the terminal and the CSV print it: `Juniville (08239), Rethel (08362) [MCLP, exact,
    /// proven optimal]`.
    public var description: String { text(.en) }

    /// The line in `language`: the chosen sites, then the objective, the method and what is proven.
    public func text(_ language: ReportLanguage) -> String {
        let names = sites.map { site -> String in
            switch site {
            case .commune(let p): "\(p.name) (\(p.code))"
            case .candidate(let id): id
            }
        }
        let fr = language == .fr
        let method = fr ? Self.frenchMethod[method] ?? method.rawValue : method.rawValue
        let proof = provenOptimal ? (fr ? ", optimum prouvé" : ", proven optimal")
            : gap.map { fr ? ", écart \(language.number($0 * 100, digits: 2)) %" : String(format: ", gap %.2f %%", $0 * 100) } ?? ""
        return "\(names.joined(separator: ", ")) [\(fr ? Self.frenchName(objective, language) : objective.name), \(method)\(proof)]"
    }

    private static let frenchMethod: [PlacementMethod: String] = [.exact: "exacte", .greedy: "gloutonne", .localSearch: "recherche locale"]

    private static func frenchName(_ objective: PlacementObjective, _ language: ReportLanguage) -> String {
        switch objective {
        case .mclp: "MCLP"
        case .lscp: "LSCP"
        case .pMedian: "p-médiane"
        case .pCenter: "p-centre"
        case .accessibility(let g): "accessibilité (\(g.method.name) ≥ \(language.compact(g.underServed)))"
        }
    }
}
