import CareIO
import CareModel

extension TravelCaveat {
    /// The caveat as a sentence in `language`: English is what the terminal and the CSV sidecars' known
    /// limitations print, French what a French report shows.
    public func text(_ language: ReportLanguage) -> String {
        language == .fr ? french : english
    }

    var english: String {
        switch self {
        case .crowFly:
            return "Crow-fly: straight lines at one speed and detour factor, blind to roads, relief and the sea (islands are reached across the water); measure it against observed drive times with `careaccess travel validate`."
        case .calibrated(let trips, let source):
            return "Calibrated travel model: straight-line distance, corrected by end densities, département and region, fit to \(trips) observed drive times (\(source)); it knows no individual road, no congestion by time of day, and represents each commune by one point."
        case .heldOutError(let h):
            let percent = { (share: Double) in (share * 100).fixed(1) + " %" }
            return "Held-out error (\(h.folds)-fold, trips ≤ 30 min): median \(percent(h.medianRelativeError)), MAE \(h.meanAbsoluteError.fixed(2)) min, \(percent(h.shareOver5Minutes)) off by more than 5 min; short trips (≤ 10 min) are less accurate in relative terms: median \(percent(h.shortMedianRelativeError)), MAE \(h.shortMeanAbsoluteError.fixed(2)) min."
        case .isolatedIslands(let count):
            return "\(count) islands without a road to the mainland are unreachable from it (boat and air crossings are not modelled)."
        case .odMatrix:
            return "OD matrix: minutes as the matrix gives them; pairs it lacks are unreachable, and places that are not commune points (practitioners' own coordinates) are not found in it."
        case .roadNetwork(let kmh, let limit):
            return "Road network: OpenStreetMap class speeds (or maxspeed), free flow with no congestion or turn costs; places join the nearest node at \(kmh.shortText) km/h, and places beyond \(limit) m of any road are unreachable."
        }
    }

    var french: String {
        let fr = ReportLanguage.fr
        switch self {
        case .crowFly:
            return "À vol d’oiseau : des lignes droites à une seule vitesse et un seul facteur de détour, aveugles aux routes, au relief et à la mer (les îles sont atteintes par-dessus l’eau) ; à mesurer face à des temps de trajet observés avec `careaccess travel validate`."
        case .calibrated(let trips, let source):
            return "Modèle de temps de trajet calé : distance en ligne droite, corrigée par les densités aux deux extrémités, le département et la région, ajustée sur \(fr.number(trips)) temps de trajet observés (\(Self.frenchSource(source))) ; il ne connaît aucune route en particulier ni la congestion selon l’heure, et représente chaque commune par un seul point."
        case .heldOutError(let h):
            return "Erreur en validation croisée (\(h.folds) plis, trajets ≤ 30 min) : médiane \(fr.percent(h.medianRelativeError)), erreur absolue moyenne \(fr.number(h.meanAbsoluteError, digits: 2)) min, \(fr.percent(h.shareOver5Minutes)) des trajets à plus de 5 min près ; les trajets courts (≤ 10 min) sont moins précis en relatif : médiane \(fr.percent(h.shortMedianRelativeError)), erreur absolue moyenne \(fr.number(h.shortMeanAbsoluteError, digits: 2)) min."
        case .isolatedIslands(let count):
            return "\(fr.number(count)) îles sans route vers le continent en sont injoignables (les traversées en bateau et en avion ne sont pas modélisées)."
        case .odMatrix:
            return "Matrice origine–destination : les minutes telles que la matrice les donne ; une paire absente est injoignable, et un lieu qui n’est pas au point d’une commune (coordonnées propres d’un praticien) n’y figure pas."
        case .roadNetwork(let kmh, let limit):
            return "Réseau routier : vitesses par classe de route d’OpenStreetMap (ou maxspeed), en circulation fluide, sans congestion ni coût de virage ; chaque lieu rejoint le nœud le plus proche à \(fr.compact(kmh)) km/h, et les lieux à plus de \(fr.number(limit)) m de toute route sont injoignables."
        }
    }

    /// The shipped source descriptions of observed trips in French (``ObservedTripsFile``); any other as given.
    static func frenchSource(_ source: String) -> String {
        if source == ObservedTripsFile.dreesDescription {
            return "accès aux soins urgents, DREES 2019 : temps de trajet routiers METRIC de l’INSEE, de commune à commune (lignes SU_SMUR)"
        }
        if source.hasPrefix(ObservedTripsFile.pairsDescription) {
            return "paires observées " + source.dropFirst(ObservedTripsFile.pairsDescription.count)
        }
        return source
    }
}

extension TravelCaveat: CustomStringConvertible {
    /// The English sentence (``text(_:)``), as the terminal and the CSV sidecars print it.
    public var description: String { english }
}
