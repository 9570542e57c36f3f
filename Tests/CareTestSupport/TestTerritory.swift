import CareGeo
import CareModel

/// A small synthetic territory (labelled as such: invented communes, real-looking codes) for importer tests.
public enum TestTerritory {
    public static func make() throws -> Territory {
        func c(_ code: String, _ x: Double, _ y: Double, _ pop: Int) -> Commune {
            Commune(code: code, name: "Commune \(code)", population: pop, departement: Commune.departement(ofCode: code),
                    location: LonLat(lon: 4.5, lat: 44.7), point: ProjectedPoint(x: x, y: y), crs: .lambert93,
                    pointSource: .townHall)
        }
        return try Territory(
            communes: [c("07001", 800_000, 6_400_000, 1_000), c("07002", 810_000, 6_400_000, 500),
                       c("26001", 850_000, 6_400_000, 2_000)],
            aliases: ["07099": "07002"])
    }
}
