import CareIO
import CareStudy
import CareModel

extension AccessibilityResult.Input {
    /// The line in `language`: English is ``text``; French is rendered from ``detail`` (the shipped data's
    /// sources in French, ``APLDefaults/frenchSources``; a source given by the user as it was given). A line
    /// without a detail stays as it is.
    public func text(_ language: ReportLanguage) -> String {
        guard language == .fr, let detail else { return text }
        let fr = ReportLanguage.fr
        switch detail {
        case .demand(let demand):
            switch demand {
            case .population:
                return "population brute (population municipale), non standardisée par l’âge"
            case .departementAgeStructure(let s, let w):
                return "standardisée par l’âge selon la structure par âge du département (\(Self.french(s.source)) ; "
                    + "\(Self.french(w.source))) ; hypothèse : chaque commune a la structure par âge de son département"
            case .communes(_, let source):
                return "standardisée par l’âge, commune par commune (\(source))"
            }
        case .activity(let counted, let perGP, let source, let listed, let imputedPerFTE, let imputed):
            var parts: [String] = []
            if counted > 0 {
                parts.append("\(fr.number(perGP)) consultations, visites et téléconsultations par médecin et par an pour les "
                             + "\(fr.number(counted)) lieux donnés en nombre de médecins (\(Self.frenchActivitySource(source)))")
            }
            if listed > 0 {
                parts.append("activité enregistrée (consultations, visites et téléconsultations) des praticiens de \(fr.number(listed)) lieux, "
                             + "\(fr.number(imputedPerFTE)) par ETP attribuées à \(fr.number(imputed)) praticiens installés depuis peu ou sans relevé")
            }
            return parts.joined(separator: " ; ")
        case .caps:
            return "plafonds DREES par médecin sur l’activité relevée : ≤ 250 → 0, 251–3 600 → 3 600, 3 601–6 000 inchangée, "
                + "> 6 000 → 6 000 ; aucun pour les centres de santé ; non appliqués au niveau par médecin des nombres de médecins (une moyenne)"
        }
    }

    private static func french(_ source: String) -> String { APLDefaults.frenchSources[source] ?? source }

    /// The shipped activity level's provenance in French; a level given by the user keeps its own words.
    static func frenchActivitySource(_ source: String) -> String {
        guard source == APLActivityLevel.provenance else { return source }
        return "niveau calculé pour reproduire l’APL moyenne publiée par la DREES pour 2023, "
            + "\(ReportLanguage.fr.number(APLActivityLevel.dreesNationalMean2023, digits: 2)), sur la France métropolitaine "
            + "hors trous de l’offre (Paris) et les communes qui les atteignent : nombres de médecins de la BPE de l’INSEE (D201), "
            + "structure par âge départementale de l’INSEE (2021) × poids de la DREES (2023), modèle de temps de trajet calé sur "
            + "METRIC 2019 (DREES) ; Scripts/derive-apl-level.sh"
    }
}
