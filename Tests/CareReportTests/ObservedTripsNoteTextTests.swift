import CareIO
import Testing

@testable import CareReport

/// Every note of the observed-trips reader renders in English as the terminal printed it before the notes
/// were cases, and in French.
struct ObservedTripsNoteTextTests {
    typealias Note = ObservedTripsFile.Note

    static let manyCodes = (1...21).map { Note.UnknownCode(code: "0\(2000 + $0)", line: $0 + 1) }

    static let english: [(Note, String)] = [
        (.notRoad(["MCS": 3, "HeliSMUR": 2]), "Left out 5 rows that are not road trips (2 HeliSMUR, 3 MCS): their destination is a helicopter base or a correspondent doctor."),
        (.atHome(4), "Left out 4 equipped communes (0 minutes to their own service: no trip)."),
        (.withoutMinutes(lines: Array(2...13)), "Left out 12 road rows without minutes (METRIC computes none for isolated islands), lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11."),
        (.remapped(origins: 2, destinations: 1), "Mapped 2 origin and 1 destination codes of communes déléguées/associées to their parent commune (the trip then starts or ends at the parent's point)."),
        (.unknownCodes([.init(code: "02077", line: 7)]), "Left out 1 rows with codes unknown to the territory (retired communes): 02077 (line 7)."),
        (.unknownCodes(manyCodes), "Left out 21 rows with codes unknown to the territory (retired communes): "
            + manyCodes.prefix(20).map { "\($0.code) (line \($0.line))" }.joined(separator: ", ") + ", …."),
        (.collapsed(3), "Left out 3 rows whose two ends are one commune of the territory once remapped."),
        (.crossZone(6), "Left out 6 rows whose ends are in two CRS zones."),
    ]

    @Test func everyNoteRendersInEnglishAsBefore() {
        for (note, text) in Self.english {
            #expect(note.description == text)
            #expect(note.text(.en) == text)
        }
    }

    @Test func everyNoteRendersInFrench() {
        let french = Self.english.map { $0.0.text(.fr) }
        for ((_, english), text) in zip(Self.english, french) {
            #expect(text != english)
            #expect(!text.contains("Left out"))
        }
        #expect(Set(french).count == french.count)
        #expect(Note.unknownCodes([.init(code: "02077", line: 7)]).text(.fr)
            == "1 ligne au code inconnu du territoire est écartée (communes disparues) : 02077 (ligne 7).")
        #expect(Note.crossZone(1_500).text(.fr) == "1\u{202F}500 lignes sont écartées : leurs extrémités sont dans deux zones de projection.")
    }
}
