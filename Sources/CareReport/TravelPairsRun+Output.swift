import CareIO
import CareStudy

extension TravelPairsRun {
    /// Stages the pairs with their minutes at `path`, with the table's metadata sidecar.
    public func stage(to path: String, in transaction: inout OutputTransaction) throws {
        try transaction.stage(csv, to: path)
        try CSVMetadata(title: "Minutes between pairs", model: model.summary, caveats: model.caveats.map(\.description),
                        sources: [spec.pairsPath, input.source]).stage(besides: path, in: &transaction)
    }
}
