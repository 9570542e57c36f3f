import CareModel
import CarePlacement

extension PlacementResult.Note {
    /// The note as a sentence in `language`: English is what the terminal prints under a placement, French
    /// what a French report would show.
    public func text(_ language: ReportLanguage) -> String {
        language == .fr ? french : english
    }

    var english: String {
        switch self {
        case .timeLimit(let incumbent):
            return "CBC stopped before proving optimality (time limit): best \(incumbent == .cover ? "cover" : "solution") found, with its proven gap."
        case .uncoverable(let points):
            return "\(points) demand points are beyond T of every existing site and every candidate: no placement covers them."
        case .unreachedByExisting(let points, let horizon):
            return "\(points) demand points have no existing site in reach: candidates up to \(horizon.placementText) min are considered for them, and p-median counts them at \(horizon.placementText) min while unserved."
        case .beyondEverySite(let points, let horizon):
            return "\(points) demand points have no site within \(horizon.placementText) min, existing or candidate: left out of the worst-minutes objective."
        case .padded(let useful, let padding, let gain):
            let (one, many) = Self.englishGain(gain)
            let head = useful == 0 ? "No new site \(one)" : "Only \(useful) new site\(useful == 1 ? " \(one)" : "s \(many)")"
            return head + "; the other \(padding) are placed where they reach the most people within the threshold (gain 0)."
        case .nothingAffordable(let gain):
            return "No affordable new site \(Self.englishGain(gain).one) within the budget."
        case .greedySetCover:
            return "Greedy covering is a heuristic."
        case .greedyCover:
            return "Greedy is a heuristic: within 1 − (1 − 1/k)^k ≥ 63.2 % of the optimum; the bound is proven."
        case .budgetedGreedy(let bestSingleSite):
            return "Greedy by gain per euro (Khuller, Moss & Naor 1999) is a heuristic: the better of it and the best single affordable site is within 1 − 1/√e ≥ 39.3 % of the optimum; the bound is proven."
                + (bestSingleSite ? " Here the best single site beat the gain-per-euro choice." : "")
        case .greedyMedian:
            return "Lazy greedy is a heuristic; the bound is proven."
        case .vertexSubstitution:
            return "Vertex substitution is a heuristic (a local optimum for single swaps); the bound is proven."
        case .exactTooLarge(let variables, let limit):
            return "The exact model would have \(variables) assignment variables (more than \(limit)): local-search solution with its proven gap instead."
        case .greedyBisection:
            return "Greedy covering inside the bisection is a heuristic; the bound is the all-candidates lower bound."
        case .greedyAccessibility(let budgeted):
            return budgeted
                ? "Greedy by lifted population per euro (then progress toward the mark per euro) is a heuristic: the lifted population is not submodular, so there is no bound."
                : "Greedy with re-evaluation is a heuristic: the lifted population is not submodular, so there is no bound."
        case .aplDemand(let demand, let perGP, let source):
            return "APL demand: \(demand.summary); the population lifted counts inhabitants. Each new GP counts "
                + "\(Int(perGP.rounded())) consultations a year (\(source))."
        }
    }

    var french: String {
        let fr = ReportLanguage.fr
        switch self {
        case .timeLimit(let incumbent):
            return "CBC s’est arrêté avant de prouver l’optimalité (limite de temps) : \(incumbent == .cover ? "meilleure couverture trouvée" : "meilleure solution trouvée"), avec son écart prouvé."
        case .uncoverable(let points):
            return "\(fr.number(points)) points de demande sont au-delà de T de tout lieu existant et de tout candidat : aucune implantation ne les couvre."
        case .unreachedByExisting(let points, let horizon):
            return "\(fr.number(points)) points de demande n’ont aucun lieu existant à portée : les candidats jusqu’à \(fr.compact(horizon)) min sont envisagés pour eux, et la p-médiane les compte à \(fr.compact(horizon)) min tant qu’ils ne sont pas desservis."
        case .beyondEverySite(let points, let horizon):
            return "\(fr.number(points)) points de demande n’ont aucun lieu, existant ou candidat, à moins de \(fr.compact(horizon)) min : écartés de l’objectif du pire temps."
        case .padded(let useful, let padding, let gain):
            let words = Self.frenchGain(gain)
            let head = switch useful {
            case 0: "Aucun nouveau lieu \(words.none)"
            case 1: "Un seul nouveau lieu \(words.one)"
            default: "Seuls \(fr.number(useful)) nouveaux lieux \(words.many)"
            }
            return head + " ; les \(fr.number(padding)) autres sont placés là où ils atteignent le plus d’habitants dans le seuil (gain 0)."
        case .nothingAffordable(let gain):
            return "Aucun nouveau lieu abordable \(Self.frenchGain(gain).none) dans les limites du budget."
        case .greedySetCover:
            return "La couverture gloutonne est une heuristique."
        case .greedyCover:
            return "L’algorithme glouton est une heuristique : il atteint au moins 1 − (1 − 1/k)^k ≥ 63,2 % de l’optimum ; la borne est prouvée."
        case .budgetedGreedy(let bestSingleSite):
            return "L’algorithme glouton par gain par euro (Khuller, Moss et Naor 1999) est une heuristique : le meilleur de son choix et du meilleur lieu abordable seul atteint au moins 1 − 1/√e ≥ 39,3 % de l’optimum ; la borne est prouvée."
                + (bestSingleSite ? " Ici, le meilleur lieu seul l’emporte sur le choix par gain par euro." : "")
        case .greedyMedian:
            return "L’algorithme glouton paresseux est une heuristique ; la borne est prouvée."
        case .vertexSubstitution:
            return "La substitution de sommets est une heuristique (un optimum local pour les échanges un à un) ; la borne est prouvée."
        case .exactTooLarge(let variables, let limit):
            return "Le modèle exact aurait \(fr.number(variables)) variables d’affectation (plus de \(fr.number(limit))) : la solution de la recherche locale, avec son écart prouvé, est donnée à la place."
        case .greedyBisection:
            return "La couverture gloutonne dans la bissection est une heuristique ; la borne est la borne inférieure avec tous les candidats ouverts."
        case .greedyAccessibility(let budgeted):
            return budgeted
                ? "L’algorithme glouton par population sortie de la sous-dotation par euro (puis par progrès vers le seuil par euro) est une heuristique : cette population n’est pas sous-modulaire, il n’y a donc pas de borne."
                : "L’algorithme glouton avec réévaluation est une heuristique : la population sortie de la sous-dotation n’est pas sous-modulaire, il n’y a donc pas de borne."
        case .aplDemand(let demand, let perGP, let source):
            let words = AccessibilityResult.Input(label: "", text: demand.summary, detail: .demand(demand)).text(.fr)
            return "Demande de l’APL : \(words) ; la population sortie de la sous-dotation compte des habitants. Chaque nouveau médecin compte "
                + "\(fr.number(perGP.rounded())) consultations par an (\(AccessibilityResult.Input.frenchActivitySource(source)))."
        }
    }

    /// What a site does, after "No new site" (`one`) and "Only 2 new sites" (`many`).
    private static func englishGain(_ gain: Gain) -> (one: String, many: String) {
        switch gain {
        case .coversAnyoneNew: ("covers anyone new", "cover anyone new")
        case .bringsAnyoneCloser: ("brings anyone closer", "bring anyone closer")
        case .bringsCloserToMark: ("brings anyone closer to the mark", "bring anyone closer to the mark")
        case .neededForWorstCase: ("is needed for the best worst case", "are needed for the best worst case")
        }
    }

    /// The same in French: after "Aucun nouveau lieu" (`none`, negative), "Un seul nouveau lieu" (`one`) and
    /// "Seuls 2 nouveaux lieux" (`many`).
    private static func frenchGain(_ gain: Gain) -> (none: String, one: String, many: String) {
        switch gain {
        case .coversAnyoneNew: ("ne couvre de nouveaux habitants", "couvre de nouveaux habitants", "couvrent de nouveaux habitants")
        case .bringsAnyoneCloser: ("ne rapproche qui que ce soit", "rapproche des habitants", "rapprochent des habitants")
        case .bringsCloserToMark: ("ne rapproche qui que ce soit du seuil", "rapproche des habitants du seuil", "rapprochent des habitants du seuil")
        case .neededForWorstCase: ("n’est nécessaire au meilleur pire cas", "est nécessaire au meilleur pire cas", "sont nécessaires au meilleur pire cas")
        }
    }
}

extension PlacementResult.Note: CustomStringConvertible {
    /// The English sentence (``text(_:)``), as the terminal prints it.
    public var description: String { english }
}
