import CareIO
import CareStudy
import CareModel

/// Writes the CSV inputs of the reference harness (`../shared/peers/peer.py`): `demand.csv id,x,y,population`
/// and `supply.csv id,x,y,capacity`, Lambert-93 metres with round-trip precision, for side-by-side checks.
public enum PeerExport {
    /// `id,x,y,population`: the studied communes by code, at their Lambert-93 point (metres), with inhabitants.
    public static func demandCSV(_ study: Study) -> String {
        var out = "id,x,y,population\n"
        for i in study.demand {
            let c = study.territory.communes[i]
            out += "\(c.code),\(c.point.x),\(c.point.y),\(c.population)\n"
        }
        return out
    }

    /// `id,x,y,capacity`: every supply site (across borders too) at its Lambert-93 point, capacity in GPs.
    public static func supplyCSV(_ study: Study) -> String {
        var out = "id,x,y,capacity\n"
        for s in study.supply.sites {
            out += "\(CSVWriter.escape(s.id)),\(s.point.x),\(s.point.y),\(s.gps)\n"
        }
        return out
    }
}
