import CarePlacement
import Testing

@testable import CareReport

/// Every placement note renders in English as the terminal printed it before the notes were cases, and in
/// French.
struct PlacementNoteTextTests {
    typealias Note = PlacementResult.Note

    static let english: [(Note, String)] = [
        (.timeLimit(.solution), "CBC stopped before proving optimality (time limit): best solution found, with its proven gap."),
        (.timeLimit(.cover), "CBC stopped before proving optimality (time limit): best cover found, with its proven gap."),
        (.uncoverable(points: 4), "4 demand points are beyond T of every existing site and every candidate: no placement covers them."),
        (.unreachedByExisting(points: 12, horizon: 60), "12 demand points have no existing site in reach: candidates up to 60 min are considered for them, and p-median counts them at 60 min while unserved."),
        (.beyondEverySite(points: 3, horizon: 22.5), "3 demand points have no site within 22.5 min, existing or candidate: left out of the worst-minutes objective."),
        (.padded(useful: 0, padding: 3, gain: .coversAnyoneNew), "No new site covers anyone new; the other 3 are placed where they reach the most people within the threshold (gain 0)."),
        (.padded(useful: 1, padding: 2, gain: .bringsAnyoneCloser), "Only 1 new site brings anyone closer; the other 2 are placed where they reach the most people within the threshold (gain 0)."),
        (.padded(useful: 2, padding: 1, gain: .bringsCloserToMark), "Only 2 new sites bring anyone closer to the mark; the other 1 are placed where they reach the most people within the threshold (gain 0)."),
        (.padded(useful: 2, padding: 2, gain: .neededForWorstCase), "Only 2 new sites are needed for the best worst case; the other 2 are placed where they reach the most people within the threshold (gain 0)."),
        (.padded(useful: 1, padding: 1, gain: .neededForWorstCase), "Only 1 new site is needed for the best worst case; the other 1 are placed where they reach the most people within the threshold (gain 0)."),
        (.nothingAffordable(.coversAnyoneNew), "No affordable new site covers anyone new within the budget."),
        (.nothingAffordable(.bringsCloserToMark), "No affordable new site brings anyone closer to the mark within the budget."),
        (.greedySetCover, "Greedy covering is a heuristic."),
        (.greedyCover, "Greedy is a heuristic: within 1 − (1 − 1/k)^k ≥ 63.2 % of the optimum; the bound is proven."),
        (.budgetedGreedy(bestSingleSite: false), "Greedy by gain per euro (Khuller, Moss & Naor 1999) is a heuristic: the better of it and the best single affordable site is within 1 − 1/√e ≥ 39.3 % of the optimum; the bound is proven."),
        (.budgetedGreedy(bestSingleSite: true), "Greedy by gain per euro (Khuller, Moss & Naor 1999) is a heuristic: the better of it and the best single affordable site is within 1 − 1/√e ≥ 39.3 % of the optimum; the bound is proven. Here the best single site beat the gain-per-euro choice."),
        (.greedyMedian, "Lazy greedy is a heuristic; the bound is proven."),
        (.vertexSubstitution, "Vertex substitution is a heuristic (a local optimum for single swaps); the bound is proven."),
        (.exactTooLarge(variables: 2_500_000, limit: 2_000_000), "The exact model would have 2500000 assignment variables (more than 2000000): local-search solution with its proven gap instead."),
        (.greedyBisection, "Greedy covering inside the bisection is a heuristic; the bound is the all-candidates lower bound."),
        (.greedyAccessibility(budgeted: false), "Greedy with re-evaluation is a heuristic: the lifted population is not submodular, so there is no bound."),
        (.greedyAccessibility(budgeted: true), "Greedy by lifted population per euro (then progress toward the mark per euro) is a heuristic: the lifted population is not submodular, so there is no bound."),
        (.aplDemand(.communes([:], source: "synthetic"), activityPerGP: 4_321.6, activitySource: "a level"), "APL demand: age-standardised by commune (synthetic); the population lifted counts inhabitants. Each new GP counts 4322 consultations a year (a level)."),
    ]

    @Test func everyNoteRendersInEnglishAsBefore() {
        for (note, text) in Self.english {
            #expect(note.description == text)
            #expect(note.text(.en) == text)
        }
    }

    @Test func everyNoteRendersInFrenchWithItsFigures() {
        let french = Self.english.map { $0.0.text(.fr) }
        for ((note, english), text) in zip(Self.english, french) {
            #expect(text != english, "\(note)")
            #expect(!text.contains("heuristic") && !text.contains(" the "), "\(text)")
        }
        #expect(Set(french).count == french.count)
        #expect(Note.unreachedByExisting(points: 1_200, horizon: 22.5).text(.fr)
            == "1\u{202F}200 points de demande n’ont aucun lieu existant à portée : les candidats jusqu’à 22,5 min sont envisagés pour eux, et la p-médiane les compte à 22,5 min tant qu’ils ne sont pas desservis.")
        #expect(Note.padded(useful: 0, padding: 3, gain: .coversAnyoneNew).text(.fr)
            == "Aucun nouveau lieu ne couvre de nouveaux habitants ; les 3 autres sont placés là où ils atteignent le plus d’habitants dans le seuil (gain 0).")
        #expect(Note.aplDemand(.population, activityPerGP: 4_321.6, activitySource: "a level").text(.fr)
            == "Demande de l’APL : population brute (population municipale), non standardisée par l’âge ; la population sortie de la sous-dotation compte des habitants. Chaque nouveau médecin compte 4\u{202F}322 consultations par an (a level).")
    }
}
