import CareIO
import CareModel
import CareStudy

extension NetworkPlacesRun {
    /// One row per studied commune: code, name, département, population, node and its OSM id, connector metres
    /// and minutes (empty when not computed or not attached) and whether it is attached (1/0).
    public var csv: String {
        var csv = "code,name,departement,population,node,osm_id,connector_m,connector_minutes,attached\n"
        for (k, c) in communes.enumerated() {
            let v = Int(snap.nodes[k])
            let node = v >= 0 ? "\(v),\(graph.osmIDs[v])" : ","
            let metres = snap.metres[k].isFinite ? snap.metres[k].fixed(1) : ""
            let minutes = snap.minutes[k].isFinite ? snap.minutes[k].fixed(3) : ""
            csv += "\(c.code),\(CSVWriter.escape(c.name)),\(c.departement),\(c.population),\(node),\(metres),\(minutes),\(v >= 0 ? 1 : 0)\n"
        }
        return csv
    }

    /// The summary printed: how many communes are attached, each attached one, and the five nearest beyond the limit.
    public var summaryText: String {
        var lines = ["Communes\(scope) on \(spec.networkPath) (snap limit \(spec.snapLimitMetres.fixed(0)) m, connector \(spec.accessSpeedKmh.fixed(0)) km/h): \(attached.count) of \(communes.count) attached"]
        for k in attached {
            lines.append("  \(communes[k].name) (\(communes[k].code)): node \(snap.nodes[k]), connector \(snap.metres[k].fixed(0)) m, \(snap.minutes[k].fixed(2)) min")
        }
        let beyond = communes.indices.filter { snap.nodes[$0] < 0 && snap.metres[$0].isFinite }
            .sorted { snap.metres[$0] < snap.metres[$1] }.prefix(5)
        if !beyond.isEmpty {
            lines.append("Nearest beyond the limit: " + beyond.map { "\(communes[$0].name) (\(communes[$0].code)) \(snap.metres[$0].fixed(0)) m" }.joined(separator: "; "))
        }
        return lines.joined(separator: "\n")
    }

    /// Stages the per-commune table at `out` and the attached communes as a territory at `territoryOut`.
    public func stage(table out: String?, territory territoryOut: String?, in transaction: inout OutputTransaction) throws {
        if let out { try transaction.stage(csv, to: out) }
        if let territoryOut { try TerritoryFile.stage(try attachedTerritory(), to: territoryOut, in: &transaction) }
    }
}
