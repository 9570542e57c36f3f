import CareStudy

extension TravelModelSpec {
    /// ``label`` in `language`: `à vol d’oiseau 60 km/h × 1,3`, `calé sur METRIC 2019 (DREES)`…
    public func label(_ language: ReportLanguage) -> String {
        guard language == .fr else { return label }
        let fr = ReportLanguage.fr
        switch kind {
        case .calibrated: return "calé sur \(Self.fileName(modelPath) ?? "METRIC 2019 (DREES)")"
        case .crowfly: return "à vol d’oiseau \(fr.compact(speedKmh)) km/h × \(fr.compact(circuity))"
        case .network: return "réseau routier \(Self.fileName(networkPath) ?? "?")"
        case .matrix: return "matrice origine–destination \(Self.fileName(matrixPath) ?? "?")"
        }
    }
}
