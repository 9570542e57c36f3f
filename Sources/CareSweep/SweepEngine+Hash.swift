import CareIO
import CareReport
import CareStudy
import CareModel
import Foundation

extension SweepEngine {
    /// The spec hash: the engine and format versions, the text of the sweep file and of every scenario file it
    /// names, the loaded territory and supply (so the embedded fixture and a copy of the same data hash alike,
    /// whatever their paths), the baseline's parameters, and the bytes of a road network or OD matrix file.
    /// Shards whose hashes differ were computed from different inputs and are never merged.
    /// Complexity: O(size of the inputs).
    static func specHash(file: SweepFile, study: Study) throws(InputError) -> String {
        var h = SweepHash()
        h.add(engineVersion)
        h.add(UInt64(formatVersion))
        for source in file.sources {
            h.add(source.name)
            h.add(source.text)
        }
        h.add(TerritoryBinary.encode(study.territory))
        h.add(UInt64(study.demand.count))
        for i in study.demand { h.add(UInt64(i)) }
        h.add(UInt64(study.supply.sites.count))
        for s in study.supply.sites {
            h.add(s.id)
            h.add(s.communeCode ?? "")
            h.add(s.departement ?? "")
            h.add(s.point.x)
            h.add(s.point.y)
            h.add(UInt64(s.crs.epsg))
            h.add(s.gps)
            h.add(UInt64(s.practitioners.count))
            for p in s.practitioners {
                h.add(p.fte)
                h.add(UInt64(bitPattern: Int64(p.birthYear ?? Int.min)))
                h.add(p.activity ?? -1)
            }
        }
        let t = file.baseline.travel
        h.add(t.kind.rawValue)
        for v in [t.speedKmh, t.circuity, t.accessSpeedKmh, t.snapLimitMetres] { h.add(v) }
        h.add(UInt64(t.symmetricMatrix ? 1 : 0))
        for path in [t.networkPath, t.matrixPath].compactMap({ $0 }) {
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
                data.withUnsafeBytes { raw in h.add(raw) }
            } catch {
                throw InputError(file: path, message: "cannot read file: \(FileInput.reason(error))")
            }
        }
        return h.hex
    }
}
