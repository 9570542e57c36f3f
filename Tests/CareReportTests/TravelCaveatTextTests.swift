import CareIO
import CareModel
import Testing

@testable import CareReport

/// Every travel caveat renders in English as the terminal and the CSV sidecars printed it before the caveats
/// were cases, and in French; the models give their cases.
struct TravelCaveatTextTests {
    static let heldOut = TravelCaveat.HeldOutError(folds: 5, medianRelativeError: 0.0834, meanAbsoluteError: 1.8766,
                                                   shareOver5Minutes: 0.061, shortMedianRelativeError: 0.1249,
                                                   shortMeanAbsoluteError: 1.2)

    static let english: [(TravelCaveat, String)] = [
        (.crowFly, "Crow-fly: straight lines at one speed and detour factor, blind to roads, relief and the sea (islands are reached across the water); measure it against observed drive times with `careaccess travel validate`."),
        (.calibrated(trips: 25_409, source: ObservedTripsFile.dreesDescription), "Calibrated travel model: straight-line distance, corrected by end densities, département and region, fit to 25409 observed drive times (DREES 2019 access to emergency care: INSEE METRIC road times, commune to commune (SU_SMUR rows)); it knows no individual road, no congestion by time of day, and represents each commune by one point."),
        (.heldOutError(heldOut), "Held-out error (5-fold, trips ≤ 30 min): median 8.3 %, MAE 1.88 min, 6.1 % off by more than 5 min; short trips (≤ 10 min) are less accurate in relative terms: median 12.5 %, MAE 1.20 min."),
        (.isolatedIslands(41), "41 islands without a road to the mainland are unreachable from it (boat and air crossings are not modelled)."),
        (.odMatrix, "OD matrix: minutes as the matrix gives them; pairs it lacks are unreachable, and places that are not commune points (practitioners' own coordinates) are not found in it."),
        (.roadNetwork(accessSpeedKmh: 4.5, limitMetres: 5000), "Road network: OpenStreetMap class speeds (or maxspeed), free flow with no congestion or turn costs; places join the nearest node at 4.5 km/h, and places beyond 5000 m of any road are unreachable."),
    ]

    @Test func everyCaveatRendersInEnglishAsBefore() {
        for (caveat, text) in Self.english {
            #expect(caveat.description == text)
            #expect(caveat.text(.en) == text)
        }
    }

    @Test func everyCaveatRendersInFrench() {
        let french = Self.english.map { $0.0.text(.fr) }
        for ((_, english), text) in zip(Self.english, french) { #expect(text != english) }
        #expect(Set(french).count == french.count)
        #expect(TravelCaveat.heldOutError(Self.heldOut).text(.fr)
            == "Erreur en validation croisée (5 plis, trajets ≤ 30 min) : médiane 8,3\u{202F}%, erreur absolue moyenne 1,88 min, 6,1\u{202F}% des trajets à plus de 5 min près ; les trajets courts (≤ 10 min) sont moins précis en relatif : médiane 12,5\u{202F}%, erreur absolue moyenne 1,20 min.")
        #expect(TravelCaveat.calibrated(trips: 25_409, source: ObservedTripsFile.dreesDescription).text(.fr)
            .contains("25\u{202F}409 temps de trajet observés (accès aux soins urgents, DREES 2019 : temps de trajet routiers METRIC de l’INSEE"))
        #expect(TravelCaveat.calibrated(trips: 3, source: ObservedTripsFile.pairsDescription + "trips.csv").text(.fr)
            .contains("(paires observées trips.csv)"))
    }

    @Test func theModelsGiveTheirCaveats() throws {
        #expect(try CrowFlyModel().caveats == [.crowFly])
        let p = try CalibratedModelFile.load(path: nil)
        let h = try #require(p.heldOut), short = try #require(h.upTo10Minutes)
        #expect(p.caveats == [
            .calibrated(trips: p.observed.trips, source: p.observed.description),
            .heldOutError(.init(folds: h.folds, medianRelativeError: h.upTo30Minutes.medianRelativeError,
                                meanAbsoluteError: h.upTo30Minutes.meanAbsoluteError, shareOver5Minutes: h.upTo30Minutes.shareOver5Minutes,
                                shortMedianRelativeError: short.medianRelativeError, shortMeanAbsoluteError: short.meanAbsoluteError)),
            .isolatedIslands(p.isolatedLand.count),
        ])
    }
}
