import CareStudy

extension NetworkPathsRun {
    /// `source,node,minutes` for every node each source reaches, then rows with source −1 for the multi-source
    /// search; minutes as Swift's shortest round-trip rendering, so that a reader parses the very same Doubles.
    public var csv: String {
        var csv = "source,node,minutes\n"
        func rows(_ source: Int, _ minutes: [Double]) {
            for (v, m) in minutes.enumerated() where m.isFinite { csv += "\(source),\(v),\(m)\n" }
        }
        for (s, m) in zip(sources, minutes) { rows(s, m) }
        if let multiSourceMinutes { rows(-1, multiSourceMinutes) }
        return csv
    }
}
