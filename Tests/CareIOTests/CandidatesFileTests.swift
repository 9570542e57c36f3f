import CareGeo
import CareIO
import CarePlacement
import CareTestSupport
import Testing

/// The candidates file of `careaccess place`: three ways to locate a row, and errors that name file, line, field.
@Suite struct CandidatesFileTests {
    private func parse(_ text: String) throws -> [PlacementCandidate] {
        try CandidatesFile.parse(Array(text.utf8), file: "cand.csv", territory: try TestTerritory.make())
    }

    /// The input error a file raises, `nil` when it parses (or fails otherwise).
    private func error(_ text: String) -> InputError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error as? InputError
        }
    }

    @Test func communeRowsTakeTheCommunePointAndFollowAliases() throws {
        let c = try parse("id,commune\nmsp-a,07001\nmsp-b,07099\n")
        #expect(c.map(\.id) == ["msp-a", "msp-b"])
        #expect(c[0].place.point == ProjectedPoint(x: 800_000, y: 6_400_000))
        #expect(c[0].communeCode == "07001")
        // 07099 is an alias of 07002 (commune déléguée): the candidate stands at 07002.
        #expect(c[1].communeCode == "07002")
        #expect(c[1].place.point == ProjectedPoint(x: 810_000, y: 6_400_000))
    }

    @Test func anOptionalCostColumnGivesEurosAndEmptyCellsNone() throws {
        let c = try parse("id,commune,cost\nmsp-a,07001,221333.5\nmsp-b,07002,\nfree,07001,0\n")
        #expect(c.map(\.cost) == [221_333.5, nil, 0])
        #expect(try parse("id,commune\nmsp-a,07001\n").map(\.cost) == [nil])
    }

    @Test(arguments: [
        ("id,commune,cost\na,07001,10\nb,07002,-1\n", "cand.csv:3: field 'cost': -1.0 is not a cost in euros in 0…10,000,000,000"),
        ("id,commune,cost\na,07001,2e10\n", "cand.csv:2: field 'cost': 20000000000.0 is not a cost in euros in 0…10,000,000,000"),
        ("id,commune,cost\na,07001,inf\n", "cand.csv:2: field 'cost': 'inf' is not a finite number"),
        ("id,commune,cost\na,07001,cheap\n", "cand.csv:2: field 'cost': 'cheap' is not a number"),
    ])
    func badCostsNameFileLineAndField(text: String, message: String) {
        #expect(error(text)?.description == message)
    }

    @Test func coordinateRowsTakeTheNearestCommuneForReporting() throws {
        // 845 km is nearer 26001 (850 km) than 07002 (810 km); 806 km is nearer 07002 than 07001.
        let c = try parse("id,x,y\nnorth,845000,6401000\nwest,806000,6399000\n")
        #expect(c.map(\.communeCode) == ["26001", "07002"])
        #expect(c[0].place.crs == .lambert93)
        #expect(c[0].place.point == ProjectedPoint(x: 845_000, y: 6_401_000))
    }

    @Test func lonLatRowsAreProjectedToLambert93() throws {
        // 4.5986 E, 44.7356 N (Privas) → (826,554.567, 6,405,333.341) by `cs2cs EPSG:4326 EPSG:2154`.
        let c = try parse("id,lon,lat\nprivas,4.5986,44.7356\n")
        #expect(c[0].place.crs == .lambert93)
        #expect(abs(c[0].place.point.x - 826_554.567) < 0.01)
        #expect(abs(c[0].place.point.y - 6_405_333.341) < 0.01)
        #expect(c[0].communeCode != nil)
    }

    @Test func badFilesNameLineAndField() {
        #expect(error("id,commune\n")?.description.contains("no data rows") == true)
        #expect(error("id,commune\na,07001\na,07002\n")?.description == "cand.csv:3: field 'id': duplicate id a")
        #expect(error("id,commune\na,99999\n")?.description == "cand.csv:2: field 'commune': unknown commune code 99999")
        #expect(error("id,x,y\na,NaN,6400000\n")?.description.hasPrefix("cand.csv:2: field 'x'") == true)
        #expect(error("id,x,y\na,800000,100\n")?.description.hasPrefix("cand.csv:2: field 'y'") == true)
        #expect(error("id,lon,lat\na,-60,10\n")?.description.contains("outside France") == true)
        #expect(error("id,name\na,b\n")?.description.contains("no location columns") == true)
        #expect(error("commune\n07001\n")?.description.contains("id") == true)
        #expect(error("id,commune\n,07001\n")?.description.hasPrefix("cand.csv:2: field 'id'") == true)
    }

    @Test func peerCSVRoundTripsCoordinates() throws {
        let c = try parse("id,x,y\n\"a,b\",800000.125,6400000.5\n")
        #expect(CandidatesFile.peerCSV(c) == "id,x,y\n\"a,b\",800000.125,6400000.5\n")
    }
}
