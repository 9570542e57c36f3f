import CareIO
import CareModel

extension ObservedTripsFile.Note {
    /// How many lines a ``withoutMinutes(lines:)`` note names, and how many codes an ``unknownCodes(_:)`` one.
    static let shownLines = 10, shownCodes = 20

    /// The note as a sentence in `language`: English is what the terminal and the CSV sidecars print.
    public func text(_ language: ReportLanguage) -> String {
        language == .fr ? french : english
    }

    var english: String {
        switch self {
        case .notRoad(let kinds):
            let parts = kinds.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
            return "Left out \(kinds.values.reduce(0, +)) rows that are not road trips (\(parts.joined(separator: ", "))): their destination is a helicopter base or a correspondent doctor."
        case .atHome(let communes):
            return "Left out \(communes) equipped communes (0 minutes to their own service: no trip)."
        case .withoutMinutes(let lines):
            return "Left out \(lines.count) road rows without minutes (METRIC computes none for isolated islands), lines \(lines.prefix(Self.shownLines).map(String.init).joined(separator: ", "))."
        case .remapped(let origins, let destinations):
            return "Mapped \(origins) origin and \(destinations) destination codes of communes déléguées/associées to their parent commune (the trip then starts or ends at the parent's point)."
        case .unknownCodes(let codes):
            let shown = codes.prefix(Self.shownCodes).map { "\($0.code) (line \($0.line))" }.joined(separator: ", ")
            return "Left out \(codes.count) rows with codes unknown to the territory (retired communes): \(shown)\(codes.count > Self.shownCodes ? ", …" : "")."
        case .collapsed(let rows):
            return "Left out \(rows) rows whose two ends are one commune of the territory once remapped."
        case .crossZone(let rows):
            return "Left out \(rows) rows whose ends are in two CRS zones."
        }
    }

    var french: String {
        let fr = ReportLanguage.fr
        /// "1 ligne … est écartée" / "3 lignes … sont écartées".
        func set(_ n: Int, _ one: String, _ many: String) -> String {
            "\(fr.number(n)) \(n == 1 ? one : many) \(n == 1 ? "est écartée" : "sont écartées")"
        }
        switch self {
        case .notRoad(let kinds):
            let parts = kinds.sorted { $0.key < $1.key }.map { "\(fr.number($0.value)) \($0.key)" }
            return set(kinds.values.reduce(0, +), "ligne qui n’est pas un trajet routier", "lignes qui ne sont pas des trajets routiers")
                + " (\(parts.joined(separator: ", "))) : leur destination est une base d’hélicoptère ou un médecin correspondant."
        case .atHome(let communes):
            return set(communes, "commune équipée", "communes équipées") + " (0 minute jusqu’à son propre service : pas de trajet)."
        case .withoutMinutes(let lines):
            return set(lines.count, "ligne routière sans minutes", "lignes routières sans minutes")
                + " (METRIC n’en calcule pas pour les îles isolées), \(lines.count == 1 ? "ligne" : "lignes") \(lines.prefix(Self.shownLines).map(String.init).joined(separator: ", "))."
        case .remapped(let origins, let destinations):
            return "Codes de communes déléguées ou associées rapportés à leur commune de rattachement (le trajet part alors du point de celle-ci ou y arrive) : \(fr.number(origins)) à l’origine, \(fr.number(destinations)) à la destination."
        case .unknownCodes(let codes):
            let shown = codes.prefix(Self.shownCodes).map { "\($0.code) (ligne \($0.line))" }.joined(separator: ", ")
            return set(codes.count, "ligne au code inconnu du territoire", "lignes aux codes inconnus du territoire")
                + " (communes disparues) : \(shown)\(codes.count > Self.shownCodes ? ", …" : "")."
        case .collapsed(let rows):
            return set(rows, "ligne", "lignes") + " : \(rows == 1 ? "ses" : "leurs") deux extrémités tombent sur une même commune du territoire une fois les codes rapportés."
        case .crossZone(let rows):
            return set(rows, "ligne", "lignes") + " : \(rows == 1 ? "ses" : "leurs") extrémités sont dans deux zones de projection."
        }
    }
}

extension ObservedTripsFile.Note: CustomStringConvertible {
    /// The English sentence (``text(_:)``), as the terminal prints it.
    public var description: String { english }
}
