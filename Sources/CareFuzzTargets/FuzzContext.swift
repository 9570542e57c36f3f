import CareIO
import CareStudy
import CareModel
import Foundation

/// What the fuzz targets read against: the embedded Ardèche study (territory and supply), loaded once.
///
/// A fuzz input is one file; readers that resolve codes need a territory, and the embedded one is the real
/// fixture users get by default.
enum FuzzContext {
    /// The embedded Ardèche study; a failure to load it is a broken build, not a finding.
    static let study: Study = {
        do {
            return try Study.load(territoryPath: nil, supplyPath: nil, departements: [])
        } catch {
            fatalError("fuzz setup: cannot load the embedded study: \(error)")
        }
    }()

    /// The embedded territory.
    static var territory: Territory { study.territory }
}
